/**
 * Records of a matter that are not its status (progress reports, acceptance, look-back, review
 * opinions): sensitive free text is stored SM4-encrypted and bound to the record id, as the
 * tolerance steps do; `visibility` keeps the commission's internal work from the parties.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';

export type RecordWriter = {
  trx: Transaction<Database>;
  deps: Pick<Deps, 'keyring'>;
  user: UserWithGrants;
  now: Date;
};

export type NewMatterRecord = {
  kind: string;
  visibility: 'internal' | 'parties';
  data: Record<string, unknown>;
  /** Free text that may be sensitive: stored encrypted, bound to the record id. */
  text?: string | undefined;
  status?: string | null;
};

/** Adds a record to `matterId`; returns its id. */
export async function addMatterRecord(
  w: RecordWriter,
  matterId: string,
  record: NewMatterRecord,
): Promise<string> {
  const id = randomUUID();
  await w.trx
    .insertInto('matter_records')
    .values({
      id,
      matter_id: matterId,
      kind: record.kind,
      visibility: record.visibility,
      data: JSON.stringify(record.data),
      text_enc: record.text ? w.deps.keyring.encrypt(record.text, `matter_record:${id}`) : null,
      status: record.status ?? null,
      created_by: w.user.system ? null : w.user.userId,
      created_at: w.now,
      updated_at: w.now,
    })
    .execute();
  return id;
}

/** Splits free text into its non-empty lines: measures and reasons are entered one per line. */
export function lines(text: string): string[] {
  return text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
