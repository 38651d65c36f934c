/**
 * Work an upgrade needs done once per installation (backfills at start-up): the first node to
 * record the task's key in `app_settings` does it; every later start, and every other node starting
 * at the same moment, finds the key there and skips.
 */
import type { Db } from '../connect.ts';

/** True when this caller claimed `key` and must do the work; false when it was claimed before. */
export async function claimOneTimeTask(db: Db, key: string, now: Date): Promise<boolean> {
  const claimed = await db
    .insertInto('app_settings')
    .values({ key, value: JSON.stringify({ startedAt: now.toISOString() }), updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return claimed !== undefined;
}
