/**
 * 事前报备 (DESIGN §3.8): a cadre files their own risky initiative, or a unit leader files the unit's,
 * before acting — saved as a draft or filed at once, when the first-review clock starts. The commission
 * of the county (or higher) above the filer handles it under the policy in force that day.
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { deadlineStatus } from '../../domain/calendar/index.ts';
import { toBeijingDate, type LocalDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { reviewClock, type PreRegistrationClocks } from '../../domain/pre-registration/clocks.ts';
import type { Filing } from '../../domain/pre-registration/filing.ts';
import { beforeActingGuard } from '../../domain/pre-registration/procedure.ts';
import type { OpenPreRegistrationBody } from '../../contracts/pre-registration.ts';
import { effectivePolicy, jurisdictionChain, loadCalendar } from '../policy-context.ts';
import { handlingJurisdiction, nextMatterNumber } from '../tolerance/open-matter.ts';
import { addMatterRecord } from '../procedure/records.ts';

/** The filing fields of a request, as stored. */
export function filingFrom(
  body: Pick<
    OpenPreRegistrationBody,
    'category' | 'legalGap' | 'risks' | 'collectiveDecision' | 'plannedStartOn' | 'responsiblePerson'
  >,
): Filing {
  return {
    category: body.category?.trim() || null,
    legalGap: body.legalGap,
    risks: body.risks.map((r) => ({ risk: r.risk.trim(), controls: r.controls.trim() })),
    collectiveDecision: body.collectiveDecision
      ? {
          body: body.collectiveDecision.body.trim(),
          heldOn: body.collectiveDecision.heldOn as LocalDate,
          reference: body.collectiveDecision.reference?.trim() || null,
        }
      : null,
    plannedStartOn: body.plannedStartOn as LocalDate,
    responsiblePerson: body.responsiblePerson?.trim() || null,
  };
}

/** Who files, about whom: the cadre's own initiative, or a unit's (no cadre named as its subject). */
async function filer(deps: Pick<Deps, 'db'>, user: UserWithGrants, body: OpenPreRegistrationBody) {
  if (body.route === 'own_filing') {
    const cadre = user.cadreId
      ? await deps.db
          .selectFrom('cadres as c')
          .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
          .select(['c.id', 'c.unit_id', 'j.path'])
          .where('c.id', '=', user.cadreId)
          .executeTakeFirst()
      : undefined;
    if (!cadre || !user.grants.some((g) => g.role === 'cadre' && cadre.path.startsWith(g.jurisdictionPath)))
      throw new DomainError('cadre.unknown', {}, 'route');
    return { cadreId: cadre.id, unitId: cadre.unit_id, path: cadre.path };
  }
  const led = user.grants.filter((g) => g.role === 'unit_leader' && g.unitId !== null).map((g) => g.unitId!);
  const unitId = body.unitId ?? (led.length === 1 ? led[0] : undefined);
  if (!unitId || !led.includes(unitId)) throw new DomainError('pre_registration.unit_unknown', {}, 'unitId');
  const unit = await deps.db
    .selectFrom('units as u')
    .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
    .select(['u.id', 'j.path'])
    .where('u.id', '=', unitId)
    .executeTakeFirstOrThrow();
  return { cadreId: null, unitId: unit.id, path: unit.path };
}

export async function openPreRegistration(
  deps: Deps,
  user: UserWithGrants,
  body: OpenPreRegistrationBody,
): Promise<{ id: string; number: string }> {
  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const who = await filer(deps, user, body);
  const filing = filingFrom(body);
  if (body.submit) {
    const before = beforeActingGuard({ status: 'draft', plannedStartOn: filing.plannedStartOn, today });
    if (!before.ok) throw new DomainError(before.code, before.details ?? {}, 'plannedStartOn');
  }
  const jurisdiction = await handlingJurisdiction(deps, who.path);
  const policy = effectivePolicy(await jurisdictionChain(deps.db, jurisdiction.id), today);
  const calendar = await loadCalendar(deps.db);
  const clocks: PreRegistrationClocks = body.submit
    ? { review: reviewClock(policy.timeLimits.preRegistrationReview, today) }
    : {};
  const status = body.submit ? 'submitted' : 'draft';
  const id = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    const number = await nextMatterNumber(trx, jurisdiction, 'pre_registration', Number(today.slice(0, 4)));
    await trx
      .insertInto('matters')
      .values({
        id,
        type: 'pre_registration',
        number,
        jurisdiction_id: jurisdiction.id,
        status,
        route: body.route,
        subject_cadre_id: who.cadreId,
        subject_unit_id: who.unitId,
        applicant_user_id: user.userId,
        title: body.title.trim(),
        summary_enc: deps.keyring.encrypt(body.description, `matter.summary:${id}`),
        policy_id: policy.id,
        policy_version: policy.version,
        facts: JSON.stringify(filing),
        clocks: JSON.stringify(clocks),
        due_on: clocks.review ? deadlineStatus(clocks.review, calendar, now).dueDate : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'pre_registration.opened',
        entityType: 'matter',
        entityId: id,
        jurisdictionId: jurisdiction.id,
        data: { number, route: body.route, status, unitId: who.unitId },
      },
      now,
    );
    if (body.submit)
      await addMatterRecord({ trx, deps, user, now }, id, {
        kind: 'submission',
        visibility: 'parties',
        data: { filedOn: today },
      });
    return { id, number };
  });
}
