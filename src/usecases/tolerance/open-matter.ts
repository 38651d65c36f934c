/**
 * Opening a tolerance matter by any of the four routes (DESIGN §3.1): the cadre's own application,
 * the unit's application, ex officio by the commission alongside an accountability or discipline
 * case (already accepted: verification starts at once), or from a pre-registration.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { startDeadline } from '../../domain/calendar/deadline.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import type { MatterClocks } from '../../domain/tolerance/clocks.ts';
import type { ToleranceState } from '../../domain/tolerance/procedure.ts';
import type { OpenMatterBody } from '../../contracts/tolerance.ts';
import { effectivePolicy, jurisdictionChain, loadCalendar } from '../policy-context.ts';
import { deadlineStatus } from '../../domain/calendar/index.ts';
import { recordStatsForTransition } from '../../db/repos/stats.ts';
import { assertPreRegistrationLink } from '../pre-registration/link.ts';

/** 容 = tolerance; numbers read like document numbers: K容〔2026〕3号. */
const NUMBER_PREFIX = { tolerance: '容', correction: '纠', name_clearing: '澄', follow_up: '访', pre_registration: '备' } as const;

export async function nextMatterNumber(trx: Transaction<Database>, jurisdiction: { id: string; code: string }, type: keyof typeof NUMBER_PREFIX, year: number): Promise<string> {
  const row = await trx
    .insertInto('matter_counters')
    .values({ jurisdiction_id: jurisdiction.id, type, year, last: 1 })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'type', 'year']).doUpdateSet((eb) => ({ last: eb('matter_counters.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${jurisdiction.code}${NUMBER_PREFIX[type]}〔${year}〕${row.last}号`;
}

/** The commission that handles a cadre: the county (or higher) jurisdiction above the cadre's own. */
export async function handlingJurisdiction(deps: Pick<Deps, 'db'>, cadreJurisdictionPath: string) {
  const ids = cadreJurisdictionPath.split('/').filter(Boolean);
  const rows = await deps.db.selectFrom('jurisdictions').select(['id', 'code', 'level', 'path']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = ids.map((id) => byId.get(id)!).reverse();
  return chain.find((j) => j.level !== 'township') ?? chain[0]!;
}

export async function openMatter(deps: Deps, user: UserWithGrants, body: OpenMatterBody): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const subjectId = body.route === 'own_application' ? user.cadreId : body.subjectCadreId;
  if (!subjectId) throw new DomainError('cadre.unknown', {}, body.route === 'own_application' ? 'route' : 'subjectCadreId');
  const subject = await deps.db
    .selectFrom('cadres as c')
    .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
    .select(['c.id', 'c.name', 'c.unit_id', 'j.path'])
    .where('c.id', '=', subjectId)
    .executeTakeFirst();
  const covers = (role: string) => user.grants.some((g) => g.role === role && subject !== undefined && subject.path.startsWith(g.jurisdictionPath));
  const allowed =
    subject !== undefined &&
    (body.route === 'own_application'
      ? covers('cadre')
      : body.route === 'unit_application'
        ? user.grants.some((g) => g.role === 'unit_leader' && g.unitId === subject.unit_id)
        : body.route === 'ex_officio'
          ? covers('case_officer') && user.cadreId !== subject.id
          : covers('cadre') ? user.cadreId === subject.id : user.grants.some((g) => g.role === 'unit_leader' && g.unitId === subject.unit_id));
  if (!subject || !allowed) throw new DomainError('cadre.unknown', {}, 'subjectCadreId');
  if (body.conductDate && body.conductDate > today) throw new DomainError('facts.conduct_after_decision', { conductDate: body.conductDate, decisionDate: today }, 'conductDate');
  // 事前报备: the filing must exist, be in the user's view and be the same cadre's (or unit's).
  if (body.route === 'pre_registration' && !body.preRegistrationId) throw new DomainError('pre_registration.link_required', {}, 'preRegistrationId');
  if (body.preRegistrationId) await assertPreRegistrationLink(deps.db, user, body.preRegistrationId, { cadreId: subject.id, unitId: subject.unit_id });

  const jurisdiction = await handlingJurisdiction(deps, subject.path);
  const policy = effectivePolicy(await jurisdictionChain(deps.db, jurisdiction.id), today);
  const calendar = await loadCalendar(deps.db);
  const exOfficio = body.route === 'ex_officio';
  const status: ToleranceState = exOfficio ? 'verifying' : body.submit ? 'submitted' : 'draft';
  const clocks: MatterClocks = exOfficio
    ? { verification: startDeadline(policy.timeLimits.verification, today) }
    : body.submit
      ? { acceptance: startDeadline(policy.timeLimits.acceptance, today) }
      : {};
  const running = clocks.verification ?? clocks.acceptance;
  const id = randomUUID();
  const actor = actorOf(user);
  return deps.db.transaction().execute(async (trx) => {
    const number = await nextMatterNumber(trx, jurisdiction, 'tolerance', Number(today.slice(0, 4)));
    const row = await trx
      .insertInto('matters')
      .values({
        id,
        type: 'tolerance',
        number,
        jurisdiction_id: jurisdiction.id,
        status,
        route: body.route,
        subject_cadre_id: subject.id,
        subject_unit_id: subject.unit_id,
        applicant_user_id: exOfficio ? null : user.userId,
        title: body.title,
        summary_enc: deps.keyring.encrypt(body.summary, `matter.summary:${id}`),
        accountability_ref: body.accountabilityRef ?? null,
        conduct_date: body.conductDate ?? null,
        policy_id: policy.id,
        policy_version: policy.version,
        clocks: JSON.stringify(clocks),
        due_on: running ? deadlineStatus(running, calendar, now).dueDate : null,
        linked_matter_id: body.preRegistrationId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordStatsForTransition(trx, { matter: row, action: 'open', from: null, to: status, calendar });
    await appendAudit(
      trx,
      { actor, action: 'tolerance.opened', entityType: 'matter', entityId: id, jurisdictionId: jurisdiction.id, data: { number, route: body.route, status, subjectCadreId: subject.id } },
      now,
    );
    return { id, number };
  });
}
