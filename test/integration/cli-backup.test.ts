import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { keyringFromFile } from '../../src/app/keys.ts';
import { fixedClock } from '../../src/clock.ts';
import { connect } from '../../src/db/connect.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { loadDemoData } from '../../src/db/seed/load-demo.ts';
import { TEST_KEY } from '../support/platform.ts';

/** Runs `rongcuo …` as an operator would, on the embedded engine. */
function rongcuo(
  dataDir: string,
  ...args: string[]
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve('bin/rongcuo.js'), ...args], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        DATA_KEY: '',
        DATA_KEY_FILE: '',
        DEMO: 'on',
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('rongcuo backup / restore (embedded engine, as an operator runs them)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-cli-backup-'));
  const source = path.join(root, 'source');
  const target = path.join(root, 'target');
  const file = path.join(root, 'k.rcbak');
  const keyring = { active: 'k1', blindIndex: 'k1', keys: { k1: TEST_KEY } };

  beforeAll(async () => {
    // A seeded installation: its data directory and the keys.json beside it, as the server leaves them.
    fs.mkdirSync(source, { recursive: true });
    fs.writeFileSync(path.join(source, 'keys.json'), JSON.stringify(keyring), { mode: 0o600 });
    const snapshot = inject('pgliteSnapshot');
    const handle = await connect({
      engine: 'pglite',
      dataDir: source,
      loadDataDir: new Blob([fs.readFileSync(snapshot)]),
    });
    await migrateToLatest(handle.db);
    await loadDemoData({
      db: handle.db,
      clock: fixedClock('2026-03-02T09:00:00+08:00'),
      keyring: keyringFromFile(keyring),
      publicBaseUrl: 'http://127.0.0.1:3000',
    });
    await handle.close();
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('refuses to back up a data directory the server holds, saying why', async () => {
    const server = await connect({ engine: 'pglite', dataDir: source });
    try {
      const res = await rongcuo(source, 'backup', file);
      expect(res.status).toBe(2);
      expect(res.stderr).toContain('正被另一个进程');
      expect(res.stderr).toContain('stop the server first, then back up or restore');
      expect(fs.existsSync(file)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('backs up, then restores into a new data directory once its keys are there', async () => {
    const backup = await rongcuo(source, 'backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain('备份完成 / backup written');

    const noKeys = await rongcuo(target, 'restore', file);
    expect(noKeys.status).toBe(2);
    expect(noKeys.stderr).toContain('backup.keys_missing');
    expect(noKeys.stderr).toContain('keys.json');
    expect(fs.existsSync(path.join(target, 'keys.json'))).toBe(false); // no fresh key was invented

    fs.mkdirSync(target, { recursive: true });
    fs.copyFileSync(path.join(source, 'keys.json'), path.join(target, 'keys.json'));
    const restored = await rongcuo(target, 'restore', file);
    expect(restored.stderr).toBe('');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toContain('审计链完整');
  }, 240_000); // three CLI processes, each restoring or verifying the whole demo with its audit chain

  it('refuses to restore over data, in both languages', async () => {
    const again = await rongcuo(target, 'restore', file);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('目标数据库不是空库');
    expect(again.stderr).toContain('The target database is not empty');
  });
});
