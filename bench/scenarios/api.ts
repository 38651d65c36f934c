/**
 * API throughput on one site: the officer's inbox and a matter's detail page (requests/s and p99,
 * each beside the bare Fastify route measured just before it), a state transition (`accept`, with
 * its signed acceptance notice) beside single-row INSERT transactions through the bare app, and the
 * supervisor's per-county dashboard latency (one connection, so latency is not queueing).
 */
import type { Results } from '../lib/report.ts';
import { load, probe, startServer, type Load } from '../lib/http.ts';
import { addSubmittedMatters, type Site } from '../lib/site.ts';

/** `transitions`: how many state transitions to measure (0: none). */
export type ApiOptions = { duration: number; prefix: string; transitions: number; dashboard: boolean };

/** `similar`: 类似已决事项 beside determinations; `mix`: the supervisor's outcome mix (认定尺度统一). */
export type ApiFigures = { dashboard?: Load; inbox: Load; detail: Load; similar?: Load; mix?: Load };

/** Matters of the bench county with facts recorded (what the similar-matters route compares), read before the server holds the database. */
export async function apiScenarios(site: Site, results: Results, opts: ApiOptions): Promise<ApiFigures> {
  // Read when the site was built: opening PGlite again here would meet the lock of a server still closing.
  const similarIds = site.fixtures.determinationIds;
  let server = await startServer(site.env);
  const f = site.fixtures;
  const officer = { cookie: f.officer.cookie };
  const inboxPath = '/api/matters?pageSize=50&page=1';
  const detailPaths = f.detailIds.map((id) => ({ path: `/api/matters/${id}` }));
  const barePaths = f.cadreIds.map((id) => ({ path: `/bare/cadres/${id}` }));
  const duration = opts.duration;
  try {
    const inbox = (await probe(server.app + inboxPath, officer)) as { total: number; items: unknown[] };
    if (inbox.items.length === 0) throw new Error('the officer inbox is empty');
    await probe(server.app + detailPaths[0]!.path, officer);
    // Warm up every route (JIT, connection pools, caches) before measuring anything.
    for (const [url, requests, headers] of [
      [server.bare, barePaths, {}],
      [server.app, [{ path: inboxPath }], officer],
      [server.app, detailPaths, officer],
    ] as const)
      await load({ url, requests: [...requests], headers, duration: 1 });

    const bareA = await load({ url: server.bare, requests: barePaths, duration });
    const inboxLoad = await load({ url: server.app, requests: [{ path: inboxPath }], headers: officer, duration });
    const bare = { name: 'bare Fastify route (Zod + primary-key SELECT)', value: bareA.rps };
    results.add(`${opts.prefix} inbox (officer, ${inbox.total} matters in scope, page of 50 by deadline)`, inboxLoad.rps, 'req/s', bare, { atLeast: 0.25 });
    results.add(`${opts.prefix} inbox p99 latency`, inboxLoad.p99, 'ms', { name: 'bare route p99', value: bareA.p99 });

    const bareB = await load({ url: server.bare, requests: barePaths, duration });
    const detailLoad = await load({ url: server.app, requests: detailPaths, headers: officer, duration });
    results.add(`${opts.prefix} matter detail with timeline`, detailLoad.rps, 'req/s', { name: bare.name, value: bareB.rps }, { atLeast: 0.35 });
    results.add(`${opts.prefix} matter detail p99 latency`, detailLoad.p99, 'ms', { name: 'bare route p99', value: bareB.p99 });

    const figures: ApiFigures = { inbox: inboxLoad, detail: detailLoad };
    // 类似已决事项: index probes of decision_signatures in the county's scope, beside the detail page.
    if (similarIds.length > 0) {
      const similarPaths = similarIds.map((id) => ({ path: `/api/matters/${id}/similar` }));
      await probe(server.app + similarPaths[0]!.path, officer);
      await load({ url: server.app, requests: similarPaths, headers: officer, duration: 1 });
      figures.similar = await load({ url: server.app, requests: similarPaths, headers: officer, duration });
      results.add(`${opts.prefix} similar decided matters beside a determination (${similarIds.length} matters)`, figures.similar.rps, 'req/s', { name: 'matter detail with timeline', value: detailLoad.rps }, { atLeast: 0.25 });
      results.add(`${opts.prefix} similar decided matters p99 latency`, figures.similar.p99, 'ms', { name: 'matter detail p99', value: detailLoad.p99 });
    }
    if (opts.dashboard) {
      const path = `/api/stats/counties?jurisdictionId=${f.county.id}`;
      const supervisor = { cookie: f.supervisor.cookie };
      await probe(server.app + path, supervisor);
      await load({ url: server.app, requests: [{ path }], headers: supervisor, connections: 1, duration: 1 });
      figures.dashboard = await load({ url: server.app, requests: [{ path }], headers: supervisor, connections: 1, duration });
      // 认定结果结构: the supervisor's outcome mix by unit and decision-maker for the year, the whole city.
      const mixPath = '/api/stats/consistency';
      await probe(server.app + mixPath, supervisor);
      await load({ url: server.app, requests: [{ path: mixPath }], headers: supervisor, connections: 1, duration: 1 });
      figures.mix = await load({ url: server.app, requests: [{ path: mixPath }], headers: supervisor, connections: 1, duration });
    }
    if (opts.transitions > 0) {
      // The matters to act on are added only now, so the inbox measured above is the county's own.
      await server.stop();
      const submittedIds = await addSubmittedMatters(site, opts.transitions);
      server = await startServer(site.env);
      const insert = await load({
        url: server.bare,
        requests: [{ method: 'POST', path: '/bare/insert', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: 'x'.repeat(40) }) }],
        duration,
      });
      const post = { 'content-type': 'application/json', cookie: f.officer.cookie, 'x-csrf-token': f.officer.csrf };
      // Half the submitted matters are accepted (a signed acceptance notice is issued), half get a supplement request (no document).
      const half = Math.floor(submittedIds.length / 2);
      const accept = await load({
        url: server.app,
        requests: submittedIds.slice(0, half).map((id) => ({ method: 'POST', path: `/api/matters/${id}/actions/accept`, headers: post, body: '{}' })),
        amount: half,
      });
      const supplement = await load({
        url: server.app,
        requests: submittedIds.slice(half).map((id) => ({ method: 'POST', path: `/api/matters/${id}/actions/request_supplement`, headers: post, body: JSON.stringify({ items: '请补充提供集体研究会议纪要。' }) })),
        amount: submittedIds.length - half,
      });
      const baseline = { name: 'single-row INSERT transactions/s (bare route)', value: insert.rps };
      results.add(`${opts.prefix} state transition accept (+ signed acceptance notice) via the API`, accept.rps, 'transitions/s', baseline, { atLeast: 0.5 });
      results.add(`${opts.prefix} state transition request_supplement (no document) via the API`, supplement.rps, 'transitions/s', baseline, { atLeast: 0.5 });
    }
    return figures;
  } finally {
    await server.stop();
  }
}
