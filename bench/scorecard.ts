/**
 * 实施力度评价 at scale: the county scorecard's latency on the national-scale database beside the same
 * request on a county-scale one (DESIGN §4: dashboards must not grow with history). Like the
 * supervisor's per-county dashboard (scenarios/api.ts), one connection, so latency is not queueing.
 *
 * Two requests, the default period (the past twelve months):
 * - the city supervisor's scorecard of the bench county (`?scope=<county>`): the county ranked within
 *   its city, so the withheld cells are worked out over the city's counties — at national scale
 *   the bench city has about nine counties, at county scale one: the ratio includes that breadth;
 * - the county's own scorecard as its case officer sees it: the same county, the same ten years of
 *   its own history at both scales, amid 2,844 counties' history at national scale — the ratio is
 *   how the cost grows with the history in the database.
 */
import type { Results } from './lib/report.ts';
import { load, probe, startServer, type Load } from './lib/http.ts';
import type { Site } from './lib/site.ts';

export type ScorecardFigures = { supervisor: Load; county: Load };

export async function scorecardScenario(site: Site, opts: { duration: number }): Promise<ScorecardFigures> {
  const server = await startServer(site.env);
  const f = site.fixtures;
  const measure = async (path: string, cookie: string): Promise<Load> => {
    const headers = { cookie };
    const body = (await probe(server.app + path, headers)) as { rows: unknown[] };
    if (body.rows.length === 0) throw new Error(`the scorecard ${path} has no rows`);
    await load({ url: server.app, requests: [{ path }], headers, connections: 1, duration: 1 });
    return load({ url: server.app, requests: [{ path }], headers, connections: 1, duration: opts.duration });
  };
  try {
    return {
      supervisor: await measure(`/api/stats/scorecard?scope=${f.county.id}`, f.supervisor.cookie),
      county: await measure('/api/stats/scorecard', f.officer.cookie),
    };
  } finally {
    await server.stop();
  }
}

/** The entries of the national run, each beside the same request at county scale. */
export function addScorecardResults(
  results: Results,
  national: ScorecardFigures,
  county: ScorecardFigures,
): void {
  const baseline = (value: number) => ({ name: 'the same scorecard at county scale', value });
  results.add(
    'county scorecard (GET /api/stats/scorecard, the county as its officer sees it) p50 latency, national scale',
    national.county.p50,
    'ms',
    baseline(county.county.p50),
    { atMost: 2 },
  );
  results.add(
    'county scorecard, the county as its officer sees it, mean latency, national scale',
    national.county.mean,
    'ms',
    baseline(county.county.mean),
    { atMost: 2 },
  );
  results.add(
    'county scorecard (the supervisor drilling into the bench county, ranked among its city’s counties) p50 latency, national scale',
    national.supervisor.p50,
    'ms',
    baseline(county.supervisor.p50),
    { atMost: 2 },
  );
}
