/**
 * HTTP load with autocannon's JS API (STACK §3: 10 connections, a few seconds each) against the
 * server child (serve.ts). A run that gets any non-2xx answer, error or timeout fails the benchmark:
 * a fast error page must never pass for a fast page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon, { type AutocannonRequest } from 'autocannon';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type Server = { app: string; bare: string; stop(): Promise<void> };

/** Starts serve.ts on the site's database; resolves once both apps listen. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(root, 'bench/lib/serve.ts')], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ports = await new Promise<{ app: number; bare: number }>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(JSON.parse(line) as { app: number; bare: number }));
    child.once('exit', (code) => reject(new Error(`bench server exited with code ${code}`)));
  });
  return {
    app: `http://127.0.0.1:${ports.app}`,
    bare: `http://127.0.0.1:${ports.bare}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export type Load = { rps: number; p50: number; p99: number; mean: number; requests: number; seconds: number };

export type LoadOptions = {
  url: string;
  /** Paths (GET) or requests to rotate through. */
  requests: AutocannonRequest[];
  headers?: Record<string, string>;
  connections?: number;
  duration?: number;
  /** A fixed number of requests instead of a duration (each request consumes a fixture). */
  amount?: number;
};

/** Runs autocannon, rotating through `requests`; throws on any non-2xx answer. */
export async function load(opts: LoadOptions): Promise<Load> {
  let next = 0;
  const rotate = opts.requests.length > 1;
  const requests: AutocannonRequest[] = rotate
    ? [{ setupRequest: (req) => ({ ...req, ...opts.requests[next++ % opts.requests.length]! }) }]
    : opts.requests;
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections ?? 10,
    // A fixed amount ends at autocannon's next sampling tick (every second by default), so its
    // duration — and the rate — would be rounded to whole seconds; sample every 10 ms instead.
    ...(opts.amount ? { amount: opts.amount, sampleInt: 10 } : { duration: opts.duration ?? 5 }),
    headers: opts.headers ?? {},
    requests,
    timeout: 30,
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${opts.url}${opts.requests[0]?.path ?? ''}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts out of ${result.requests.total}`);
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  return {
    rps: opts.amount ? result.requests.total / seconds : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    mean: result.latency.mean,
    requests: result.requests.total,
    seconds,
  };
}

/** One GET to check a route answers 2xx before loading it (and to show why when it does not). */
export async function probe(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}
