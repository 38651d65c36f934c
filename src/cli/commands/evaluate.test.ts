import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerEvaluate } from './evaluate.ts';

const C07 = {
  conductDate: '2022-11-01',
  jurisdiction: 'K',
  route: 'ex_officio',
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_filed',
  breachOutstanding: false,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rongcuo-evaluate-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

/** Runs `rongcuo evaluate …` in-process with the decision date fixed at 2025-06-01 Beijing time. */
async function cli(args: string[], facts?: unknown) {
  const file = join(dir, `facts-${Math.random().toString(36).slice(2)}.json`);
  if (facts !== undefined) await writeFile(file, typeof facts === 'string' ? facts : JSON.stringify(facts));
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const program = new Command('rongcuo').exitOverride();
  registerEvaluate(program, { now: () => new Date('2025-06-01T04:00:00Z') });
  await program.parseAsync(['node', 'rongcuo', 'evaluate', '--facts', file, ...args]);
  return {
    stdout: out.mock.calls.map((call) => call.join(' ')).join('\n'),
    stderr: err.mock.calls.map((call) => call.join(' ')).join('\n'),
    exitCode: process.exitCode ?? 0,
  };
}

describe('rongcuo evaluate', () => {
  it('prints the recommendation as JSON in the FACTS.md shape', async () => {
    const { stdout, exitCode } = await cli(['--json'], C07);
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout);
    expect(Object.keys(result)).toEqual([
      'recommendation',
      'correctionRequired',
      'policy',
      'exclusionsHit',
      'gatesFailed',
      'gatesUnknown',
      'situationsMatched',
      'reasons',
    ]);
    // Under K County S3 needs no filing: exempt.
    expect(result).toMatchObject({
      recommendation: 'exempt',
      policy: { id: 'k-county', version: '2019-06-01' },
    });
  });

  it('lets --jurisdiction override the facts: C07 under Yichang is mitigate', async () => {
    const { stdout } = await cli(['--jurisdiction', 'YC', '--json'], C07);
    expect(JSON.parse(stdout)).toMatchObject({
      recommendation: 'mitigate',
      policy: { id: 'yichang-example' },
    });
  });

  it('prints a readable Chinese summary without --json', async () => {
    const { stdout, exitCode } = await cli(['--jurisdiction', 'YC'], C07);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('建议 / Recommendation：减责（mitigate）');
    expect(stdout).toContain('宜昌');
  });

  it('exits 2 naming each malformed field on stderr', async () => {
    const { stdout, stderr, exitCode } = await cli([], { ...C07, conductDate: '2023-02-30', extra: 1 });
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('(conductDate): 不是有效日期');
    expect(stderr).toContain('(extra): 未知字段 / Unknown field');
  });

  it('exits 2 for an id the policy does not know', async () => {
    const { stderr, exitCode } = await cli(['--json'], { ...C07, situations: ['S99'] });
    expect(exitCode).toBe(2);
    expect(JSON.parse(stderr).problems).toEqual([expect.objectContaining({ field: 'situations[0]' })]);
  });

  it('exits 2 for an unknown jurisdiction, an unreadable file or invalid JSON', async () => {
    expect(await cli(['--jurisdiction', 'ZZ'], C07)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('(jurisdiction)'),
    });
    expect(await cli([])).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('(--facts)') });
    expect(await cli([], '{ not json')).toMatchObject({
      exitCode: 2,
      stderr: expect.stringContaining('不是有效的 JSON'),
    });
  });
});
