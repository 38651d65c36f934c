/**
 * One worker thread of a parallel `rongcuo audit verify` on PostgreSQL: verifies one range of the
 * chain over its own connection (verify.ts `verifyRange`) and posts what it found, with progress.
 * Started by `verifyAuditChain` through `startVerifyWorker`; never imported by anything else.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema.ts';
import { verifyRange } from './verify.ts';

export type VerifyWorkerData = { databaseUrl: string; firstSeq: number; lastSeq: number | null; batchSize: number };
export type VerifyWorkerMessage = { progress: number } | { result: Awaited<ReturnType<typeof verifyRange>> } | { error: string };

const input = workerData as VerifyWorkerData;
const post = (message: VerifyWorkerMessage) => parentPort!.postMessage(message);
// One connection: the range reads one batch at a time (the next is asked for only once the last arrived).
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: input.databaseUrl, max: 1 }) }) });
try {
  const result = await verifyRange(db, input, (lastSeq) => post({ progress: lastSeq }));
  post({ result });
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
} finally {
  await db.destroy();
}
