import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DbHandle } from '../../src/db/connect.ts';
import { DataDirLockedError } from '../../src/db/lock.ts';

describe('the embedded data directory is exclusive', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-lock-'));
  let first: DbHandle;
  beforeAll(async () => {
    first = await connect({ engine: 'pglite', dataDir });
  });
  afterAll(async () => {
    await first.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process (the CLI) with a clear bilingual message', () => {
    const cli = path.resolve('bin/rongcuo.js');
    const res = spawnSync(process.execPath, [cli, 'migrate'], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, encoding: 'utf8', timeout: 60_000 });
    expect(res.status).not.toBe(0);
    expect(res.stderr).toContain('正被另一个进程');
    expect(res.stderr).toContain(`in use by another process (pid ${process.pid})`);
  });

  it('refuses a second open within the same process too', async () => {
    await expect(connect({ engine: 'pglite', dataDir })).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('treats the lock of a dead process as stale', async () => {
    await first.close();
    fs.writeFileSync(path.join(dataDir, '.rongcuo.lock'), '999999');
    first = await connect({ engine: 'pglite', dataDir });
    expect(fs.readFileSync(path.join(dataDir, '.rongcuo.lock'), 'utf8')).toBe(String(process.pid));
  });
});
