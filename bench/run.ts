/**
 * `npm run bench` — the scale generator and the benchmark suite (DESIGN §4). Every measurement
 * stands beside a baseline measured in the same run on the same machine, and the ratio is what is
 * compared with the targets (the machine's absolute speed varies; ratios travel).
 *
 *   npm run bench                # county + national scale on PostgreSQL (BENCH_DATABASE_URL), county on PGlite
 *   npm run bench -- --quick     # the same code at small scale, in under two minutes (CI)
 *   npm run bench -- --prepare   # only generate the PostgreSQL databases, and keep them for
 *   BENCH_KEEP=1 npm run bench   # … runs that measure them without generating again
 *
 * PostgreSQL: BENCH_DATABASE_URL names a server and a database to connect to for administration;
 * the benchmark creates its own databases there and drops them afterwards. Without it only PGlite runs.
 * Writes bench/results/latest.json and latest.md (a --quick run writes quick.json and quick.md, so a
 * CI or local smoke run never overwrites the figures of a full run).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALES, variant, type ScaleSpec } from '../src/db/seed/scale/spec.ts';
import { Results, log } from './lib/report.ts';
import { createSite, type Engine, type Site } from './lib/site.ts';
import { apiScenarios, type ApiFigures } from './scenarios/api.ts';
import { importScenario } from './scenarios/import.ts';
import { auditScenario } from './scenarios/audit.ts';
import { startupScenario } from './scenarios/startup.ts';
import { addScorecardResults, scorecardScenario, type ScorecardFigures } from './scorecard.ts';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const adminUrl = process.env.BENCH_DATABASE_URL;

type Plan = { county: ScaleSpec; national: ScaleSpec; importRows: number; duration: number; transitions: number; auditSample: number };

const PLAN: Plan = quick
  ? {
      county: variant(SCALES.county, 'county (quick)', { cadresPerCounty: 1000, firstCountyCadres: 1000, mattersPerCounty: 150 }),
      national: variant(SCALES.national, 'national (quick)', { provinces: 2, cities: 4, counties: 8, cadresPerCounty: 300, firstCountyCadres: 1000, mattersPerCounty: 150 }),
      importRows: 2000,
      duration: 1,
      transitions: 120,
      auditSample: 20_000,
    }
  : { county: SCALES.county, national: SCALES.national, importRows: 100_000, duration: 5, transitions: 3000, auditSample: 300_000 };

const results = new Results();
const started = performance.now();
const loadAtStart = os.loadavg().map((l) => l.toFixed(2)).join(' ');

async function withSite<T>(engine: Engine, label: string, spec: ScaleSpec, work: (site: Site) => Promise<T>): Promise<T> {
  log(`\n▶ ${label}: generating ${spec.name} scale on ${engine}`);
  const site = await createSite(engine, label, spec, adminUrl ? { adminUrl } : {});
  try {
    return await work(site);
  } finally {
    await site.drop();
  }
}

async function main(): Promise<void> {
  if (args.has('--prepare')) {
    // Generates (and keeps) the PostgreSQL databases of the plan without measuring: a later
    // `BENCH_KEEP=1 npm run bench` measures them (see site.ts).
    if (!adminUrl) throw new Error('--prepare needs BENCH_DATABASE_URL');
    process.env.BENCH_KEEP = '1';
    for (const [label, spec] of [['pg-county', PLAN.county], ['pg-national', PLAN.national]] as const) {
      log(`\n▶ ${label}: preparing ${spec.name} scale on postgres`);
      await createSite('postgres', label, spec, { adminUrl });
    }
    return;
  }
  log(`rongcuo bench${quick ? ' --quick' : ''}: ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  let countyFigures: ApiFigures | undefined;
  let countyScorecard: ScorecardFigures | undefined;
  if (adminUrl) {
    countyFigures = await withSite('postgres', 'pg-county', PLAN.county, async (site) => {
      countyScorecard = await scorecardScenario(site, { duration: PLAN.duration });
      const figures = await apiScenarios(site, results, { duration: PLAN.duration, prefix: 'PostgreSQL, county scale:', transitions: PLAN.transitions, dashboard: true });
      await importScenario(site, results, { rows: PLAN.importRows, prefix: 'PostgreSQL, county scale:' });
      await auditScenario(site, results, { prefix: 'PostgreSQL, county scale:', sample: PLAN.auditSample });
      return figures;
    });
    await withSite('postgres', 'pg-national', PLAN.national, async (site) => {
      addScorecardResults(results, await scorecardScenario(site, { duration: PLAN.duration }), countyScorecard!);
      const figures = await apiScenarios(site, results, { duration: PLAN.duration, prefix: 'PostgreSQL, national scale:', transitions: 0, dashboard: true });
      const county = countyFigures!;
      results.add('supervisor per-county dashboard (GET /api/stats/counties) p50 latency, national scale', figures.dashboard!.p50, 'ms', { name: 'the same dashboard at county scale', value: county.dashboard!.p50 }, { atMost: 2 });
      results.add('supervisor per-county dashboard mean latency, national scale', figures.dashboard!.mean, 'ms', { name: 'the same dashboard at county scale', value: county.dashboard!.mean }, { atMost: 2 });
      results.add('officer inbox req/s, national scale', figures.inbox.rps, 'req/s', { name: 'the same inbox at county scale', value: county.inbox.rps });
      results.add('matter detail req/s, national scale', figures.detail.rps, 'req/s', { name: 'the same detail pages at county scale', value: county.detail.rps });
      // 认定尺度统一: neither route may grow with the nation's history (index probes in the viewer's scope).
      if (figures.similar && county.similar)
        results.add('similar decided matters req/s, national scale', figures.similar.rps, 'req/s', { name: 'the same route at county scale', value: county.similar.rps }, { atLeast: 0.5 });
      if (figures.mix && county.mix)
        results.add('supervisor outcome mix (GET /api/stats/consistency) p50 latency, national scale', figures.mix.p50, 'ms', { name: 'the same view at county scale', value: county.mix.p50 }, { atMost: 3 });
      await auditScenario(site, results, { prefix: 'PostgreSQL, national scale:', sample: PLAN.auditSample });
      results.note(`national: ${site.generated.counties} counties, ${site.generated.cadres.toLocaleString('en')} cadres, ${site.generated.matters.toLocaleString('en')} matters, ${site.generated.auditEvents.toLocaleString('en')} audit events generated in ${sum(site.generated.seconds).toFixed(0)} s ${JSON.stringify(site.generated.seconds)}`);
    });
  } else {
    results.note('BENCH_DATABASE_URL not set: PostgreSQL and national scale skipped');
  }
  await withSite('pglite', 'pglite-county', PLAN.county, async (site) => {
    await apiScenarios(site, results, { duration: PLAN.duration, prefix: 'PGlite, county scale:', transitions: PLAN.transitions, dashboard: false });
    await importScenario(site, results, { rows: PLAN.importRows, prefix: 'PGlite, county scale:' });
    await auditScenario(site, results, { prefix: 'PGlite, county scale:', sample: PLAN.auditSample });
  });
  log('\n▶ start-up and web app');
  await startupScenario(results);

  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
  results.write(dir, quick ? 'quick' : 'latest', {
    command: `npm run bench${quick ? ' -- --quick' : ''}`,
    scales: quick ? 'quick (small)' : 'county (1 county, 5,000 cadres, ~352 matters) and national (2,844 counties, ~3 million cadres, ~1 million matters)',
    'wall time': `${((performance.now() - started) / 1000).toFixed(0)} s`,
    'load average at start': loadAtStart,
  });
  log(`\nwrote ${path.join(dir, quick ? 'quick' : 'latest')}.json and .md in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
