/**
 * One code path for both engines (STACK §2a): Kysely's PostgresDialect over a pg.Pool, either to a
 * PostgreSQL server or to in-process PGlite through PGlite's own node-postgres adapter.
 */
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './schema.ts';
import { lockDataDir, type DataDirLock } from './lock.ts';

export type Db = Kysely<Database>;

// DATE columns hold calendar days (Beijing dates such as due dates); pg would turn them into
// midnight-local Date objects. Keep them as 'YYYY-MM-DD' strings on both engines.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export type DbHandle = {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** PGlite only: the embedded instance (backups use dumpDataDir). */
  pglite?: PGlite;
  /** PostgreSQL only: the connection URL (for work that opens connections of its own, e.g. parallel audit verification). */
  url?: string;
};

export type ConnectOptions =
  | { engine: 'postgres'; url: string; poolSize?: number }
  /** dataDir 'memory://' for tests; otherwise a directory that gets an exclusive lock. */
  | { engine: 'pglite'; dataDir: string; loadDataDir?: Blob | File };

export async function connect(options: ConnectOptions): Promise<DbHandle> {
  if (options.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection the server ends (restart, failover, admin termination) must not crash the
    // process: the pool drops that client and the next query opens a fresh one.
    pool.on('error', () => undefined);
    // Surface a wrong URL at start-up rather than on the first request.
    const client = await pool.connect();
    client.release();
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', url: options.url, close: () => db.destroy() };
  }
  let lock: DataDirLock | undefined;
  let dataDir = options.dataDir;
  if (!dataDir.startsWith('memory://')) {
    lock = lockDataDir(dataDir);
    dataDir = path.join(dataDir, 'pglite');
  }
  try {
    const lite = await PGlite.create({
      dataDir,
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(lite)) }) });
    return {
      db,
      engine: 'pglite',
      pglite: lite,
      close: async () => {
        await db.destroy();
        if (!lite.closed) await lite.close();
        lock?.release();
      },
    };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
