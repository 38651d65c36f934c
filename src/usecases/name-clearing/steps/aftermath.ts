/**
 * After the clearing decision (DOMAIN §6.1–6.2): the accuser classified — 诬告陷害 referred to the body
 * that pursues it, 错告 (no intent, a misunderstanding) educated and not referred; any wrong handling
 * the accusation caused corrected (Art. 51): ordered within the commission's powers as a standalone
 * correction (the correction procedure's own order, document and audit, in this transaction), or
 * recommended to the competent body; then the clearing copied to the organisation department and
 * filed in the integrity file, or — when nothing was cleared — the matter closed.
 */
import { DomainError } from '../../../domain/errors.ts';
import { createCorrection } from '../../correction/create-correction.ts';
import { addMatterRecord, lines } from '../../procedure/records.ts';
import { transitionNameClearing, type NameClearingContext } from '../load-name-clearing.ts';
import { orgDeptName } from '../letter.ts';
import type { NameClearingStepHandlers } from '../perform-name-clearing-action.ts';

const record = (ctx: NameClearingContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

/**
 * The unit ordered to correct: one in the officer's jurisdiction, and not their own (回避).
 * @throws DomainError('correction.unit_unknown' | 'procedure.recused')
 */
async function responsibleUnit(ctx: NameClearingContext, unitId: string) {
  const unit = await ctx.trx
    .selectFrom('units as u')
    .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
    .select(['u.id', 'u.name', 'j.path'])
    .where('u.id', '=', unitId)
    .executeTakeFirst();
  if (
    !unit ||
    !unit.path.startsWith(ctx.loaded.jurisdictionPath) ||
    !ctx.user.grants.some((g) => g.role === 'case_officer' && unit.path.startsWith(g.jurisdictionPath))
  )
    throw new DomainError('correction.unit_unknown', {}, 'responsibleUnitId');
  const own = ctx.user.cadreId
    ? await ctx.trx
        .selectFrom('cadres')
        .select('unit_id')
        .where('id', '=', ctx.user.cadreId)
        .executeTakeFirst()
    : undefined;
  if (own?.unit_id === unit.id) throw new DomainError('procedure.recused');
  return { id: unit.id, name: unit.name };
}

export const AFTERMATH_HANDLERS: NameClearingStepHandlers = {
  handle_accuser: async (ctx, body) => {
    const malicious = body.classification === 'malicious';
    if (malicious && !body.referredTo)
      throw new DomainError('name_clearing.referral_required', {}, 'referredTo');
    if (!malicious && body.referredTo)
      throw new DomainError('name_clearing.referral_unexpected', {}, 'referredTo');
    const accuser = {
      classification: body.classification,
      referredTo: body.referredTo ?? null,
      handledOn: ctx.today,
    };
    await transitionNameClearing(ctx, 'handle_accuser', {
      clearing: { ...ctx.loaded.clearing, accuser },
      auditData: { classification: accuser.classification, referredTo: accuser.referredTo },
    });
    // The commission's own work: the cadre is not told who accused them, nor how the accuser is handled.
    await record(ctx, {
      kind: 'accuser_handling',
      visibility: 'internal',
      data: accuser,
      text: body.reasons,
    });
  },

  order_correction: async (ctx, body) => {
    const m = ctx.loaded.matter;
    let correction: { id: string; number: string } | null = null;
    if (body.route === 'order') {
      const unit = await responsibleUnit(ctx, body.responsibleUnitId);
      const [jurisdiction, cadre] = await Promise.all([
        ctx.trx
          .selectFrom('jurisdictions')
          .select(['id', 'code', 'name'])
          .where('id', '=', m.jurisdiction_id)
          .executeTakeFirstOrThrow(),
        ctx.trx
          .selectFrom('cadres')
          .select(['id', 'name', 'position', 'unit_id'])
          .where('id', '=', m.subject_cadre_id!)
          .executeTakeFirstOrThrow(),
      ]);
      const created = await createCorrection(ctx, {
        route: 'standalone',
        jurisdiction,
        policy: {
          id: ctx.policy.id,
          version: ctx.policy.version,
          lookBack: ctx.policy.timeLimits.correctionLookBack,
        },
        title: `纠正因不实举报对${cadre.name}同志的不当处理`,
        problem: body.wrongHandling.trim(),
        unit,
        // The cadre follows the correction when it is their own unit that must put things right.
        cadre:
          cadre.unit_id === unit.id
            ? { id: cadre.id, name: cadre.name, position: cadre.position, unit: unit.name }
            : null,
        responsiblePerson: body.responsiblePerson.trim(),
        measures: lines(body.measures),
        deadlineWorkingDays: body.deadlineWorkingDays,
        orderedOn: ctx.today,
        tolerance: null,
      });
      correction = { id: created.id, number: created.number };
    }
    const entry = {
      route: body.route,
      on: ctx.today,
      recommendTo: body.route === 'recommend' ? body.recommendTo.trim() : null,
      correction,
    };
    await transitionNameClearing(ctx, 'order_correction', {
      clearing: { ...ctx.loaded.clearing, corrections: [...ctx.loaded.clearing.corrections, entry] },
      auditData: { route: body.route, correctionId: correction?.id ?? null },
    });
    await record(ctx, {
      kind: 'correction',
      visibility: 'parties',
      data: entry,
      text:
        body.route === 'recommend'
          ? `${body.wrongHandling.trim()}\n${body.recommendation.trim()}`
          : body.wrongHandling,
    });
  },

  archive: async (ctx, body) => {
    const jurisdiction = await ctx.trx
      .selectFrom('jurisdictions')
      .select('name')
      .where('id', '=', ctx.loaded.matter.jurisdiction_id)
      .executeTakeFirstOrThrow();
    const archive = {
      on: ctx.today,
      orgDept: orgDeptName(jurisdiction.name),
      integrityFileRef: body.integrityFileRef?.trim() || null,
    };
    await transitionNameClearing(ctx, 'archive', {
      clearing: { ...ctx.loaded.clearing, archive },
      auditData: { orgDept: archive.orgDept, integrityFileRef: archive.integrityFileRef },
    });
    await record(ctx, { kind: 'archive', visibility: 'parties', data: archive, text: body.note });
  },

  close: async (ctx, body) => {
    await transitionNameClearing(ctx, 'close');
    await record(ctx, { kind: 'closure', visibility: 'parties', data: {}, text: body.note });
  },
};
