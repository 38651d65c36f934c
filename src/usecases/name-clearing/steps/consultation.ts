/**
 * 研判 → 征求本人意见 → 报批 (DOMAIN §6.2): the trigger check against the policy the matter is
 * handled under; the cadre's consent to the forms and the reach of the clearing (or their refusal),
 * given by the cadre in the system or recorded by the officer with how and when they were consulted;
 * the plan put to the leader, which stays within the consent; and the consent withdrawn.
 */
import { parseLocalDate, type LocalDate } from '../../../domain/calendar/local-date.ts';
import { DomainError } from '../../../domain/errors.ts';
import { assertCoherent, assertWithin } from '../../../domain/name-clearing/scope.ts';
import { checkTriggers } from '../../../domain/name-clearing/triggers.ts';
import { addMatterRecord } from '../../procedure/records.ts';
import { actsAsCadre, transitionNameClearing, type NameClearingContext } from '../load-name-clearing.ts';
import type { NameClearingStepHandlers } from '../perform-name-clearing-action.ts';
import type { ConsultedVia, RecordedBy } from '../stored.ts';

const record = (ctx: NameClearingContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

/** A date the user gives, within the matter's life: not before the conclusion, not after today. */
export function dateInRange(
  ctx: NameClearingContext,
  value: string,
  field: string,
  earliest?: LocalDate,
): LocalDate {
  const date = parseLocalDate(value, field);
  const from = earliest ?? ctx.loaded.accusation.concludedOn;
  if (date < from || date > ctx.today)
    throw new DomainError(
      'name_clearing.date_out_of_range',
      { date, earliest: from, latest: ctx.today },
      field,
    );
  return date;
}

/**
 * Who recorded the cadre's view and how: the cadre in the system, or the officer, who must say how
 * and when the cadre was consulted.
 */
function consultation(
  ctx: NameClearingContext,
  body: { consultedVia?: Exclude<ConsultedVia, 'online'> | undefined; consultedOn?: string | undefined },
): { recordedBy: RecordedBy; consultedVia: ConsultedVia; on: LocalDate } {
  if (actsAsCadre(ctx.loaded)) return { recordedBy: 'cadre', consultedVia: 'online', on: ctx.today };
  if (!body.consultedVia)
    throw new DomainError('name_clearing.consultation_method_required', {}, 'consultedVia');
  if (!body.consultedOn)
    throw new DomainError('name_clearing.consultation_method_required', {}, 'consultedOn');
  return {
    recordedBy: 'commission',
    consultedVia: body.consultedVia,
    on: dateInRange(ctx, body.consultedOn, 'consultedOn'),
  };
}

export const CONSULTATION_HANDLERS: NameClearingStepHandlers = {
  check_triggers: async (ctx, body) => {
    const check = checkTriggers(ctx.policy.nameClearing, {
      triggers: body.triggers,
      exclusions: body.exclusions,
      itemReasons: body.itemReasons ?? {},
    });
    const triggers = check.triggers.map((t) => t.id);
    const exclusions = check.exclusions.map((e) => e.id);
    await transitionNameClearing(ctx, 'check_triggers', {
      branch: check.result,
      clearing: {
        ...ctx.loaded.clearing,
        triggerCheck: { result: check.result, triggers, exclusions, checkedOn: ctx.today },
      },
      auditData: { result: check.result, triggers, exclusions },
    });
    const reasons = Object.entries(body.itemReasons ?? {}).map(([id, reason]) => `${id}：${reason.trim()}`);
    await record(ctx, {
      kind: 'trigger_check',
      visibility: 'internal',
      data: { result: check.result, triggers, exclusions, explanation: check.explanation },
      text: [body.analysis.trim(), ...reasons].join('\n'),
    });
  },

  record_consent: async (ctx, body) => {
    const choice = { forms: [...body.forms], scope: body.scope };
    assertCoherent(choice);
    const how = consultation(ctx, body);
    await transitionNameClearing(ctx, 'record_consent', {
      clearing: {
        ...ctx.loaded.clearing,
        consent: {
          ...choice,
          consentedOn: how.on,
          recordedBy: how.recordedBy,
          consultedVia: how.consultedVia,
        },
        declined: null,
      },
      auditData: { ...choice, recordedBy: how.recordedBy, consultedVia: how.consultedVia },
    });
    await record(ctx, {
      kind: 'consent',
      visibility: 'parties',
      data: { ...choice, recordedBy: how.recordedBy, consultedVia: how.consultedVia, on: how.on },
      text: body.opinion,
    });
  },

  decline: async (ctx, body) => {
    const how = consultation(ctx, body);
    await transitionNameClearing(ctx, 'decline', {
      clearing: {
        ...ctx.loaded.clearing,
        consent: null,
        declined: { on: how.on, recordedBy: how.recordedBy },
      },
      auditData: { recordedBy: how.recordedBy, consultedVia: how.consultedVia },
    });
    await record(ctx, {
      kind: 'declined',
      visibility: 'parties',
      data: { recordedBy: how.recordedBy, consultedVia: how.consultedVia, on: how.on },
      text: body.reason,
    });
  },

  // 报批: the plan the leader approves stays within what the cadre agreed to.
  submit_for_approval: async (ctx, body) => {
    const choice = { forms: [...body.forms], scope: body.scope };
    assertCoherent(choice);
    assertWithin(choice, ctx.loaded.clearing.consent!, 'consent');
    const plannedOn = body.plannedOn ? parseLocalDate(body.plannedOn, 'plannedOn') : null;
    if (plannedOn && plannedOn < ctx.today)
      throw new DomainError('name_clearing.planned_in_past', { date: plannedOn }, 'plannedOn');
    await transitionNameClearing(ctx, 'submit_for_approval', {
      clearing: { ...ctx.loaded.clearing, plan: { ...choice, submittedOn: ctx.today, plannedOn } },
      auditData: { ...choice, plannedOn },
    });
    await record(ctx, {
      kind: 'plan',
      visibility: 'parties',
      data: { ...choice, plannedOn },
      text: body.arrangements,
    });
  },

  // The cadre changes their mind before the clearing: plan and approval lapse with the consent.
  withdraw_consent: async (ctx, body) => {
    const how = consultation(ctx, body);
    await transitionNameClearing(ctx, 'withdraw_consent', {
      clearing: { ...ctx.loaded.clearing, consent: null, plan: null, approval: null },
      auditData: { recordedBy: how.recordedBy, consultedVia: how.consultedVia },
    });
    await record(ctx, {
      kind: 'consent_withdrawn',
      visibility: 'parties',
      data: { recordedBy: how.recordedBy, consultedVia: how.consultedVia, on: how.on },
      text: body.reason,
    });
  },
};
