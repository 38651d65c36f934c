/**
 * Reading the outcome ledger (DESIGN §3.9): the organisation department lists and filters the entries
 * of the cadres in its jurisdictions (and any system it lets poll does the same through the cursor
 * API); a cadre reads their own entries, in plain words. Nobody else reads it: the commission writes
 * outcomes through its procedures, and the ledger is the organisation department's record.
 * Out-of-scope entries and cadres answer exactly like missing ones.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { escapeLike } from '../../db/queries/roster.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Role } from '../../domain/roles.ts';
import { describeEffect, headlineOf, plainText } from '../../domain/outcome-ledger/describe.ts';
import {
  AREA_LABELS,
  BLOCK_LABELS,
  LEDGER_KIND_LABELS,
  type LedgerEffect,
  type LedgerFacts,
  type LedgerKind,
} from '../../domain/outcome-ledger/effects.ts';
import type { LedgerFilters, OutcomeEntry } from '../../contracts/outcome-ledger.ts';

/** Roles that read the ledger of the cadres in their jurisdictions. */
export const LEDGER_READERS: readonly Role[] = ['org_dept'];

/** The jurisdiction paths the user reads the ledger in (broadest only). */
export function ledgerScope(user: UserWithGrants): string[] {
  const paths = user.grants.filter((g) => LEDGER_READERS.includes(g.role)).map((g) => g.jurisdictionPath);
  return [...new Set(paths)].filter((p) => !paths.some((q) => q !== p && p.startsWith(q)));
}

/** The cadre the user reads as themself, if they hold the cadre role and have a cadre record. */
export function ownCadreOf(user: UserWithGrants): string | null {
  return user.grants.some((g) => g.role === 'cadre') ? user.cadreId : null;
}

/** Entries with what presenting them needs (cadre, unit, jurisdiction, source, successor). */
export function entryRows(db: Db) {
  return db
    .selectFrom('outcome_ledger as e')
    .innerJoin('cadres as c', 'c.id', 'e.cadre_id')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .innerJoin('jurisdictions as j', 'j.id', 'e.jurisdiction_id')
    .leftJoin('matters as m', 'm.id', 'e.source_matter_id')
    .leftJoin('outcome_ledger as n', 'n.supersedes_id', 'e.id')
    .selectAll('e')
    .select([
      'c.name as cadre_name',
      'c.position as cadre_position',
      'c.id_number_masked as cadre_id_masked',
      'u.name as unit_name',
      'j.name as jurisdiction_name',
      'm.number as matter_number',
      'm.type as matter_type',
      'n.id as successor_id',
      'n.recorded_at as successor_recorded_at',
    ]);
}
type Rows = ReturnType<typeof entryRows>;
export type EntryRow = Awaited<ReturnType<Rows['executeTakeFirstOrThrow']>>;

/** An entry as every reader gets it (labels in both languages; plain words for the cadre). */
export function presentEntry(row: EntryRow): OutcomeEntry {
  const facts = row.facts as LedgerFacts;
  const effects = row.effects as LedgerEffect[];
  const supersededOn = row.successor_recorded_at ? toBeijingDate(row.successor_recorded_at) : null;
  return {
    id: row.id,
    cursor: String(row.seq),
    kind: row.kind as LedgerKind,
    kindLabel: LEDGER_KIND_LABELS[row.kind as LedgerKind],
    headline: headlineOf(facts, row.effective_until),
    plain: plainText(facts, effects, supersededOn),
    cadre: {
      id: row.cadre_id,
      name: row.cadre_name,
      unitId: row.unit_id,
      unitName: row.unit_name,
      position: row.cadre_position,
      idNumberMasked: row.cadre_id_masked,
    },
    jurisdiction: { id: row.jurisdiction_id, name: row.jurisdiction_name },
    effects: effects.map((e) => ({
      code: e.code,
      label: describeEffect(e, facts),
      areas: (e.areas ?? []).map((a) => ({ code: a, label: AREA_LABELS[a] })),
      blocks: (e.blocks ?? []).map((b) => ({ code: b, label: BLOCK_LABELS[b] })),
      from: e.from,
      until: e.until,
      detail: e.detail ?? null,
    })),
    scope: row.scope,
    effectiveFrom: row.effective_from,
    effectiveUntil: row.effective_until,
    source: {
      matterId: row.source_matter_id,
      matterNumber: row.matter_number,
      matterType: row.matter_type,
      sanctionId: row.sanction_id,
      documentId: row.source_document_id,
      documentNumber: row.document_number,
    },
    policy: { id: row.policy_id, version: row.policy_version },
    supersedes: row.supersedes_id,
    supersededBy: row.successor_id
      ? { id: row.successor_id, recordedAt: row.successor_recorded_at!.toISOString() }
      : null,
    inForce: row.successor_id === null,
    recordedAt: row.recorded_at.toISOString(),
  };
}

/** Rows within the paths (organisation department) or of the own cadre. */
function inReach(q: Rows, scope: readonly string[], ownCadre: string | null): Rows {
  return q.where((eb) =>
    eb.or([
      ...scope.map((p) => eb('e.jurisdiction_path', 'like', `${escapeLike(p)}%`)),
      ...(ownCadre ? [eb('e.cadre_id', '=', ownCadre)] : []),
      ...(scope.length === 0 && !ownCadre ? [sql<boolean>`false`] : []),
    ]),
  );
}

type Eb = ExpressionBuilder<Database & { e: Database['outcome_ledger'] }, 'e'>;

function filtered(q: Rows, f: LedgerFilters): Rows {
  let out = q;
  if (f.kind) out = out.where('e.kind', '=', f.kind);
  if (f.cadreId) out = out.where('e.cadre_id', '=', f.cadreId);
  if (f.jurisdictionId) out = out.where('e.jurisdiction_id', '=', f.jurisdictionId);
  if (f.from) out = out.where('e.effective_from', '>=', f.from);
  if (f.to) out = out.where('e.effective_from', '<=', f.to);
  const q2 = f.q?.trim();
  if (q2)
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('cadres as fc')
          .select('fc.id')
          .whereRef('fc.id', '=', 'e.cadre_id')
          .where('fc.name', 'like', `%${escapeLike(q2)}%`),
      ),
    );
  if (f.status !== 'all') {
    const superseded = (eb: Eb) =>
      eb.exists(eb.selectFrom('outcome_ledger as s').select('s.id').whereRef('s.supersedes_id', '=', 'e.id'));
    out = out.where((eb) => (f.status === 'superseded' ? superseded(eb) : eb.not(superseded(eb))));
  }
  return out;
}

/**
 * Ledger entries in the user's reach, newest first, filtered.
 * @throws DomainError('auth.forbidden') for a user who reads no ledger (neither the organisation
 *   department nor a cadre).
 */
export async function listLedger(
  db: Db,
  user: UserWithGrants,
  query: LedgerFilters & { page: number; pageSize: number },
) {
  const scope = ledgerScope(user);
  const own = ownCadreOf(user);
  if (scope.length === 0 && !user.grants.some((g) => g.role === 'cadre'))
    throw new DomainError('auth.forbidden');
  const rows = await filtered(inReach(entryRows(db), scope, own), query)
    .select(sql<string>`count(*) over ()`.as('total_count'))
    .orderBy('e.seq', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const typed = rows as unknown as (EntryRow & { total_count: string })[];
  return {
    items: typed.map(presentEntry),
    total: typed.length > 0 ? Number(typed[0]!.total_count) : 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The organisation department's entries for an export (no paging), newest first; at most `max` + 1 rows. */
export async function ledgerForExport(db: Db, user: UserWithGrants, filters: LedgerFilters, max: number) {
  const scope = ledgerScope(user);
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  const rows = await filtered(inReach(entryRows(db), scope, null), filters)
    .orderBy('e.seq', 'desc')
    .limit(max + 1)
    .execute();
  return rows.map(presentEntry);
}

/**
 * One cadre's entries, newest first: for the organisation department over that cadre, or the cadre.
 * @throws DomainError('auth.forbidden' | 'record.not_found')
 */
export async function cadreLedger(db: Db, user: UserWithGrants, cadreId: string) {
  const scope = ledgerScope(user);
  const own = ownCadreOf(user);
  if (scope.length === 0 && !user.grants.some((g) => g.role === 'cadre'))
    throw new DomainError('auth.forbidden');
  const cadre = await db
    .selectFrom('cadres as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
    .select(['c.id', 'c.name', 'c.position', 'u.name as unit_name', 'j.path'])
    .where('c.id', '=', cadreId)
    .executeTakeFirst();
  const reads = cadre && (own === cadre.id || scope.some((p) => cadre.path.startsWith(p)));
  if (!cadre || !reads) throw new DomainError('record.not_found');
  // The organisation department sees what was recorded about the cadre anywhere in its scope; the
  // cadre sees all of their own.
  const rows = await inReach(entryRows(db), scope, own)
    .where('e.cadre_id', '=', cadre.id)
    .orderBy('e.seq', 'desc')
    .execute();
  return {
    cadre: { id: cadre.id, name: cadre.name, unitName: cadre.unit_name, position: cadre.position },
    items: rows.map(presentEntry),
  };
}

/**
 * The pull API: entries in scope recorded after `cursor`, in the order recorded. The cursor is the
 * ledger's own numbering, assigned at commit in commit order, so paging never skips an entry
 * committed late nor returns one twice.
 * @throws DomainError('auth.forbidden') for anyone but the organisation department.
 */
export async function outcomeFeed(
  db: Db,
  user: UserWithGrants,
  query: { cursor?: string | undefined; limit: number },
) {
  const scope = ledgerScope(user);
  if (scope.length === 0) throw new DomainError('auth.forbidden');
  const after = query.cursor ?? '0';
  const rows = await inReach(entryRows(db), scope, null)
    .where('e.seq', '>', after)
    .orderBy('e.seq', 'asc')
    .limit(query.limit + 1)
    .execute();
  const page = rows.slice(0, query.limit);
  return {
    items: page.map(presentEntry),
    nextCursor: page.length > 0 ? String(page[page.length - 1]!.seq) : after,
    hasMore: rows.length > query.limit,
  };
}
