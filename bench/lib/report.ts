/**
 * Results of a benchmark run: every measurement beside the baseline measured in the same run, written
 * to bench/results/latest.json (`{ runs: [{ name, value, unit, baseline: { name, value }, ratio }] }`)
 * and bench/results/latest.md (a table with the targets).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Run = { name: string; value: number; unit: string; baseline: { name: string; value: number }; ratio: number };
/** What a ratio should be: at least or at most a number. */
export type Target = { atLeast?: number; atMost?: number };

export const log = (line: string) => process.stderr.write(`${line}\n`);

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

export class Results {
  readonly runs: Run[] = [];
  private readonly targets = new Map<string, Target>();
  private readonly notes: string[] = [];

  add(name: string, value: number, unit: string, baseline: { name: string; value: number }, target?: Target): Run {
    const run: Run = { name, value: round(value, 2), unit, baseline: { name: baseline.name, value: round(baseline.value, 2) }, ratio: round(baseline.value === 0 ? 0 : value / baseline.value) };
    this.runs.push(run);
    if (target) this.targets.set(name, target);
    const t = target ? `  (target ${describe(target)}: ${met(run.ratio, target) ? 'met' : 'MISSED'})` : '';
    log(`  ${name}: ${run.value} ${unit} vs ${run.baseline.name} ${run.baseline.value} → ratio ${run.ratio}${t}`);
    return run;
  }

  note(text: string): void {
    this.notes.push(text);
    log(`  note: ${text}`);
  }

  write(dir: string, name: string, context: Record<string, unknown>): void {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify({ runs: this.runs }, null, 2)}\n`);
    const rows = this.runs.map((r) => {
      const target = this.targets.get(r.name);
      const verdict = target ? `${describe(target)} ${met(r.ratio, target) ? '✓' : '✗'}` : '';
      return `| ${r.name} | ${r.value} ${r.unit} | ${r.baseline.name} | ${r.baseline.value} | ${r.ratio} | ${verdict} |`;
    });
    const md = [
      '# Benchmark results',
      '',
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`,
      '',
      ...Object.entries(context).map(([k, v]) => `- ${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
      '',
      '| measurement | value | baseline (same run) | baseline value | ratio | target |',
      '|---|---|---|---|---|---|',
      ...rows,
      '',
      ...(this.notes.length ? ['Notes:', '', ...this.notes.map((n) => `- ${n}`), ''] : []),
    ].join('\n');
    fs.writeFileSync(path.join(dir, `${name}.md`), md);
  }
}

function describe(t: Target): string {
  return t.atLeast !== undefined ? `≥ ${t.atLeast}` : `≤ ${t.atMost}`;
}

function met(ratio: number, t: Target): boolean {
  return t.atLeast !== undefined ? ratio >= t.atLeast : ratio <= t.atMost!;
}
