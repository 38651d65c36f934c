/**
 * Cold start of `npm start` (scripts/start.mjs) on PGlite until /api/health answers — on a fresh
 * DATA_DIR (initdb, migrations, K County demo data) and again on the same, existing one — beside a
 * bare PGlite start in a fresh Node process (create, resp. reopen, the same kind of directory). And
 * the web app's initial JavaScript: index.html's module script and module preloads, gzipped, beside
 * all the JavaScript the build emits.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Results } from '../lib/report.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Spawns `npm start`'s script and returns ms until /api/health says ok; stops it afterwards. */
async function startToHealthy(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', DATA_KEY: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (res.ok && ((await res.json()) as { status: string }).status === 'ok') return performance.now() - started;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** ms for a fresh Node process to import PGlite, open `dir` (creating it when new) and close it. */
async function barePglite(dir: string): Promise<number> {
  const script = `const t=performance.now();const {PGlite}=await import('@electric-sql/pglite');const db=await PGlite.create({dataDir:${JSON.stringify(dir)}});await db.query('select 1');await db.close();`;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bare PGlite exited with ${code}`))));
  });
  return performance.now() - started;
}

export async function startupScenario(results: Results): Promise<void> {
  // Build the web app first (in a child: the build script exits the process on failure), so the
  // cold start measures starting, not building.
  const build = spawnSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(pathToFileURL(path.join(root, 'scripts/build-web.mjs')).href)}).then((m) => m.buildWebIfStale())`], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    results.note('the web app does not build (sources being edited?): start-up and web app measurements skipped');
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-bench-start-'));
  try {
    const bareFresh = await barePglite(path.join(tmp, 'bare'));
    const fresh = await startToHealthy(path.join(tmp, 'app'));
    const bareExisting = await barePglite(path.join(tmp, 'bare'));
    const existing = await startToHealthy(path.join(tmp, 'app'));
    results.add('cold start of npm start to healthy, fresh DATA_DIR (initdb, migrations, demo data)', fresh, 'ms', { name: 'bare PGlite create in a fresh Node process', value: bareFresh });
    results.add('cold start of npm start to healthy, existing DATA_DIR', existing, 'ms', { name: 'bare PGlite reopen in a fresh Node process', value: bareExisting });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const webDir = path.join(root, 'dist/web');
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="([^"]+)"/g)].map((m) => m[1]!);
  const gz = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(webDir, file.replace(/^\.?\//, ''))), { level: 9 }).length;
  const initialBytes = initial.reduce((sum, f) => sum + gz(f), 0);
  const allJs = fs.readdirSync(path.join(webDir, 'assets')).filter((f) => f.endsWith('.js'));
  const allBytes = allJs.reduce((sum, f) => sum + gz(`assets/${f}`), 0);
  results.add(`web app initial JavaScript, gzip -9 (${initial.length} files)`, initialBytes / 1024, 'KiB', { name: `all JavaScript of the build (${allJs.length} files)`, value: allBytes / 1024 });
}
