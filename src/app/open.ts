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

export type Platform = { deps: Deps; handle: DbHandle; seeded: boolean; close(): Promise<void> };

export async function openPlatform(config: Config, opts: { clock?: Clock; seedDemo?: boolean } = {}): Promise<Platform> {
  const keyring = loadKeyring(config);
  const handle = await connect(config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir });
  try {
    await migrateToLatest(handle.db);
    const deps: Deps = { db: handle.db, clock: opts.clock ?? systemClock, keyring, publicBaseUrl: config.publicBaseUrl };
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
