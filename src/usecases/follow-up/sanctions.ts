/**
 * 处分登记: recording a sanction or organisational handling against a cadre, with its influence
 * period counted under the policy in force on the day it took effect and fixed there (so a later
 * policy never moves a recorded period), and reading sanctions back — one, a cadre's, or a list —
 * each with its follow-up visits and whether a visit is still due.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { escapeLike } from '../../db/queries/roster.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { influenceEndsOn, influenceRule } from '../../domain/follow-up/influence.ts';
import { FOLLOW_UP_STATES, type FollowUpState } from '../../domain/follow-up/procedure.ts';
import type { InfluencePeriodRule, SanctionType } from '../../domain/policy/types.ts';
import type {
  DescribedAction,
  RecordSanctionBody,
  SanctionList,
  SanctionListQuery,
  SanctionView,
} from '../../contracts/follow-up.ts';
import { PLAN_FOLLOW_UP_FIELDS } from '../../contracts/follow-up.ts';
import type { z } from 'zod';
import { effectivePolicy, jurisdictionChain, policyVersion } from '../policy-context.ts';
import { lateWritesTransaction } from '../../db/late-writes.ts';
import { ledgerSanction } from '../outcome-ledger/hooks.ts';
import { handlingJurisdiction } from '../tolerance/open-matter.ts';
import {
  cadreToActOn,
  covers,
  findCadreInScope,
  ownUnitOf,
  related,
  SANCTION_READERS,
  SANCTION_RECORDERS,
  sanctionReader,
  type SanctionReader,
} from './access.ts';

const CATEGORY_LABELS = {
  party_discipline: { zh: '党纪处分', en: 'Party disciplinary sanction' },
  public_office: { zh: '政务处分', en: 'Public-office sanction' },
  organisational: { zh: '组织处理', en: 'Organisational handling' },
} as const;

/** Follow-up statuses in which a visit is under way (one at a time per sanction). */
export const IN_PROGRESS: readonly FollowUpState[] = [
  'planned',
  'visited',
  'graded',
  'reuse_recommended',
  'reuse_not_recommended',
];

/** The rule a sanction was counted under (its pinned policy version). */
export function ruleOf(row: {
  policy_id: string;
  policy_version: string;
  sanction_type: string;
}): InfluencePeriodRule {
  return influenceRule(
    policyVersion(row.policy_id, row.policy_version).influencePeriods,
    row.sanction_type as SanctionType,
  );
}

/** A sanction row with its cadre and jurisdiction, as the views need it. */
function sanctionRows(db: Db) {
  return db
    .selectFrom('sanctions as s')
    .innerJoin('cadres as c', 'c.id', 's.cadre_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('jurisdictions as cj', 'cj.id', 'c.jurisdiction_id')
    .innerJoin('jurisdictions as j', 'j.id', 's.jurisdiction_id')
    .leftJoin('matters as src', 'src.id', 's.source_matter_id')
    .selectAll('s')
    .select([
      'c.name as cadre_name',
      'c.position as cadre_position',
      'c.unit_id as cadre_unit_id',
      'u.name as cadre_unit_name',
      'cj.path as cadre_path',
      'j.name as jurisdiction_name',
      'j.path as jurisdiction_path',
      'src.number as source_number',
      'src.title as source_title',
      'src.type as source_type',
    ]);
}
export type SanctionRow = Awaited<ReturnType<ReturnType<typeof sanctionRows>['executeTakeFirstOrThrow']>>;

/** One sanction row by id (no access check). */
export function findSanctionRow(db: Db, id: string): Promise<SanctionRow | undefined> {
  return sanctionRows(db).where('s.id', '=', id).executeTakeFirst();
}

type FollowUpRow = {
  id: string;
  number: string;
  status: string;
  sanction_id: string | null;
  proposal: unknown;
};

/** What the user may see of the follow-ups of these sanctions, per sanction. */
async function followUpsOf(
  db: Db,
  user: UserWithGrants,
  rows: readonly SanctionRow[],
  reader: (row: SanctionRow) => SanctionReader,
) {
  const ids = rows.map((r) => r.id);
  const found: FollowUpRow[] = ids.length
    ? await db
        .selectFrom('matters')
        .select(['id', 'number', 'status', 'sanction_id', 'proposal'])
        .where('type', '=', 'follow_up')
        .where('sanction_id', 'in', ids)
        .orderBy('created_at')
        .execute()
    : [];
  const bySanction = new Map<string, FollowUpRow[]>();
  for (const f of found) bySanction.set(f.sanction_id!, [...(bySanction.get(f.sanction_id!) ?? []), f]);
  return (row: SanctionRow) => {
    const all = bySanction.get(row.id) ?? [];
    const r = reader(row);
    // The commission and the cadre see every follow-up; the organisation department what was sent to it.
    const commission = covers(
      user,
      ['case_officer', 'committee_member', 'commission_leader'],
      row.jurisdiction_path,
    );
    const visible = all.filter(
      (f) =>
        r.kind === 'subject' ||
        commission ||
        (covers(user, ['org_dept'], row.jurisdiction_path) && ['notified', 'closed'].includes(f.status)),
    );
    return { all, visible };
  };
}

/** Whether the window for a visit is open today: the sanction has taken effect and its period runs. */
function windowOpen(row: SanctionRow, today: LocalDate): boolean {
  return row.effective_on <= today && (row.influence_ends_on === null || today <= row.influence_ends_on);
}

function present(
  row: SanctionRow,
  deps: Pick<Deps, 'keyring'>,
  reader: SanctionReader,
  followUps: { all: FollowUpRow[]; visible: FollowUpRow[] },
  today: LocalDate,
  actions: DescribedAction[],
): SanctionView {
  const rule = ruleOf(row);
  const inProgressOrDone = followUps.all.some((f) => f.status !== 'cancelled');
  return {
    id: row.id,
    cadre: {
      id: row.cadre_id,
      name: row.cadre_name,
      unitName: row.cadre_unit_name,
      position: row.cadre_position,
    },
    jurisdiction: { id: row.jurisdiction_id, name: row.jurisdiction_name },
    category: row.category,
    categoryLabel: CATEGORY_LABELS[row.category],
    type: row.sanction_type as SanctionType,
    typeLabel: { zh: rule.labelZh, en: rule.labelEn },
    decidedOn: row.decided_on,
    effectiveOn: row.effective_on,
    decidedBy: row.decided_by,
    documentNumber: row.document_number,
    summary:
      reader.seesSummary && row.summary_enc
        ? deps.keyring.decrypt(row.summary_enc, `sanction.summary:${row.id}`)
        : null,
    policy: { id: row.policy_id, version: row.policy_version },
    influence: {
      months: row.influence_months,
      endsOn: row.influence_ends_on,
      reusable: row.reusable,
      running:
        row.effective_on <= today && (row.influence_ends_on === null || today <= row.influence_ends_on),
      effect: { zh: rule.effectZh, en: rule.effectEn },
      clause: rule.clause,
      verified: rule.verified,
    },
    sourceMatter:
      row.source_matter_id && reader.kind === 'staff'
        ? {
            id: row.source_matter_id,
            number: row.source_number!,
            title: row.source_title!,
            type: row.source_type!,
          }
        : null,
    recordedAt: row.created_at.toISOString(),
    followUps: followUps.visible.map((f) => ({
      id: f.id,
      number: f.number,
      status: f.status,
      statusLabel: FOLLOW_UP_STATES[f.status as FollowUpState],
      plannedOn: (f.proposal as { plannedOn: string }).plannedOn,
    })),
    followUpDue: windowOpen(row, today) && !inProgressOrDone,
    allowedActions: actions,
  };
}

/** `plan_follow_up` when the user is an unrelated case officer, the window is open and no visit is under way. */
function planAction(
  user: UserWithGrants,
  ownUnit: string | null,
  row: SanctionRow,
  all: FollowUpRow[],
  today: LocalDate,
): DescribedAction[] {
  const may =
    covers(user, ['case_officer'], row.cadre_path) &&
    !related(user, ownUnit, { id: row.cadre_id, unitId: row.cadre_unit_id }) &&
    windowOpen(row, today) &&
    !all.some((f) => IN_PROGRESS.includes(f.status as FollowUpState));
  return may
    ? [
        {
          action: 'plan_follow_up',
          label: { zh: '制定回访计划', en: 'Plan a follow-up visit' },
          danger: false,
          fields: PLAN_FOLLOW_UP_FIELDS,
        },
      ]
    : [];
}

/** Views of sanction rows as `user` reads them (the rows already checked to be in reach). */
export async function presentSanctions(
  deps: Pick<Deps, 'db' | 'keyring' | 'clock'>,
  user: UserWithGrants,
  rows: readonly SanctionRow[],
): Promise<SanctionView[]> {
  const today = toBeijingDate(deps.clock.now());
  const readerOf = (row: SanctionRow) =>
    sanctionReader(user, { id: row.cadre_id, jurisdictionPath: row.cadre_path });
  const [followUps, ownUnit] = await Promise.all([
    followUpsOf(deps.db, user, rows, readerOf),
    ownUnitOf(deps.db, user),
  ]);
  return rows.map((row) => {
    const f = followUps(row);
    return present(row, deps, readerOf(row), f, today, planAction(user, ownUnit, row, f.all, today));
  });
}

/**
 * One sanction as the user reads it.
 * @throws DomainError('auth.forbidden' | 'record.not_found')
 */
export async function sanctionDetail(deps: Deps, user: UserWithGrants, id: string): Promise<SanctionView> {
  const row = await findSanctionRow(deps.db, id);
  sanctionReader(user, row ? { id: row.cadre_id, jurisdictionPath: row.cadre_path } : undefined);
  return (await presentSanctions(deps, user, [row!]))[0]!;
}

/** A cadre's sanctions, newest first, as the user reads them. */
export async function sanctionsOfCadre(deps: Deps, user: UserWithGrants, cadreId: string) {
  const cadre = await findCadreInScope(deps.db, cadreId);
  sanctionReader(user, cadre);
  const rows = await sanctionRows(deps.db)
    .where('s.cadre_id', '=', cadreId)
    .orderBy('s.effective_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
  return { cadre: cadre!, sanctions: await presentSanctions(deps, user, rows) };
}

/**
 * Sanctions in the user's reading scope, newest first (the cadre reads only their own).
 * @throws DomainError('auth.forbidden') for a user with no role that reads sanctions.
 */
export async function listSanctions(
  deps: Deps,
  user: UserWithGrants,
  query: z.infer<typeof SanctionListQuery>,
): Promise<z.infer<typeof SanctionList>> {
  const scope = [
    ...new Set(user.grants.filter((g) => SANCTION_READERS.includes(g.role)).map((g) => g.jurisdictionPath)),
  ];
  const ownCadre = user.grants.some((g) => g.role === 'cadre') ? user.cadreId : null;
  if (scope.length === 0 && !user.grants.some((g) => g.role === 'cadre'))
    throw new DomainError('auth.forbidden');
  const today = toBeijingDate(deps.clock.now());
  let q = sanctionRows(deps.db).where((eb) =>
    eb.or([
      ...scope.map((p) => eb('cj.path', 'like', `${escapeLike(p)}%`)),
      ...(ownCadre ? [eb('s.cadre_id', '=', ownCadre)] : []),
      ...(scope.length === 0 && !ownCadre ? [sql<boolean>`false`] : []),
    ]),
  );
  if (query.cadreId) q = q.where('s.cadre_id', '=', query.cadreId);
  if (query.jurisdictionId) q = q.where('s.jurisdiction_id', '=', query.jurisdictionId);
  if (query.running === 'true')
    q = q
      .where('s.effective_on', '<=', today)
      .where((eb) => eb.or([eb('s.influence_ends_on', 'is', null), eb('s.influence_ends_on', '>=', today)]));
  if (query.running === 'false') q = q.where('s.influence_ends_on', '<', today);
  if (query.followUp) {
    const statuses =
      query.followUp === 'open'
        ? IN_PROGRESS
        : query.followUp === 'done'
          ? (['notified', 'closed'] as const)
          : null;
    const exists = (only: readonly string[] | null) =>
      sql<boolean>`exists (select 1 from matters f where f.sanction_id = s.id and f.type = 'follow_up' and ${
        only ? sql`f.status in (${sql.join(only.map((s) => sql`${s}`))})` : sql`f.status <> 'cancelled'`
      })`;
    q = q.where(statuses ? exists(statuses) : sql<boolean>`not ${exists(null)}`);
  }
  const rows = await q
    .select(sql<string>`count(*) over ()`.as('total_count'))
    .orderBy('s.effective_on', 'desc')
    .orderBy('s.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const total = rows.length > 0 ? Number(rows[0]!.total_count) : 0;
  return {
    items: await presentSanctions(deps, user, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * A case officer or the commission leader records a sanction decided and in effect, about a cadre
 * of their jurisdiction they are not related to; the influence period is counted under the policy
 * in force, for the handling commission, on the day it took effect.
 * @throws DomainError('auth.forbidden' | 'record.not_found' | 'procedure.recused' |
 *   'sanction.date_in_future' | 'sanction.effective_before_decision' | 'sanction.source_invalid' |
 *   'sanction.type_not_in_policy')
 */
export async function recordSanction(
  deps: Deps,
  user: UserWithGrants,
  cadreId: string,
  body: RecordSanctionBody,
): Promise<SanctionView> {
  const cadre = await cadreToActOn(deps.db, user, cadreId, SANCTION_RECORDERS);
  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const decidedOn = body.decidedOn;
  const effectiveOn = body.effectiveOn;
  for (const [field, date] of [
    ['decidedOn', decidedOn],
    ['effectiveOn', effectiveOn],
  ] as const)
    if (date > today) throw new DomainError('sanction.date_in_future', { date }, field);
  if (effectiveOn < decidedOn)
    throw new DomainError('sanction.effective_before_decision', { effectiveOn, decidedOn }, 'effectiveOn');
  if (body.sourceMatterId) {
    const source = await deps.db
      .selectFrom('matters as m')
      .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
      .select(['m.subject_cadre_id', 'j.path'])
      .where('m.id', '=', body.sourceMatterId)
      .executeTakeFirst();
    if (!source || source.subject_cadre_id !== cadre.id || !covers(user, SANCTION_RECORDERS, source.path))
      throw new DomainError('sanction.source_invalid', {}, 'sourceMatterId');
  }
  const handling = await handlingJurisdiction(deps, cadre.jurisdictionPath);
  const policy = effectivePolicy(await jurisdictionChain(deps.db, handling.id), effectiveOn);
  const rule = influenceRule(policy.influencePeriods, body.type);
  const endsOn = influenceEndsOn(effectiveOn, rule.months);
  const id = randomUUID();
  // Late writes: the ledger is numbered and the audit chain extended just before COMMIT.
  await lateWritesTransaction(deps.db, async (trx) => {
    await trx
      .insertInto('sanctions')
      .values({
        id,
        cadre_id: cadre.id,
        jurisdiction_id: handling.id,
        unit_id: cadre.unitId,
        category: rule.category,
        sanction_type: body.type,
        decided_on: decidedOn,
        effective_on: effectiveOn,
        decided_by: body.decidedBy.trim(),
        document_number: body.documentNumber?.trim() || null,
        summary_enc: body.summary?.trim()
          ? deps.keyring.encrypt(body.summary, `sanction.summary:${id}`)
          : null,
        policy_id: policy.id,
        policy_version: policy.version,
        influence_months: rule.months,
        influence_ends_on: endsOn,
        reusable: rule.reusable,
        source_matter_id: body.sourceMatterId ?? null,
        recorded_by: user.system ? null : user.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'sanction.recorded',
        entityType: 'sanction',
        entityId: id,
        jurisdictionId: handling.id,
        data: {
          cadreId: cadre.id,
          type: body.type,
          category: rule.category,
          effectiveOn,
          influenceEndsOn: endsOn,
          reusable: rule.reusable,
          policy: { id: policy.id, version: policy.version },
          sourceMatterId: body.sourceMatterId ?? null,
        },
      },
      now,
    );
    // 结果运用: the sanction and its block dates reach the cadre's ledger with it.
    await ledgerSanction(
      { trx, user, now },
      {
        id,
        cadreId: cadre.id,
        jurisdictionId: handling.id,
        type: body.type,
        rule,
        effectiveOn,
        endsOn,
        decidedBy: body.decidedBy.trim(),
        documentNumber: body.documentNumber?.trim() || null,
        sourceMatterId: body.sourceMatterId ?? null,
        policy: { id: policy.id, version: policy.version },
      },
    );
  });
  return sanctionDetail(deps, user, id);
}
