/**
 * Test platforms on both engines: PGlite in memory always; PostgreSQL too when TEST_DATABASE_URL is
 * set (CI sets it) — each test file gets its own fresh database there, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.ts';
import { fixedClock } from '../../src/clock.ts';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { keyringFromFile } from '../../src/app/keys.ts';
import type { Deps } from '../../src/app/deps.ts';
import { loadDemoData } from '../../src/db/seed/load-demo.ts';
import { buildApp, type App } from '../../src/server/build-app.ts';

export type Engine = 'pglite' | 'postgres';
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const TEST_KEY = 'a'.repeat(64);

export type TestPlatform = {
  engine: Engine;
  handle: DbHandle;
  deps: Deps;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  databaseUrl?: string;
  close(): Promise<void>;
};

async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(process.env.TEST_DATABASE_URL!);
  const name = `rongcuo_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** `seed: true` loads K County's organisation and demo accounts; `'with-matters'` also its demo matters. */
export async function createTestPlatform(engine: Engine, opts: { seed?: boolean | 'with-matters'; now?: string } = {}): Promise<TestPlatform> {
  const clock = fixedClock(opts.now ?? '2026-03-02T09:00:00+08:00');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-test-'));
  let handle: DbHandle;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const created = await createPostgresDatabase();
    drop = created.drop;
    databaseUrl = created.url;
    handle = await connect({ engine: 'postgres', url: created.url, poolSize: 5 });
  } else {
    const snapshot = inject('pgliteSnapshot');
    handle = await connect({ engine: 'pglite', dataDir: 'memory://', ...(snapshot ? { loadDataDir: new Blob([fs.readFileSync(snapshot)]) } : {}) });
  }
  await migrateToLatest(handle.db);
  const keyring = keyringFromFile({ active: 'k1', blindIndex: 'k1', keys: { k1: TEST_KEY } });
  const deps: Deps = { db: handle.db, clock, keyring, publicBaseUrl: 'http://127.0.0.1:3000' };
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'silent', DATA_KEY: TEST_KEY, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  if (opts.seed) await loadDemoData(deps, { matters: opts.seed === 'with-matters' });
  return {
    engine,
    handle,
    deps,
    clock,
    config,
    ...(databaseUrl ? { databaseUrl } : {}),
    close: async () => {
      await handle.close();
      await drop?.();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function createTestApp(platform: TestPlatform): Promise<App> {
  return buildApp({ config: platform.config, deps: platform.deps, logger: process.env.TEST_LOG === "1" });
}

/** Signs in through the real endpoint; returns the cookie and CSRF token for later requests. */
export async function signIn(app: App, username: string, password = 'rongcuo-demo-2026', ip = '127.0.0.1') {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'rc_session')!;
  const { csrfToken } = res.json() as { csrfToken: string };
  return { cookies: { rc_session: cookie.value }, headers: { 'x-csrf-token': csrfToken }, csrfToken };
}
