/**
 * The deciding body of a matter (集体研究): who sits on it, who must recuse (回避), and the meeting
 * that decided. Membership is role data — `committee_member` held in the matter's jurisdiction or
 * one above it — so the body follows the roster of grants, not a list kept by hand.
 */
import type { StepContext } from '../perform-action.ts';

/** A member of the deciding body as this matter sees them. */
export type BodyMember = {
  userId: string;
  name: string;
  /** Why the member must recuse from this matter; null when unrelated. */
  recusalReason: string | null;
};

/**
 * Users holding `committee_member` in a jurisdiction covering the matter, each with the reason they
 * are related to it (the subject, the applicant, the subject's unit, or a declared conflict).
 */
export async function bodyMembers(ctx: StepContext): Promise<BodyMember[]> {
  const m = ctx.loaded.matter;
  // The path lists the matter's jurisdiction and every one above it: exactly the covering ones.
  const covering = ctx.loaded.jurisdictionPath.split('/').filter(Boolean);
  const [rows, conflicts] = await Promise.all([
    ctx.trx
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .leftJoin('cadres as c', 'c.id', 'u.cadre_id')
      .select(['u.id', 'u.display_name', 'u.cadre_id', 'c.unit_id'])
      .where('r.role', '=', 'committee_member')
      .where('r.jurisdiction_id', 'in', covering)
      .where('u.status', '=', 'active')
      .orderBy('u.username')
      .execute(),
    ctx.trx
      .selectFrom('matter_records')
      .select('created_by')
      .where('matter_id', '=', m.id)
      .where('kind', '=', 'conflict_declared')
      .execute(),
  ]);
  const declared = new Set(conflicts.map((c) => c.created_by));
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({
      userId: r.id,
      name: r.display_name,
      recusalReason:
        r.cadre_id !== null && r.cadre_id === m.subject_cadre_id
          ? '系本事项当事人'
          : r.id === m.applicant_user_id
            ? '系本事项申请人'
            : r.unit_id !== null && r.unit_id === m.subject_unit_id
              ? '与当事人同一单位'
              : declared.has(r.id)
                ? '本人申请回避'
                : null,
    }));
}

/** The latest decision meeting held on this matter, with its participant rows. */
export async function latestDecisionMeeting(ctx: StepContext) {
  const meeting = await ctx.trx
    .selectFrom('meetings as mt')
    .innerJoin('meeting_participants as p', 'p.meeting_id', 'mt.id')
    .select(['mt.id', 'mt.held_on', 'mt.title'])
    .where('p.matter_id', '=', ctx.loaded.matter.id)
    .where('mt.kind', '=', 'decision')
    .orderBy('mt.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!meeting) return null;
  const participants = await ctx.trx
    .selectFrom('meeting_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.display_name', 'p.present', 'p.recused', 'p.vote', 'p.opinion'])
    .where('p.meeting_id', '=', meeting.id)
    .where('p.matter_id', '=', ctx.loaded.matter.id)
    .orderBy('u.username')
    .execute();
  return { ...meeting, participants };
}

export type DecisionMeeting = NonNullable<Awaited<ReturnType<typeof latestDecisionMeeting>>>;

/** Display names by user id, for messages that name people (e.g. an overlapping review panel). */
export async function userNames(ctx: StepContext, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
