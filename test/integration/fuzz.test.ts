/**
 * Bad input everywhere (docs/SECURITY.md §1.1, §1.4): property-based tests that drive every route
 * the app registers from its OpenAPI schemas with malformed, missing, oversized, wrongly typed and
 * unusual Unicode input — signed in as an officer, as an administrator (valid CSRF token) and
 * anonymously. Every answer: below 500, no stack trace, a coded error `{code, message, messageEn}`
 * on every 4xx, and nothing written (audit head and every table's rows unchanged; a failed sign-in
 * may record the attempt and nothing else). FUZZ_RUNS and FUZZ_SEED tune and pin a run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type TestPlatform,
} from '../support/platform.ts';
import { ToleranceFlow } from '../support/tolerance-flow.ts';
import { appRoutes } from '../support/route-table.ts';
import {
  requestFor,
  routeInfo,
  type FuzzRequest,
  type OpenApi,
  type RouteInfo,
} from '../support/fuzz-requests.ts';
import { snapshotOf, writesOf, type Snapshot } from '../support/fuzz-snapshot.ts';
import { multipart } from '../support/roster-files.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import type { App } from '../../src/server/build-app.ts';

vi.mock('fastify', async (load) =>
  (await import('../support/route-table.ts')).recordingFastify(await load()),
);

const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647;
const IDENTITIES = ['officer', 'admin', 'anonymous'] as const;
type Identity = (typeof IDENTITIES)[number];
/** Sign-in routes record failed attempts on purpose (throttling, lock-out, the audit of failures). */
const SIGN_IN = new Set(['POST /api/auth/login', 'POST /api/auth/login/2fa']);
/** Routes that end the session they are called with: each run gets a session of its own. */
const SESSION_ENDING = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);
/** Routes limited per client address: each run comes from an address of its own. */
const PER_ADDRESS = new Set([
  'POST /api/auth/login',
  'POST /api/auth/login/2fa',
  'GET /api/verify',
  'POST /api/verify',
]);
const STACK = /\bat .*\.[cm]?[jt]s:\d+|node_modules/;
const routes = (await appRoutes()).map((r) => `${r.method} ${r.url}`);

describe.each(ENGINES)(
  `fuzzing ${routes.length} routes × ${IDENTITIES.length} identities × ${RUNS} runs: ${routes.length * IDENTITIES.length * RUNS} generated requests on %s`,
  (engine) => {
    let platform: TestPlatform;
    let app: App;
    let doc: OpenApi;
    let realIds: string[];
    const sessions = new Map<Identity, Awaited<ReturnType<typeof signIn>>>();
    const stats = { sent: 0, statuses: new Map<number, number>() };
    const started = performance.now();

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { seed: true });
      app = await createTestApp(platform);
      doc = (await app.inject({ url: '/api/openapi.json' })).json<OpenApi>();
      // Records that exist, so generated requests also get past "not found": a matter with a file and a document.
      const flow = new ToleranceFlow(app, platform);
      const matterId = await flow.apply();
      await flow.act('officer', matterId, 'accept');
      const upload = multipart('说明.pdf', tinyPdf('说明'), 'application/pdf');
      const cadre = await flow.session('cadre');
      const uploaded = await app.inject({
        method: 'POST',
        url: `/api/matters/${matterId}/evidence`,
        payload: upload.payload,
        headers: { ...upload.headers, ...cadre.headers },
        cookies: cadre.cookies,
      });
      const detail = await flow.detail('officer', matterId);
      // A sanction in force with a visit planned, so the follow-up routes are reached past "not found" too.
      const sanction = await flow.post('officer', `/api/cadres/${DEMO_PEOPLE.unitLeader.cadreId}/sanctions`, {
        type: 'party_warning',
        decidedOn: flow.today(),
        effectiveOn: flow.today(),
        decidedBy: '中共K县纪律检查委员会',
      });
      const sanctionId = sanction.json<{ id: string }>().id;
      const followUp = await flow.post('officer', '/api/follow-ups', { sanctionId, plannedOn: flow.today() });
      // A name clearing (of a cadre outside the officer's unit), so its routes are reached past "not found" too.
      const clearing = await flow.post('officer', '/api/name-clearings', {
        subjectCadreId: DEMO_PEOPLE.cadre.cadreId,
        source: 'officer_entry',
        receivedOn: flow.today(),
        concludedOn: flow.today(),
        finding: 'untrue',
        allegation: '收受好处',
        conclusion: '不属实',
        accuser: { anonymous: true },
      });
      realIds = [
        matterId,
        uploaded.json<{ file: { id: string } }>().file.id,
        detail.documents[0]!.id,
        DEMO_PEOPLE.cadre.cadreId,
        sanctionId,
        followUp.json<{ id: string }>().id,
        clearing.json<{ id: string }>().id,
      ];
      for (const who of IDENTITIES) if (who !== 'anonymous') sessions.set(who, await signIn(app, who));
    });
    afterAll(async () => {
      const statuses = [...stats.statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      console.log(
        `[${engine}] fuzz: ${stats.sent} generated requests sent (seed ${SEED}), ${Math.round(performance.now() - started)} ms; answers ${statuses}`,
      );
      await app.close();
      await platform.close();
    });

    /** The fingerprint after the last request when it wrote nothing (saves taking it again before the next). */
    let last: Snapshot | null = null;

    /** A live session for the identity (signed in again if a generated request ended it). */
    async function ensureSession(who: Identity) {
      if (who === 'anonymous') return;
      const me = await app.inject({ url: '/api/auth/me', cookies: sessions.get(who)!.cookies });
      if (me.statusCode === 200) return;
      sessions.set(who, await signIn(app, who));
      last = null;
    }

    async function session(who: Identity, route: string) {
      if (who === 'anonymous') return null;
      if (!SESSION_ENDING.has(route)) return sessions.get(who)!;
      last = null;
      return signIn(app, who);
    }

    /** Sends one generated request and answers what is wrong with the answer (null: nothing). */
    async function probe(info: RouteInfo, who: Identity, req: FuzzRequest): Promise<string | null> {
      const s = await session(who, info.key);
      const before = last ?? (await snapshotOf(platform.handle.db));
      last = null;
      const res = await app.inject({
        method: req.method as 'GET',
        url: req.query ? `${req.path}?${req.query}` : req.path,
        headers: {
          ...(s?.headers ?? {}),
          ...(req.contentType !== undefined ? { 'content-type': req.contentType } : {}),
          ...(req.idempotencyKey !== undefined ? { 'idempotency-key': req.idempotencyKey } : {}),
        },
        ...(s ? { cookies: s.cookies } : {}),
        ...(req.payload !== undefined ? { payload: req.payload } : {}),
        remoteAddress: PER_ADDRESS.has(info.key)
          ? `10.${stats.sent % 250}.${(stats.sent >> 8) % 250}.7`
          : '127.0.0.1',
      });
      stats.sent += 1;
      stats.statuses.set(res.statusCode, (stats.statuses.get(res.statusCode) ?? 0) + 1);
      const text = /json|text|html|yaml/.test(String(res.headers['content-type'] ?? '')) ? res.body : '';
      if (res.statusCode >= 500) return `${res.statusCode} ${res.body.slice(0, 300)}`;
      if (res.statusCode >= 400) {
        let body: { code?: unknown; message?: unknown; messageEn?: unknown } = {};
        try {
          body = JSON.parse(res.body);
        } catch {
          return `${res.statusCode} is not JSON: ${res.body.slice(0, 200)}`;
        }
        if (
          typeof body.code !== 'string' ||
          typeof body.message !== 'string' ||
          typeof body.messageEn !== 'string'
        )
          return `${res.statusCode} is not a coded error: ${res.body.slice(0, 300)}`;
        const { after, wrote } = await writesOf(platform.handle.db, before, SIGN_IN.has(info.key));
        if (wrote) return `${res.statusCode} ${body.code} but wrote ${wrote}`;
        last = after;
      }
      if ((res.statusCode >= 400 || /json/.test(String(res.headers['content-type']))) && STACK.test(text))
        return `stack trace or path leaked: ${text.slice(0, 300)}`;
      return null;
    }

    it.each(routes)('%s', async (route) => {
      const [method, url] = route.split(' ') as [string, string];
      const info = routeInfo(method, url, doc);
      for (const [i, who] of IDENTITIES.entries()) {
        await ensureSession(who);
        await fc.assert(
          fc.asyncProperty(requestFor(info, realIds), async (req) => {
            const problem = await probe(info, who, req);
            expect(
              problem,
              `${who} ${req.method} ${req.path}?${req.query.slice(0, 200)} [${req.shape}] ${String(req.contentType)}: ${String(req.payload ?? '').slice(0, 200)}`,
            ).toBeNull();
          }),
          // Each route and identity gets its own stream of inputs; FUZZ_SEED and the route's position replay it.
          {
            numRuns: RUNS,
            seed: SEED + routes.indexOf(route) * IDENTITIES.length + i,
            endOnFailure: false,
          },
        );
      }
    });
  },
);
