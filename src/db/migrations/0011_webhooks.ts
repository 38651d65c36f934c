import { sql, type Kysely } from 'kysely';

/**
 * Delivering the outcome ledger to other systems (DESIGN §3.9): subscriptions an administrator or
 * the organisation department of a jurisdiction registers (callback URL, the kinds of entry wanted,
 * an HMAC-SM3 secret stored SM4-encrypted); an outbox row per ledger entry per subscription, written
 * in the entry's own transaction; and the log of every delivery attempt. The delivery worker claims
 * due rows with `for update skip locked` and a lease, so several app nodes share the work.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table webhook_subscriptions (
      id uuid primary key,
      jurisdiction_id uuid not null references jurisdictions(id),
      url text not null,
      event_kinds text[] not null check (cardinality(event_kinds) > 0),
      description text not null default '',
      secret_enc text not null,
      status text not null check (status in ('active', 'disabled')),
      created_by uuid references users(id),
      created_at timestamptz not null,
      disabled_by uuid references users(id),
      disabled_at timestamptz
    )`.execute(db);
  await sql`create index webhook_subscriptions_jurisdiction_idx on webhook_subscriptions (jurisdiction_id) where status = 'active'`.execute(
    db,
  );

  await sql`
    create table webhook_outbox (
      -- The delivery id the receiver sees (payload and X-Rongcuo-Delivery) and acknowledges.
      id uuid primary key,
      subscription_id uuid not null references webhook_subscriptions(id),
      entry_id uuid not null references outcome_ledger(id),
      status text not null check (status in ('pending', 'delivered', 'failed', 'cancelled')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null,
      -- A worker that claimed the row owns it until then (a node that dies mid-delivery lets it go).
      lease_until timestamptz,
      last_status_code integer,
      last_error text,
      delivered_at timestamptz,
      receipt_id text,
      acknowledged_at timestamptz,
      acknowledged_via text check (acknowledged_via in ('response', 'ack_endpoint')),
      created_at timestamptz not null,
      unique (subscription_id, entry_id),
      check ((receipt_id is null) = (acknowledged_at is null))
    )`.execute(db);
  await sql`create index webhook_outbox_due_idx on webhook_outbox (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await sql`create index webhook_outbox_subscription_idx on webhook_outbox (subscription_id, created_at desc)`.execute(
    db,
  );

  await sql`
    create table webhook_delivery_attempts (
      id uuid primary key,
      outbox_id uuid not null references webhook_outbox(id),
      attempt integer not null check (attempt > 0),
      started_at timestamptz not null,
      status_code integer,
      latency_ms integer not null check (latency_ms >= 0),
      error text,
      unique (outbox_id, attempt)
    )`.execute(db);
}
