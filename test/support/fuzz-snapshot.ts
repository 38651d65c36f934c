/**
 * "Nothing written": a cheap fingerprint of the database — the audit chain's last sequence number,
 * the row count of every table, and the counters a failed sign-in moves — taken before a request
 * and compared after it. One statement, so it can run around every generated request.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.ts';

export type Snapshot = Record<string, number>;

let statement: string | undefined;

async function fingerprintSql(db: Db): Promise<string> {
  if (!statement) {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
    const counts = rows.map((r) => `(select count(*) from "${r.name}") as "${r.name}"`);
    statement = `select ${[
      ...counts,
      '(select coalesce(max(seq), 0) from audit_events) as "audit seq"',
      '(select coalesce(sum(version), 0) from matters) as "matters.version"',
      '(select coalesce(sum(version), 0) from cadres) as "cadres.version"',
      '(select coalesce(sum(failed_logins), 0) from users) as "users.failed_logins"',
      '(select count(*) from users where locked_until is not null or status <> \'active\') as "users locked or disabled"',
    ].join(', ')}`;
  }
  return statement;
}

export async function snapshotOf(db: Db): Promise<Snapshot> {
  const { rows } = await sql
    .raw<Record<string, string | number | bigint>>(await fingerprintSql(db))
    .execute(db);
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

/** What a failed sign-in may change: its attempt, the account's failure counter, and `auth.login_failed` events. */
const SIGN_IN_TRACES = new Set([
  'login_attempts',
  'users.failed_logins',
  'users locked or disabled',
  'audit_events',
  'audit seq',
]);

/**
 * What changed since `before` (`wrote` null: nothing); for a sign-in route, only failed-attempt
 * traces are allowed. Answers the new fingerprint too.
 */
export async function writesOf(
  db: Db,
  before: Snapshot,
  signIn: boolean,
): Promise<{ after: Snapshot; wrote: string | null }> {
  const after = await snapshotOf(db);
  const changed = Object.keys(after).filter(
    (k) => after[k] !== before[k] && !(k === 'audit_head' && after['audit seq'] === before['audit seq']),
  );
  const unexpected = signIn ? changed.filter((k) => !SIGN_IN_TRACES.has(k)) : changed;
  if (signIn && changed.includes('audit seq')) {
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('seq', '>', String(before['audit seq']))
      .execute();
    const other = events.filter((e) => e.action !== 'auth.login_failed').map((e) => e.action);
    if (other.length) unexpected.push(`audit events ${other.join(', ')}`);
  }
  return {
    after,
    wrote: unexpected.length
      ? unexpected.map((k) => `${k} ${before[k] ?? ''}→${after[k] ?? ''}`).join(', ')
      : null,
  };
}
