/**
 * 制定回访计划: a case officer of the commission that handles the cadre (谁处分谁回访) plans a visit
 * to a sanctioned cadre, on a day between the sanction taking effect and the end of its influence
 * period — one follow-up of a sanction under way at a time. The visit clock starts; the matter is
 * numbered 访 and handled under the policy version the sanction's period was counted under.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { deadlineStatus } from '../../domain/calendar/index.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { visitClock, type FollowUpClocks } from '../../domain/follow-up/clocks.ts';
import { assertPlannedOn } from '../../domain/follow-up/procedure.ts';
import type { OpenFollowUpBody } from '../../contracts/follow-up.ts';
import { loadCalendar } from '../policy-context.ts';
import { nextMatterNumber } from '../tolerance/open-matter.ts';
import { covers, ownUnitOf, related } from './access.ts';
import { windowOf } from './load-follow-up.ts';
import { findSanctionRow, IN_PROGRESS, ruleOf } from './sanctions.ts';
import type { StoredPlan } from './stored.ts';

/** PostgreSQL's unique_violation: the in-progress index refused a second follow-up opened at the same moment. */
const UNIQUE_VIOLATION = '23505';

/**
 * @throws DomainError('auth.forbidden' | 'sanction.unknown' | 'procedure.recused' |
 *   'follow_up.already_open' | 'follow_up.plan_in_past' | 'follow_up.plan_outside_window')
 */
export async function openFollowUp(
  deps: Deps,
  user: UserWithGrants,
  body: OpenFollowUpBody,
): Promise<{ id: string; number: string }> {
  if (!user.grants.some((g) => g.role === 'case_officer')) throw new DomainError('auth.forbidden');
  const sanction = await findSanctionRow(deps.db, body.sanctionId);
  // A sanction out of the officer's jurisdictions reads as unknown, like a missing one.
  if (!sanction || !covers(user, ['case_officer'], sanction.cadre_path))
    throw new DomainError('sanction.unknown', {}, 'sanctionId');
  if (
    related(user, await ownUnitOf(deps.db, user), { id: sanction.cadre_id, unitId: sanction.cadre_unit_id })
  )
    throw new DomainError('procedure.recused');
  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const window = windowOf(sanction);
  assertPlannedOn(body.plannedOn, window, today);
  const open = await deps.db
    .selectFrom('matters')
    .select('number')
    .where('sanction_id', '=', sanction.id)
    .where('type', '=', 'follow_up')
    .where('status', 'in', IN_PROGRESS)
    .executeTakeFirst();
  if (open) throw new DomainError('follow_up.already_open', { number: open.number });

  const calendar = await loadCalendar(deps.db);
  const jurisdiction = await deps.db
    .selectFrom('jurisdictions')
    .select(['id', 'code'])
    .where('id', '=', sanction.jurisdiction_id)
    .executeTakeFirstOrThrow();
  const rule = ruleOf(sanction);
  const plan: StoredPlan = {
    plannedOn: body.plannedOn,
    visitors: body.visitors.map((v) => ({ name: v.name.trim(), position: v.position.trim() })),
    mentor: body.mentor?.trim() || null,
  };
  const clocks: FollowUpClocks = { visit: visitClock(today, plan.plannedOn) };
  const id = randomUUID();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const number = await nextMatterNumber(trx, jurisdiction, 'follow_up', Number(today.slice(0, 4)));
      await trx
        .insertInto('matters')
        .values({
          id,
          type: 'follow_up',
          number,
          jurisdiction_id: sanction.jurisdiction_id,
          status: 'planned',
          route: null,
          subject_cadre_id: sanction.cadre_id,
          subject_unit_id: sanction.cadre_unit_id,
          // Nobody is an applicant: the commission visits on its own duty.
          applicant_user_id: null,
          title: `对${sanction.cadre_name}同志（${rule.labelZh}）的回访教育`,
          summary_enc: body.outline?.trim()
            ? deps.keyring.encrypt(body.outline, `matter.summary:${id}`)
            : null,
          policy_id: sanction.policy_id,
          policy_version: sanction.policy_version,
          proposal: JSON.stringify(plan),
          clocks: JSON.stringify(clocks),
          due_on: deadlineStatus(clocks.visit!, calendar, now).dueDate,
          sanction_id: sanction.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await appendAudit(
        trx,
        {
          actor: actorOf(user),
          action: 'follow_up.opened',
          entityType: 'matter',
          entityId: id,
          jurisdictionId: sanction.jurisdiction_id,
          data: { number, status: 'planned', sanctionId: sanction.id, plannedOn: plan.plannedOn, window },
        },
        now,
      );
      return { id, number };
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION)
      throw new DomainError('follow_up.already_open', { number: '—' });
    throw error;
  }
}
