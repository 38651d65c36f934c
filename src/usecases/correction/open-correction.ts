/**
 * Ordering a correction (责令纠错, DOMAIN §5.2) either way it happens: standalone by a case officer on
 * a finding of the commission (`openCorrection`), or with a tolerance decision that carries a
 * correction order, once its determination is issued (`openCorrectionFromDecision`).
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import type { OpenCorrectionBody } from '../../contracts/correction.ts';
import { effectivePolicy, jurisdictionChain, loadCalendar } from '../policy-context.ts';
import { handlingJurisdiction } from '../tolerance/open-matter.ts';
import type { StepContext } from '../tolerance/perform-action.ts';
import { latestDetermination } from '../tolerance/steps/determination-document.ts';
import type { StoredDecision } from '../tolerance/steps/stored-decision.ts';
import { lines } from '../procedure/records.ts';
import { createCorrection } from './create-correction.ts';
import { lateWritesTransaction } from '../../db/late-writes.ts';

/**
 * A case officer covering the responsible unit orders it to correct what the commission found. An
 * officer from that unit must recuse (回避); the cadre named must work in the unit.
 * @throws DomainError('auth.forbidden' | 'procedure.recused' | 'correction.unit_unknown' |
 *   'correction.cadre_not_in_unit')
 */
export async function openCorrection(
  deps: Deps,
  user: UserWithGrants,
  body: OpenCorrectionBody,
): Promise<{ id: string; number: string }> {
  if (!user.grants.some((g) => g.role === 'case_officer')) throw new DomainError('auth.forbidden');
  const unit = await deps.db
    .selectFrom('units as u')
    .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
    .select(['u.id', 'u.name', 'j.path'])
    .where('u.id', '=', body.responsibleUnitId)
    .executeTakeFirst();
  if (
    !unit ||
    !user.grants.some((g) => g.role === 'case_officer' && unit.path.startsWith(g.jurisdictionPath))
  )
    throw new DomainError('correction.unit_unknown', {}, 'responsibleUnitId');
  const own = user.cadreId
    ? await deps.db.selectFrom('cadres').select('unit_id').where('id', '=', user.cadreId).executeTakeFirst()
    : undefined;
  if (own?.unit_id === unit.id) throw new DomainError('procedure.recused');
  const cadre = body.subjectCadreId
    ? await deps.db
        .selectFrom('cadres')
        .select(['id', 'name', 'position', 'unit_id'])
        .where('id', '=', body.subjectCadreId)
        .executeTakeFirst()
    : undefined;
  if (body.subjectCadreId && (!cadre || cadre.unit_id !== unit.id || cadre.id === user.cadreId))
    throw new DomainError('correction.cadre_not_in_unit', {}, 'subjectCadreId');

  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const handling = await handlingJurisdiction(deps, unit.path);
  const jurisdiction = await deps.db
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'name'])
    .where('id', '=', handling.id)
    .executeTakeFirstOrThrow();
  const policy = effectivePolicy(await jurisdictionChain(deps.db, jurisdiction.id), today);
  const calendar = await loadCalendar(deps.db);
  // Late writes: the ledger is numbered and the audit chain extended just before COMMIT.
  return lateWritesTransaction(deps.db, async (trx) => {
    const created = await createCorrection(
      { trx, deps, user, now, today, calendar },
      {
        route: 'standalone',
        jurisdiction,
        policy: { id: policy.id, version: policy.version, lookBack: policy.timeLimits.correctionLookBack },
        title: body.title.trim(),
        problem: body.problem,
        unit: { id: unit.id, name: unit.name },
        cadre: cadre ? { id: cadre.id, name: cadre.name, position: cadre.position, unit: unit.name } : null,
        responsiblePerson: body.responsiblePerson.trim(),
        measures: lines(body.measures),
        deadlineWorkingDays: body.deadlineWorkingDays,
        orderedOn: today,
        tolerance: null,
      },
    );
    return { id: created.id, number: created.number };
  });
}

/**
 * The correction a tolerance decision ordered, opened in the decision's transaction once its
 * determination is issued (at the decision, or on the higher level's approval). Its period runs
 * from the day of the decision, so its last day is the one the determination printed. Nothing
 * happens when the decision ordered no correction.
 */
export async function openCorrectionFromDecision(
  ctx: StepContext,
  decision: StoredDecision,
): Promise<{ id: string; number: string } | null> {
  const order = decision.correctionOrder;
  if (!order) return null;
  const m = ctx.loaded.matter;
  const [jurisdiction, cadre, determination] = await Promise.all([
    ctx.trx
      .selectFrom('jurisdictions')
      .select(['id', 'code', 'name'])
      .where('id', '=', m.jurisdiction_id)
      .executeTakeFirstOrThrow(),
    ctx.trx
      .selectFrom('cadres as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.name', 'c.position', 'u.name as unit'])
      .where('c.id', '=', m.subject_cadre_id!)
      .executeTakeFirstOrThrow(),
    latestDetermination(ctx),
  ]);
  // The unit the cadre was in when the matter opened owns the rectification.
  const unit = await ctx.trx
    .selectFrom('units')
    .select(['id', 'name'])
    .where('id', '=', m.subject_unit_id!)
    .executeTakeFirstOrThrow();
  const created = await createCorrection(ctx, {
    route: 'from_decision',
    jurisdiction,
    policy: {
      id: ctx.policy.id,
      version: ctx.policy.version,
      lookBack: ctx.policy.timeLimits.correctionLookBack,
    },
    title: `${m.title}（纠错整改）`,
    problem: null,
    unit,
    cadre,
    responsiblePerson: order.responsible,
    measures: order.measures,
    deadlineWorkingDays: order.deadlineWorkingDays,
    orderedOn: decision.decidedOn,
    tolerance: {
      matterId: m.id,
      determination: {
        id: determination.id,
        number: determination.number,
        title: determination.title,
        date: toBeijingDate(determination.issued_at),
      },
    },
  });
  return { id: created.id, number: created.number };
}
