/**
 * The one place that reads the environment. Everything else receives a frozen Config.
 * Start-up fails fast with every problem listed at once, naming each variable.
 */
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** 'auto' = demo on for the embedded default, off with DATABASE_URL. */
  DEMO: z.enum(['auto', 'on', 'off']).default('auto'),
  /** 32 bytes hex: SM4 key (16) + HMAC-SM3 key (16) for sensitive fields. Or a file path in DATA_KEY_FILE. */
  DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)')
    .optional(),
  DATA_KEY_FILE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 7).default(12),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(200).default(20),
  /** Public address printed on documents for verification, e.g. https://jw.example.gov.cn */
  PUBLIC_URL: z.url().optional(),
  /** Whether webhook callbacks may go to this machine (127.0.0.1, localhost); 'auto' = in demo mode. */
  WEBHOOK_ALLOW_LOOPBACK: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Seconds between polls of the webhook outbox when nothing was due. */
  WEBHOOK_POLL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
});

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  database: 'pglite' | 'postgres';
  demo: boolean;
  dataKeyHex: string | undefined;
  dataKeyFile: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  trustProxy: boolean;
  maxUploadBytes: number;
  publicBaseUrl: string;
  webhookAllowLoopback: boolean;
  webhookPollMs: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置错误:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set" so that `FOO= npm start` behaves like leaving FOO out.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const database = e.DATABASE_URL ? 'postgres' : 'pglite';
  const demo = e.DEMO === 'on' || (e.DEMO === 'auto' && database === 'pglite');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    database,
    demo,
    dataKeyHex: e.DATA_KEY,
    dataKeyFile: e.DATA_KEY_FILE,
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    trustProxy: e.TRUST_PROXY === 'true',
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    publicBaseUrl: (e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/+$/, ''),
    webhookAllowLoopback: e.WEBHOOK_ALLOW_LOOPBACK === 'true' || (e.WEBHOOK_ALLOW_LOOPBACK === 'auto' && demo),
    webhookPollMs: e.WEBHOOK_POLL_SECONDS * 1000,
  });
}
