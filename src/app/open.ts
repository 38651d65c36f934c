/**
 * Opens the platform's state from configuration: database (PGlite with a directory lock, or
 * PostgreSQL), migrations, keyring, and — in demo mode on an empty database — the K County data.
 */
import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../clock.ts';
import { connect, type DbHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadKeyring } from './keys.ts';
import type { Deps } from './deps.ts';
import { isDatabaseEmpty, loadDemoData } from '../db/seed/load-demo.ts';
import { backfillDecisionSignatures } from '../usecases/consistency/backfill.ts';
import { backfillOutcomeLedger } from '../usecases/outcome-ledger/backfill.ts';

export type Platform = { deps: Deps; handle: DbHandle; seeded: boolean; close(): Promise<void> };

export async function openPlatform(config: Config, opts: { clock?: Clock; seedDemo?: boolean } = {}): Promise<Platform> {
  const keyring = loadKeyring(config);
  const handle = await connect(config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const deps: Deps = { db: handle.db, clock: opts.clock ?? systemClock, keyring, publicBaseUrl: config.publicBaseUrl };
    // Once, after the upgrade that added them: signatures of facts recorded before (认定尺度统一).
    await backfillDecisionSignatures(deps);
    // Once, after the upgrade that added it: the outcome ledger of outcomes decided before (结果运用台账).
    await backfillOutcomeLedger(deps);
    let seeded = false;
    if ((opts.seedDemo ?? config.demo) && (await isDatabaseEmpty(handle.db))) {
      await loadDemoData(deps);
      seeded = true;
    }
    return { deps, handle, seeded, close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
