/**
 * Crash safety: the real server, killed with SIGKILL in the middle of a burst of writes, restarts
 * cleanly and has lost nothing it acknowledged and half-written nothing: every matter has its audit
 * event and its number, every event its matter, and the audit chain verifies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { keyringFromFile } from '../../src/app/keys.ts';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { fixedClock } from '../../src/clock.ts';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { loadDemoData } from '../../src/db/seed/load-demo.ts';
import {
  createTestPlatform,
  ENGINES,
  TEST_KEY,
  type Engine,
  type TestPlatform,
} from '../support/platform.ts';

const TITLE = '崩溃测试';
const BURST = 300;
const CONCURRENCY = 6;
const KILL_AFTER = 40;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('src/server/main.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr.on('data', () => {}); // drained; shown only through a failed health check
  return child;
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

async function signIn(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'officer', password: 'rongcuo-demo-2026' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('rc_session='))!
    .split(';')[0]!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

describe.each(ENGINES)('crash safety on %s', (engine: Engine) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-crash-'));
  let pgPlatform: TestPlatform | undefined;
  afterAll(async () => {
    await pgPlatform?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** A seeded installation the server will open: a PGlite data dir with keys.json, or a fresh PostgreSQL database. */
  async function prepare(): Promise<Record<string, string>> {
    const common = {
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      DEMO: 'on',
      LOG_LEVEL: 'warn',
      DATA_DIR: root,
    };
    if (engine === 'postgres') {
      pgPlatform = await createTestPlatform('postgres', { seed: true });
      return { ...common, DATABASE_URL: pgPlatform.databaseUrl!, DATA_KEY: TEST_KEY, DATA_KEY_FILE: '' };
    }
    const keyring = { active: 'k1', blindIndex: 'k1', keys: { k1: TEST_KEY } };
    fs.writeFileSync(path.join(root, 'keys.json'), JSON.stringify(keyring), { mode: 0o600 });
    const handle = await connect({
      engine: 'pglite',
      dataDir: root,
      loadDataDir: new Blob([fs.readFileSync(inject('pgliteSnapshot'))]),
    });
    await migrateToLatest(handle.db);
    await loadDemoData({
      db: handle.db,
      clock: fixedClock(new Date()),
      keyring: keyringFromFile(keyring),
      publicBaseUrl: 'http://127.0.0.1',
    });
    await handle.close();
    return { ...common, DATABASE_URL: '', DATA_KEY: '', DATA_KEY_FILE: '' };
  }

  it('loses no acknowledged write and half-writes nothing when killed mid-burst', async () => {
    const env = await prepare();
    const base = `http://127.0.0.1:${env.PORT}`;
    let server = startServer(env);
    try {
      await waitHealthy(base, server);
      const session = await signIn(base);
      const acknowledged: string[] = [];
      let next = 0;
      let failed = 0;
      const worker = async () => {
        while (next < BURST) {
          const i = next++;
          try {
            const res = await fetch(`${base}/api/matters`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                cookie: session.cookie,
                'x-csrf-token': session.csrf,
              },
              body: JSON.stringify({
                route: 'ex_officio',
                subjectCadreId: DEMO_PEOPLE.cadre.cadreId,
                title: `${TITLE} ${i}`,
                summary: `第 ${i} 次写入，检验进程被强行终止后的数据完整性。`,
              }),
            });
            if (res.status === 201) {
              acknowledged.push(((await res.json()) as { id: string }).id);
              if (acknowledged.length === KILL_AFTER) server.kill('SIGKILL');
            } else failed++;
          } catch {
            failed++; // connection refused or reset: the server is gone
          }
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      await exited(server);
      expect(server.signalCode).toBe('SIGKILL');
      expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(failed).toBeGreaterThan(0); // the kill really landed mid-burst

      // Restart on the same data (the dead server's directory lock is stale) and read every acknowledged matter.
      server = startServer(env);
      await waitHealthy(base, server);
      const again = await signIn(base);
      for (const id of acknowledged) {
        const res = await fetch(`${base}/api/matters/${id}`, { headers: { cookie: again.cookie } });
        expect(res.status, id).toBe(200);
      }
      server.kill('SIGTERM');
      await exited(server);

      const handle: DbHandle =
        engine === 'postgres' ? pgPlatform!.handle : await connect({ engine: 'pglite', dataDir: root });
      try {
        const db = handle.db;
        const matters = await db
          .selectFrom('matters')
          .select(['id', 'number', 'jurisdiction_id'])
          .where('title', 'like', `${TITLE}%`)
          .execute();
        const opened = await db
          .selectFrom('audit_events')
          .select(['entity_id', 'data'])
          .where('action', '=', 'tolerance.opened')
          .execute();
        const matterIds = new Set(matters.map((m) => m.id));
        const eventIds = opened
          .map((e) => e.entity_id)
          .filter((id): id is string => id !== null && matterIds.has(id));
        expect(matters.length).toBeGreaterThanOrEqual(acknowledged.length);
        for (const id of acknowledged) expect(matterIds.has(id), id).toBe(true);
        // Each matter exactly one opening event, and no opening event without its matter.
        expect(eventIds.sort()).toEqual([...matterIds].sort());
        const allMatterIds = new Set(
          (await db.selectFrom('matters').select('id').execute()).map((m) => m.id),
        );
        for (const e of opened) expect(allMatterIds.has(e.entity_id!), `event for ${e.entity_id}`).toBe(true);
        // Numbers were allocated in the same transactions: the counter equals the matters numbered, no gaps.
        const counter = await db
          .selectFrom('matter_counters')
          .select('last')
          .where('type', '=', 'tolerance')
          .where('jurisdiction_id', '=', matters[0]!.jurisdiction_id)
          .execute();
        const numbered = await db
          .selectFrom('matters')
          .select('number')
          .where('jurisdiction_id', '=', matters[0]!.jurisdiction_id)
          .where('type', '=', 'tolerance')
          .execute();
        expect(counter.reduce((sum, c) => sum + c.last, 0)).toBe(numbered.length);
        expect(new Set(numbered.map((m) => m.number)).size).toBe(numbered.length);
        const chain = await verifyAuditChain(db);
        expect(chain.ok, JSON.stringify(chain.problem)).toBe(true);
      } finally {
        if (engine === 'pglite') await handle.close();
      }
    } finally {
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
      await exited(server);
    }
  }, 180_000); // ~15 s on a quiet machine; generous because CI machines are shared
});
