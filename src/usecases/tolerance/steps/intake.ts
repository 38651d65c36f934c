/**
 * Intake (申请 → 受理): submit, supplement requests and supplements (the acceptance clock pauses while
 * the applicant supplements), acceptance with the acceptance notice, reasoned non-acceptance with its
 * notice, withdrawal; and the lifecycle steps suspend, resume and conversion into a discipline case.
 */
import { randomUUID } from 'node:crypto';
import { actorOf } from '../../../domain/access.ts';
import { pauseDeadline, resumeDeadline, startDeadline } from '../../../domain/calendar/deadline.ts';
import type { MatterClocks } from '../../../domain/tolerance/clocks.ts';
import { acceptanceNotice, nonAcceptanceNotice } from '../../../documents/templates/acceptance-notices.ts';
import { transition } from '../transition.ts';
import type { StepContext, StepHandlers } from '../perform-action.ts';
import { addRecord, documentParties } from './records.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../../documents/issue-document.ts';
import { describeLimit } from './wording.ts';

function clocksOf(ctx: StepContext): MatterClocks {
  return ctx.loaded.matter.clocks as MatterClocks;
}

export const INTAKE_HANDLERS: StepHandlers = {
  submit: async (ctx) => {
    const clocks: MatterClocks = { ...clocksOf(ctx), acceptance: startDeadline(ctx.policy.timeLimits.acceptance, ctx.today) };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'submit', ctx.now, { calendar: ctx.calendar, changes: { clocks } });
  },

  request_supplement: async (ctx, body) => {
    const acceptance = clocksOf(ctx).acceptance;
    const clocks: MatterClocks = { ...clocksOf(ctx), ...(acceptance ? { acceptance: pauseDeadline(acceptance, ctx.today, 'awaiting_supplement') } : {}) };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'request_supplement', ctx.now, { calendar: ctx.calendar, changes: { clocks } });
    await addRecord(ctx, { kind: 'supplement_request', visibility: 'parties', data: { items: body.items } });
  },

  supplement: async (ctx, body) => {
    const acceptance = clocksOf(ctx).acceptance;
    const clocks: MatterClocks = { ...clocksOf(ctx), ...(acceptance ? { acceptance: resumeDeadline(acceptance, ctx.today) } : {}) };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'supplement', ctx.now, { calendar: ctx.calendar, changes: { clocks } });
    await addRecord(ctx, { kind: 'supplement', visibility: 'parties', data: {}, text: body.note });
  },

  accept: async (ctx, body) => {
    const clocks: MatterClocks = { ...clocksOf(ctx), verification: startDeadline(ctx.policy.timeLimits.verification, ctx.today) };
    await transition(ctx.trx, ctx.user, ctx.loaded, 'accept', ctx.now, { calendar: ctx.calendar, changes: { clocks }, auditData: { note: body.note ?? null } });
    const parties = await documentParties(ctx);
    const number = await nextDocumentNumber(ctx.trx, parties.jurisdiction, Number(ctx.today.slice(0, 4)));
    const document = acceptanceNotice({
      issuer: issuerFor(parties.jurisdiction.name),
      documentNumber: number,
      date: ctx.today,
      cadre: parties.cadre,
      applicant: parties.applicant,
      receivedOn: parties.receivedOn,
      matter: ctx.loaded.matter.title,
      policy: parties.policyCitation,
      verificationPeriod: describeLimit(ctx.policy.timeLimits.verification),
    });
    await issueDocument(ctx.trx, ctx.deps, { matterId: ctx.loaded.matter.id, jurisdictionId: ctx.loaded.matter.jurisdiction_id, document, recipient: 'applicant', actor: actorOf(ctx.user) });
  },

  refuse_acceptance: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'refuse_acceptance', ctx.now, { calendar: ctx.calendar });
    await addRecord(ctx, { kind: 'non_acceptance', visibility: 'parties', data: {}, text: body.reasons });
    const parties = await documentParties(ctx);
    const number = await nextDocumentNumber(ctx.trx, parties.jurisdiction, Number(ctx.today.slice(0, 4)));
    const document = nonAcceptanceNotice({
      issuer: issuerFor(parties.jurisdiction.name),
      documentNumber: number,
      date: ctx.today,
      cadre: parties.cadre,
      applicant: parties.applicant,
      receivedOn: parties.receivedOn,
      matter: ctx.loaded.matter.title,
      policy: parties.policyCitation,
      reasons: body.reasons.split(/\n+/).map((s) => s.trim()).filter(Boolean),
    });
    await issueDocument(ctx.trx, ctx.deps, { matterId: ctx.loaded.matter.id, jurisdictionId: ctx.loaded.matter.jurisdiction_id, document, recipient: 'applicant', actor: actorOf(ctx.user) });
  },

  withdraw: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'withdraw', ctx.now, { calendar: ctx.calendar });
    if (body.reason) await addRecord(ctx, { kind: 'withdrawal', visibility: 'parties', data: {}, text: body.reason });
  },

  suspend: async (ctx, body) => {
    const clocks = { ...clocksOf(ctx) };
    for (const kind of ['acceptance', 'verification'] as const) {
      const clock = clocks[kind];
      if (clock && !clock.pauses.some((p) => p.until === null)) clocks[kind] = pauseDeadline(clock, ctx.today, 'suspended');
    }
    await transition(ctx.trx, ctx.user, ctx.loaded, 'suspend', ctx.now, { calendar: ctx.calendar, changes: { clocks } });
    await addRecord(ctx, { kind: 'suspension', visibility: 'internal', data: {}, text: body.reason });
  },

  resume: async (ctx) => {
    const clocks = { ...clocksOf(ctx) };
    for (const kind of ['acceptance', 'verification'] as const) {
      const clock = clocks[kind];
      if (clock?.pauses.some((p) => p.until === null && p.reason === 'suspended')) clocks[kind] = resumeDeadline(clock, ctx.today);
    }
    await transition(ctx.trx, ctx.user, ctx.loaded, 'resume', ctx.now, { calendar: ctx.calendar, changes: { clocks } });
  },

  convert: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'convert', ctx.now, { calendar: ctx.calendar, auditData: { caseRef: body.caseRef ?? null } });
    await addRecord(ctx, { kind: 'conversion', visibility: 'internal', data: { caseRef: body.caseRef ?? null, id: randomUUID() }, text: body.reason });
  },
};
