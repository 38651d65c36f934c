/**
 * Every SM4-encrypted column and the context its tokens are bound to (the row id is part of the
 * MAC, so a token only decrypts in its own row and column). Key rotation and backups walk this
 * list; a unit test checks it names every `*_enc` column of the schema, so a new encrypted column
 * cannot be forgotten.
 */
import type { Database } from '../../db/schema.ts';
import { ID_NUMBER_PURPOSE } from '../roster/sensitive-fields.ts';
import { totpContext } from '../auth/totp.ts';

export type EncryptedColumn = {
  table: keyof Database;
  /** Primary key column (single-column keys only). */
  key: string;
  column: string;
  context(id: string): string;
};

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'cadres', key: 'id', column: 'id_number_enc', context: (id) => `${ID_NUMBER_PURPOSE}:${id}` },
  { table: 'cadres', key: 'id', column: 'mobile_enc', context: (id) => `cadre.mobile:${id}` },
  { table: 'users', key: 'id', column: 'totp_secret_enc', context: totpContext },
  { table: 'matters', key: 'id', column: 'summary_enc', context: (id) => `matter.summary:${id}` },
  { table: 'matter_records', key: 'id', column: 'text_enc', context: (id) => `matter_record:${id}` },
  { table: 'meetings', key: 'id', column: 'minutes_enc', context: (id) => `meeting.minutes:${id}` },
  { table: 'sanctions', key: 'id', column: 'summary_enc', context: (id) => `sanction.summary:${id}` },
  { table: 'signing_keys', key: 'id', column: 'private_key_enc', context: (id) => `signing_key:${id}` },
  { table: 'webhook_subscriptions', key: 'id', column: 'secret_enc', context: (id) => `webhook.secret:${id}` },
];

export const columnLabel = (c: EncryptedColumn) => `${c.table}.${c.column}`;
