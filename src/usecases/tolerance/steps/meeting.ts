/**
 * 集体研究 (DOMAIN §4.1 step 4): the matter put before the standing committee, recusal (回避) —
 * automatic for related members, and on declaration — and the recorded votes with opinions.
 */
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../domain/errors.ts';
import { transition } from '../transition.ts';
import type { StepHandlers } from '../perform-action.ts';
import { bodyMembers, latestDecisionMeeting } from './committee.ts';
import { addRecord } from './records.ts';

export const MEETING_HANDLERS: StepHandlers = {
  convene_meeting: async (ctx, body) => {
    const m = ctx.loaded.matter;
    const members = await bodyMembers(ctx);
    const memberIds = new Set(members.map((x) => x.userId));
    body.present.forEach((id, i) => {
      if (!memberIds.has(id)) throw new DomainError('meeting.not_a_member', { id }, `present[${i}]`);
    });
    const present = new Set(body.present);
    const meetingId = randomUUID();
    const recused = members.filter((x) => x.recusalReason !== null);
    await transition(ctx.trx, ctx.user, ctx.loaded, 'convene_meeting', ctx.now, {
      calendar: ctx.calendar,
      auditData: {
        meetingId,
        heldOn: body.heldOn,
        members: members.length,
        present: present.size,
        recused: recused.map((x) => x.userId),
      },
    });
    // Meetings are ordered by creation: never let a reconvened meeting tie with the one it replaces.
    const previous = await ctx.trx
      .selectFrom('meetings as mt')
      .innerJoin('meeting_participants as p', 'p.meeting_id', 'mt.id')
      .select('mt.created_at')
      .where('p.matter_id', '=', m.id)
      .orderBy('mt.created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const createdAt =
      previous && previous.created_at >= ctx.now ? new Date(previous.created_at.getTime() + 1) : ctx.now;
    await ctx.trx
      .insertInto('meetings')
      .values({
        id: meetingId,
        jurisdiction_id: m.jurisdiction_id,
        kind: 'decision',
        title: body.title?.trim() || `常委会会议研究${m.number}`,
        held_on: body.heldOn,
        created_by: ctx.user.userId,
        created_at: createdAt,
      })
      .execute();
    await ctx.trx
      .insertInto('meeting_participants')
      .values(
        members.map((x) => ({
          meeting_id: meetingId,
          matter_id: m.id,
          user_id: x.userId,
          present: present.has(x.userId),
          recused: x.recusalReason !== null,
          recusal_reason: x.recusalReason,
        })),
      )
      .execute();
  },

  declare_conflict: async (ctx, body) => {
    await transition(ctx.trx, ctx.user, ctx.loaded, 'declare_conflict', ctx.now, { calendar: ctx.calendar });
    // The reason may be personal: encrypted in the record; load-matter.ts reads the record to recuse.
    await addRecord(ctx, { kind: 'conflict_declared', visibility: 'internal', data: {}, text: body.reason });
    if (ctx.loaded.matter.status !== 'deliberating') return;
    const meeting = await latestDecisionMeeting(ctx);
    if (!meeting) return;
    // A vote already cast is withdrawn with the recusal (the audit chain keeps that it was cast).
    await ctx.trx
      .updateTable('meeting_participants')
      .set({
        recused: true,
        recusal_reason: `本人申请回避：${body.reason.trim()}`,
        vote: null,
        opinion: null,
        voted_at: null,
      })
      .where('meeting_id', '=', meeting.id)
      .where('matter_id', '=', ctx.loaded.matter.id)
      .where('user_id', '=', ctx.user.userId)
      .execute();
  },

  // Voting again before the decision REPLACES the earlier vote: deliberation may change a member's
  // mind, and the audit chain keeps every vote cast (`replaced` names the one superseded).
  cast_vote: async (ctx, body) => {
    const meeting = await latestDecisionMeeting(ctx);
    const own = meeting?.participants.find((p) => p.user_id === ctx.user.userId);
    const details = { memberId: ctx.user.userId };
    if (!meeting || !own) throw new DomainError('meeting.not_attending', details);
    if (own.recused) throw new DomainError('procedure.recused', details);
    if (!own.present) throw new DomainError('meeting.not_attending', details);
    await transition(ctx.trx, ctx.user, ctx.loaded, 'cast_vote', ctx.now, {
      calendar: ctx.calendar,
      auditData: { meetingId: meeting.id, vote: body.vote, ...(own.vote ? { replaced: own.vote } : {}) },
    });
    await ctx.trx
      .updateTable('meeting_participants')
      .set({ vote: body.vote, opinion: body.opinion, voted_at: ctx.now })
      .where('meeting_id', '=', meeting.id)
      .where('matter_id', '=', ctx.loaded.matter.id)
      .where('user_id', '=', ctx.user.userId)
      .execute();
  },
};
