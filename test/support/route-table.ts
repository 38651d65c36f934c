/**
 * The app's route table as Fastify itself registers it: tests that must cover every route (the
 * authorization matrix, the fuzz tests) install `recordingFastify` with `vi.mock('fastify', …)` so
 * an `onRoute` hook is in place before `buildApp` adds a single route.
 */
import type { FastifyInstance, RouteOptions } from 'fastify';

/** One registered route: method and URL pattern exactly as registered (`/api/matters/:id`). */
export type RecordedRoute = { method: string; url: string; options: RouteOptions };

const recorded: RecordedRoute[] = [];

/**
 * Wraps the `fastify` module so every instance records its routes. Use it as
 * `vi.mock('fastify', async (load) => (await import('../support/route-table.ts')).recordingFastify(await load()))`.
 */
export function recordingFastify<M extends { default: (...args: never[]) => FastifyInstance }>(
  original: M,
): M {
  const create = original.default;
  const wrapped = Object.assign((...args: Parameters<typeof create>) => {
    const app = create(...args);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) recorded.push({ method, url: route.url, options: route });
    });
    return app;
  }, create);
  return { ...original, default: wrapped, fastify: wrapped };
}

const trimmed = (url: string) => (url.length > 1 ? url.replace(/\/$/, '') : url);

/**
 * `METHOD url` of every route recorded so far, HEAD routes that Fastify adds beside each GET left
 * out (they answer exactly as their GET, trailing slash or not). Call it after `buildApp`.
 */
export function recordedRouteKeys(): string[] {
  const keys = new Set(recorded.map((r) => `${r.method} ${r.url}`));
  const gets = new Set(recorded.filter((r) => r.method === 'GET').map((r) => trimmed(r.url)));
  return [...keys].filter((key) => !(key.startsWith('HEAD ') && gets.has(trimmed(key.slice(5))))).sort();
}

/** The recorded routes themselves (with their options: schema, config), HEAD duplicates left out. */
export function recordedRoutes(): RecordedRoute[] {
  const keys = new Set(recordedRouteKeys());
  const seen = new Set<string>();
  return recorded.filter((r) => {
    const key = `${r.method} ${r.url}`;
    if (!keys.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Builds the app once without a database (registering routes touches none) and answers its routes:
 * for tests that generate one test per route at collection time. Needs `recordingFastify` mocked.
 */
export async function appRoutes(): Promise<RecordedRoute[]> {
  const [{ buildApp }, { loadConfig }, { fixedClock }, { keyringFromFile }, os, path, fs] = await Promise.all(
    [
      import('../../src/server/build-app.ts'),
      import('../../src/config.ts'),
      import('../../src/clock.ts'),
      import('../../src/app/keys.ts'),
      import('node:os'),
      import('node:path'),
      import('node:fs'),
    ],
  );
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-routes-'));
  const key = 'b'.repeat(64);
  const app = await buildApp({
    config: loadConfig({ DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'silent', DATA_KEY: key }),
    deps: {
      db: undefined as never,
      clock: fixedClock('2026-03-02T09:00:00+08:00'),
      keyring: keyringFromFile({ active: 'k1', blindIndex: 'k1', keys: { k1: key } }),
      publicBaseUrl: 'http://127.0.0.1',
    },
    logger: false,
  });
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return recordedRoutes();
}
