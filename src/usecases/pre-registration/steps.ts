/**
 * The steps of a pre-registration: revising and filing (each filing starts a new first-review
 * period), the first review — acknowledged with the sealed receipt, or returned with reasons, both
 * recorded as on time or late against the clock — and withdrawal.
 */
import { DomainError } from '../../domain/errors.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import {
  reviewClock,
  reviewedOnTime,
  type PreRegistrationClocks,
} from '../../domain/pre-registration/clocks.ts';
import type { PreRegistrationAction } from '../../domain/pre-registration/procedure.ts';
import type { PreRegistrationActionBodies } from '../../contracts/pre-registration.ts';
import { addMatterRecord, lines } from '../procedure/records.ts';
import { filingOf, transitionPreRegistration, type PreRegistrationContext } from './load-pre-registration.ts';
import { issueReceipt, sealFiling } from './receipt.ts';
import { filingFrom } from './open-pre-registration.ts';

export type PreRegistrationStepHandler<A extends PreRegistrationAction> = (
  ctx: PreRegistrationContext,
  body: PreRegistrationActionBodies[A],
) => Promise<void>;
export type PreRegistrationStepHandlers = { [A in PreRegistrationAction]?: PreRegistrationStepHandler<A> };

/** The review as `matters.decision` stores it: the latest one (a refiled filing is reviewed again). */
export type StoredReview = {
  result: 'acknowledged' | 'returned';
  reviewedOn: LocalDate;
  reviewedBy: string | null;
  onTime: boolean;
  /** Acknowledged: what the receipt sealed. */
  filingDigest?: string;
  sealedAt?: string;
};

const record = (ctx: PreRegistrationContext, r: Parameters<typeof addMatterRecord>[2]) =>
  addMatterRecord(ctx, ctx.loaded.matter.id, r);

function reviewOnTime(ctx: PreRegistrationContext): boolean {
  const clock = (ctx.loaded.matter.clocks as PreRegistrationClocks).review;
  return clock ? reviewedOnTime(clock, ctx.calendar, ctx.now) : true;
}

export const PRE_REGISTRATION_HANDLERS: PreRegistrationStepHandlers = {
  // Only the fields given change; the filing is validated as a whole again when filed.
  revise: async (ctx, body) => {
    const changed = (Object.keys(body) as (keyof typeof body)[]).filter((k) => body[k] !== undefined);
    if (changed.length === 0)
      throw new DomainError('request.invalid', {
        field: 'body',
        reasonZh: '没有要修改的内容',
        reasonEn: 'nothing to change',
      });
    const current = filingOf(ctx.loaded.matter);
    const decided = current.collectiveDecision;
    const filing = filingFrom({
      category: body.category ?? current.category ?? undefined,
      legalGap: body.legalGap ?? current.legalGap,
      risks: body.risks ?? current.risks,
      collectiveDecision:
        body.collectiveDecision === null
          ? undefined
          : (body.collectiveDecision ??
            (decided ? { ...decided, reference: decided.reference ?? undefined } : undefined)),
      plannedStartOn: body.plannedStartOn ?? current.plannedStartOn,
      responsiblePerson: body.responsiblePerson ?? current.responsiblePerson ?? undefined,
    });
    const id = ctx.loaded.matter.id;
    await transitionPreRegistration(ctx, 'revise', {
      changes: {
        facts: JSON.stringify(filing),
        ...(body.title !== undefined ? { title: body.title.trim() } : {}),
        ...(body.description !== undefined
          ? { summary_enc: ctx.deps.keyring.encrypt(body.description, `matter.summary:${id}`) }
          : {}),
      },
      auditData: { fields: changed },
    });
    await record(ctx, { kind: 'revision', visibility: 'parties', data: { fields: changed } });
  },

  // 事前: the table's guard has checked the planned start is still ahead.
  submit: async (ctx, body) => {
    const clocks: PreRegistrationClocks = {
      review: reviewClock(ctx.policy.timeLimits.preRegistrationReview, ctx.today),
    };
    await transitionPreRegistration(ctx, 'submit', {
      changes: { clocks },
      auditData: { filedOn: ctx.today },
    });
    await record(ctx, {
      kind: 'submission',
      visibility: 'parties',
      data: { filedOn: ctx.today },
      text: body.note,
    });
  },

  acknowledge: async (ctx, body) => {
    const seal = await sealFiling(ctx);
    const onTime = reviewOnTime(ctx);
    const review: StoredReview = {
      result: 'acknowledged',
      reviewedOn: ctx.today,
      reviewedBy: ctx.user.system ? null : ctx.user.userId,
      onTime,
      filingDigest: seal.digest,
      sealedAt: ctx.now.toISOString(),
    };
    await transitionPreRegistration(ctx, 'acknowledge', {
      changes: { decision: JSON.stringify(review), decided_at: ctx.now },
      auditData: { onTime, filingDigest: seal.digest, attachments: seal.sealed.attachments.length },
    });
    const receipt = await issueReceipt(ctx, seal, lines(body.opinion ?? ''));
    await record(ctx, {
      kind: 'review',
      visibility: 'parties',
      data: { result: 'acknowledged', onTime, receiptId: receipt.id, filingDigest: seal.digest },
      text: body.opinion,
    });
  },

  return_filing: async (ctx, body) => {
    const onTime = reviewOnTime(ctx);
    const review: StoredReview = {
      result: 'returned',
      reviewedOn: ctx.today,
      reviewedBy: ctx.user.system ? null : ctx.user.userId,
      onTime,
    };
    await transitionPreRegistration(ctx, 'return_filing', {
      changes: { decision: JSON.stringify(review), decided_at: ctx.now },
      auditData: { onTime },
    });
    await record(ctx, {
      kind: 'review',
      visibility: 'parties',
      data: { result: 'returned', onTime },
      text: body.reasons,
    });
  },

  withdraw: async (ctx, body) => {
    await transitionPreRegistration(ctx, 'withdraw');
    if (body.reason)
      await record(ctx, { kind: 'withdrawal', visibility: 'parties', data: {}, text: body.reason });
  },
};
