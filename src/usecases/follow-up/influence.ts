/**
 * The influence-period block wherever a promotion or appointment is recorded: a cadre's periods
 * stacked as of today (the longest running one decides), the appointment proposals the organisation
 * department recorded, and recording one — refused, naming the end date, while a period runs.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Db } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertAppointable, blockStatus, type InfluenceBlock } from '../../domain/follow-up/influence.ts';
import type { SanctionType } from '../../domain/policy/types.ts';
import {
  RECORD_APPOINTMENT_FIELDS,
  type InfluenceSummary,
  type InfluenceView,
  type RecordAppointmentBody,
} from '../../contracts/follow-up.ts';
import {
  cadreToActOn,
  covers,
  findCadreInScope,
  ownUnitOf,
  related,
  sanctionReader,
  type CadreInScope,
} from './access.ts';
import { ruleOf } from './sanctions.ts';

const KIND_LABELS = {
  promotion: { zh: '提拔任职', en: 'Promotion' },
  important_post: { zh: '重要岗位任用', en: 'Important post' },
  rank_promotion: { zh: '职级晋升', en: 'Rank promotion' },
} as const;

/** Every block on a cadre, from their recorded sanctions (periods as fixed when recorded), newest first. */
export async function blocksOf(db: Db | Transaction<Database>, cadreId: string): Promise<InfluenceBlock[]> {
  const rows = await db
    .selectFrom('sanctions')
    .select([
      'id',
      'sanction_type',
      'effective_on',
      'influence_ends_on',
      'reusable',
      'policy_id',
      'policy_version',
    ])
    .where('cadre_id', '=', cadreId)
    .orderBy('effective_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => {
    const rule = ruleOf(r);
    return {
      sanctionId: r.id,
      type: r.sanction_type as SanctionType,
      label: { zh: rule.labelZh, en: rule.labelEn },
      effectiveOn: r.effective_on as LocalDate,
      endsOn: r.influence_ends_on as LocalDate | null,
      reusable: r.reusable,
    };
  });
}

/** Where the cadre stands today, and the refusal a proposal would meet now. */
export function summarise(blocks: readonly InfluenceBlock[], today: LocalDate): InfluenceSummary {
  const status = blockStatus(blocks, today);
  let refusal: InfluenceSummary['refusal'] = null;
  try {
    assertAppointable(status);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    refusal = { code: error.code, message: error.messageZh, messageEn: error.messageEn };
  }
  return {
    today,
    blocked: status.blocked,
    permanent: status.permanent,
    until: status.until,
    clearFrom: status.clearFrom,
    reusable: status.reusable,
    running: status.running,
    refusal,
  };
}

/**
 * The block of a cadre for the cadre detail, or null when the user does not read sanctions there
 * (the roster is wider than the sanctions' readers).
 */
export async function influenceForCadreDetail(
  deps: Deps,
  user: UserWithGrants,
  cadreId: string,
): Promise<InfluenceSummary | null> {
  try {
    sanctionReader(user, await findCadreInScope(deps.db, cadreId));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  return summarise(await blocksOf(deps.db, cadreId), toBeijingDate(deps.clock.now()));
}

async function view(deps: Deps, user: UserWithGrants, cadre: CadreInScope): Promise<InfluenceView> {
  const today = toBeijingDate(deps.clock.now());
  const [blocks, appointments, ownUnit] = await Promise.all([
    blocksOf(deps.db, cadre.id),
    deps.db
      .selectFrom('appointment_proposals as a')
      .leftJoin('users as u', 'u.id', 'a.recorded_by')
      .select(['a.id', 'a.kind', 'a.post', 'a.proposed_on', 'a.note', 'u.display_name'])
      .where('a.cadre_id', '=', cadre.id)
      .orderBy('a.proposed_on', 'desc')
      .orderBy('a.created_at', 'desc')
      .execute(),
    ownUnitOf(deps.db, user),
  ]);
  const summary = summarise(blocks, today);
  const mayRecord =
    covers(user, ['org_dept'], cadre.jurisdictionPath) && !related(user, ownUnit, cadre) && !summary.blocked;
  return {
    ...summary,
    cadre: { id: cadre.id, name: cadre.name, unitName: cadre.unitName, position: cadre.position },
    blocks,
    appointments: appointments.map((a) => ({
      id: a.id,
      kind: a.kind,
      kindLabel: KIND_LABELS[a.kind],
      post: a.post,
      proposedOn: a.proposed_on,
      note: a.note,
      recordedBy: a.display_name,
    })),
    allowedActions: mayRecord
      ? [
          {
            action: 'record_appointment',
            label: { zh: '登记提拔任用', en: 'Record an appointment' },
            danger: false,
            fields: RECORD_APPOINTMENT_FIELDS,
          },
        ]
      : [],
  };
}

/**
 * A cadre's influence periods and appointment proposals, as the user reads them.
 * @throws DomainError('auth.forbidden' | 'record.not_found')
 */
export async function cadreInfluence(
  deps: Deps,
  user: UserWithGrants,
  cadreId: string,
): Promise<InfluenceView> {
  const cadre = await findCadreInScope(deps.db, cadreId);
  sanctionReader(user, cadre);
  return view(deps, user, cadre!);
}

/**
 * The organisation department records a promotion or appointment proposal — refused while an
 * influence period runs (不得列为考察对象), with the end date in the error; checked and written in one
 * transaction so a sanction recorded meanwhile cannot slip past.
 * @throws DomainError('auth.forbidden' | 'record.not_found' | 'procedure.recused' | 'appointment.blocked' | 'appointment.barred')
 */
export async function recordAppointment(
  deps: Deps,
  user: UserWithGrants,
  cadreId: string,
  body: RecordAppointmentBody,
) {
  const cadre = await cadreToActOn(deps.db, user, cadreId, ['org_dept']);
  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    // Serialises with sanctions recorded for the same cadre at the same moment.
    await trx.selectFrom('cadres').select('id').where('id', '=', cadre.id).forUpdate().execute();
    assertAppointable(blockStatus(await blocksOf(trx, cadre.id), today));
    await trx
      .insertInto('appointment_proposals')
      .values({
        id,
        cadre_id: cadre.id,
        jurisdiction_id: cadre.jurisdictionId,
        kind: body.kind,
        post: body.post.trim(),
        proposed_on: today,
        note: body.note?.trim() || null,
        recorded_by: user.system ? null : user.userId,
        created_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'appointment.recorded',
        entityType: 'cadre',
        entityId: cadre.id,
        jurisdictionId: cadre.jurisdictionId,
        data: { appointmentId: id, kind: body.kind, proposedOn: today },
      },
      now,
    );
  });
  const influence = await view(deps, user, cadre);
  return { appointment: influence.appointments.find((a) => a.id === id)!, influence };
}
