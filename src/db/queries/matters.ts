/**
 * Read models of matters: the inbox (every matter the user may see, soonest deadline first) and the
 * records of one matter. Visibility mirrors domain/matters/access.ts as SQL so lists stay indexed.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../connect.ts';
import type { Database } from '../schema.ts';
import type { Principal } from '../../domain/access.ts';
import { escapeLike } from './roster.ts';
import { calendarStamp } from './calendar.ts';

type MatterScope = ExpressionBuilder<Database & { m: Database['matters']; j: Database['jurisdictions'] }, 'm' | 'j'>;

const DECIDED = ['decided', 'notified', 'under_review', 'closed'];

/** Matters the principal may see at all (any view), as one boolean expression. */
export function visibleMatters(eb: MatterScope, user: Principal): Expression<SqlBool> {
  // The jurisdictions under a grant, resolved once per statement (an init plan on
  // jurisdictions_path_idx) and matched by id: that lets the planner walk matters_inbox_idx for the few
  // jurisdictions in scope. Matching `j.path like …` on the joined row instead makes it guess the
  // scope too big and scan all matters — at national scale, a million rows per inbox page.
  const under = (roles: string[]) =>
    user.grants
      .filter((g) => roles.includes(g.role))
      .map((g) => sql<SqlBool>`m.jurisdiction_id = any(array(select id from jurisdictions where path like ${`${escapeLike(g.jurisdictionPath)}%`}))`);
  const commission = under(['case_officer', 'committee_member', 'commission_leader']);
  const supervisor = under(['supervisor']);
  const orgDept = under(['org_dept']);
  const unitIds = user.grants.filter((g) => g.role === 'unit_leader' && g.unitId).map((g) => g.unitId!);
  const any: Expression<SqlBool>[] = [];
  // Drafts are the applicant's own until filed.
  if (commission.length) any.push(eb.and([eb.or(commission), eb('m.status', '!=', 'draft')]));
  if (supervisor.length) any.push(eb.and([eb.or(supervisor), eb.or([eb('m.filed_at', 'is not', null), eb('m.status', '=', 'awaiting_approval')])]));
  if (orgDept.length) any.push(eb.and([eb.or(orgDept), eb('m.status', 'in', DECIDED)]));
  if (user.grants.some((g) => g.role === 'cadre')) {
    if (user.cadreId) any.push(eb('m.subject_cadre_id', '=', user.cadreId));
    any.push(eb('m.applicant_user_id', '=', user.userId));
  }
  if (unitIds.length) any.push(eb('m.subject_unit_id', 'in', unitIds));
  return any.length ? eb.or(any) : sql<SqlBool>`false`;
}

export type InboxFilters = { type?: string | undefined; status?: string | undefined; route?: string | undefined; jurisdictionId?: string | undefined; q?: string | undefined; overdueBefore?: string | undefined };

export async function listMatters(db: Db, user: Principal, f: InboxFilters, page: { page: number; pageSize: number }) {
  // The page is chosen from the matters alone (their own columns, in matters_inbox_idx's scope), and
  // only its rows are joined to their jurisdiction, subject and unit — not every matter in scope.
  let q = db.selectFrom('matters as m').where((eb) => visibleMatters(eb as unknown as MatterScope, user));
  if (f.type) q = q.where('m.type', '=', f.type as Database['matters']['type']);
  if (f.status) q = q.where('m.status', '=', f.status);
  if (f.route) q = q.where('m.route', '=', f.route);
  if (f.jurisdictionId) q = q.where('m.jurisdiction_id', '=', f.jurisdictionId);
  if (f.overdueBefore) q = q.where('m.due_on', '<', f.overdueBefore);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    q = q.where((eb) =>
      eb.or([
        eb('m.number', 'like', like),
        eb('m.title', 'like', like),
        eb.exists(eb.selectFrom('cadres as c').select(sql`1`.as('one')).whereRef('c.id', '=', 'm.subject_cadre_id').where('c.name', 'like', like)),
      ]),
    );
  }
  // One round trip: the page and, beside every row, the number of matching matters (the sort over
  // the scope reads them all anyway). Only a page past the end needs the count on its own.
  const chosen = q
    .select([
      'm.id', 'm.number', 'm.type', 'm.title', 'm.status', 'm.route', 'm.outcome', 'm.clocks', 'm.due_on', 'm.created_at', 'm.updated_at',
      'm.jurisdiction_id', 'm.subject_cadre_id', 'm.subject_unit_id',
      sql<string>`count(*) over ()`.as('total_count'),
    ])
    .orderBy(sql`m.due_on asc nulls last`)
    .orderBy('m.updated_at', 'desc')
    .orderBy('m.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const rows = await db
    .selectFrom(chosen.as('p'))
    .innerJoin('jurisdictions as j', 'j.id', 'p.jurisdiction_id')
    .leftJoin('cadres as c', 'c.id', 'p.subject_cadre_id')
    .leftJoin('units as u', 'u.id', 'p.subject_unit_id')
    .select([
      'p.id', 'p.number', 'p.type', 'p.title', 'p.status', 'p.route', 'p.outcome', 'p.clocks', 'p.due_on', 'p.created_at', 'p.updated_at',
      'p.jurisdiction_id', 'j.name as jurisdiction_name', 'c.id as subject_id', 'c.name as subject_name', 'u.name as unit_name', 'p.total_count',
      // The calendar's version rides along, so presenting the deadlines needs no round trip of its own.
      calendarStamp.as('calendar_stamp'),
    ])
    .orderBy(sql`p.due_on asc nulls last`)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id')
    .execute();
  const total = rows.length > 0 ? Number(rows[0]!.total_count) : Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows: rows.map(({ total_count: _, calendar_stamp: __, ...row }) => row), total, calendarStamp: rows[0]?.calendar_stamp ?? null };
}

export type MatterListRow = Awaited<ReturnType<typeof listMatters>>['rows'][number];

type ExtrasRow = {
  subject: { id: string | null; name: string | null; unit_name: string | null } | null;
  jurisdiction: { id: string; name: string } | null;
  records: { id: string; kind: string; visibility: 'internal' | 'parties'; data: Record<string, unknown>; text_enc: string | null; status: string | null; created_at: string; created_by_name: string | null }[];
  files: { id: string; filename: string; visibility: 'internal' | 'parties'; digest: string; created_at: string; size: number; mime: string }[];
  documents: { id: string; kind: string; number: string; title: string; code: string; recipient: string | null; issued_at: string }[];
  participants: { meeting_id: string; kind: 'decision' | 'review'; title: string; held_on: string; created_at: string; user_id: string; display_name: string; present: boolean; recused: boolean; vote: 'exempt' | 'mitigate' | 'refuse' | null; opinion: string | null }[];
  timeline: { seq: number; occurred_at: string; actor: string; action: string; data: Record<string, unknown> }[];
};

/**
 * Everything the detail page shows besides the matter row — subject, jurisdiction, records, files,
 * documents, meeting participants and the timeline from the audit log — as columns of one statement:
 * each part is an indexed sub-select aggregated to JSON (matter_records_matter_idx,
 * matter_files_matter_idx, documents_matter_idx, meeting_participants_matter_idx,
 * audit_events_entity_idx), so the cost per page is one statement whatever the size of the history.
 * `loadMatterAccess` adds them to the statement that loads the matter; `matterExtras` runs them alone.
 */
export function matterExtrasColumns(matterId: string) {
  return [
    sql<ExtrasRow['subject']>`(select json_build_object('id', c.id, 'name', c.name, 'unit_name', u.name)
       from matters xm left join cadres c on c.id = xm.subject_cadre_id left join units u on u.id = xm.subject_unit_id where xm.id = ${matterId})`.as('extras_subject'),
    sql<ExtrasRow['jurisdiction']>`(select json_build_object('id', j.id, 'name', j.name) from matters xm join jurisdictions j on j.id = xm.jurisdiction_id where xm.id = ${matterId})`.as('extras_jurisdiction'),
    sql<ExtrasRow['records']>`(select coalesce(json_agg(json_build_object('id', r.id, 'kind', r.kind, 'visibility', r.visibility, 'data', r.data, 'text_enc', r.text_enc, 'status', r.status,
               'created_at', r.created_at, 'created_by_name', us.display_name) order by r.created_at), '[]')
       from matter_records r left join users us on us.id = r.created_by where r.matter_id = ${matterId})`.as('extras_records'),
    sql<ExtrasRow['files']>`(select coalesce(json_agg(json_build_object('id', f.id, 'filename', f.filename, 'visibility', f.visibility, 'digest', f.digest, 'created_at', f.created_at,
               'size', b.size, 'mime', b.mime) order by f.created_at), '[]')
       from matter_files f join files b on b.digest = f.digest where f.matter_id = ${matterId})`.as('extras_files'),
    sql<ExtrasRow['documents']>`(select coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'number', d.number, 'title', d.title, 'code', d.code, 'recipient', d.recipient,
               'issued_at', d.issued_at) order by d.issued_at), '[]')
       from documents d where d.matter_id = ${matterId})`.as('extras_documents'),
    sql<ExtrasRow['participants']>`(select coalesce(json_agg(json_build_object('meeting_id', mt.id, 'kind', mt.kind, 'title', mt.title, 'held_on', mt.held_on, 'created_at', mt.created_at,
               'user_id', p.user_id, 'display_name', us.display_name, 'present', p.present, 'recused', p.recused, 'vote', p.vote, 'opinion', p.opinion)
               order by mt.created_at, us.username), '[]')
       from meeting_participants p join meetings mt on mt.id = p.meeting_id join users us on us.id = p.user_id where p.matter_id = ${matterId})`.as('extras_participants'),
    sql<ExtrasRow['timeline']>`(select coalesce(json_agg(json_build_object('seq', e.seq, 'occurred_at', e.occurred_at, 'actor', e.actor, 'action', e.action, 'data', e.data) order by e.seq), '[]')
       from audit_events e where e.entity_type = 'matter' and e.entity_id = ${matterId})`.as('extras_timeline'),
  ] as const;
}

export type ExtrasColumns = {
  extras_subject: ExtrasRow['subject'];
  extras_jurisdiction: ExtrasRow['jurisdiction'];
  extras_records: ExtrasRow['records'];
  extras_files: ExtrasRow['files'];
  extras_documents: ExtrasRow['documents'];
  extras_participants: ExtrasRow['participants'];
  extras_timeline: ExtrasRow['timeline'];
};

/** The extras of a row selected with `matterExtrasColumns`. */
export function extrasOf(row: ExtrasColumns, matterId: string) {
  if (!row.extras_jurisdiction) throw new Error(`matter ${matterId} not found`);
  return {
    subject: row.extras_subject ?? undefined,
    jurisdiction: row.extras_jurisdiction,
    records: row.extras_records.map((r) => ({ ...r, created_at: new Date(r.created_at) })),
    files: row.extras_files.map((f) => ({ ...f, created_at: new Date(f.created_at) })),
    documents: row.extras_documents.map((d) => ({ ...d, issued_at: new Date(d.issued_at) })),
    participants: row.extras_participants.map((p) => ({ ...p, created_at: new Date(p.created_at) })),
    timeline: row.extras_timeline.map((e) => ({ ...e, seq: String(e.seq), occurred_at: new Date(e.occurred_at) })),
  };
}

export type MatterExtras = ReturnType<typeof extrasOf>;

/** The extras of one matter in one statement (see `matterExtrasColumns`). */
export async function matterExtras(db: Db, matterId: string): Promise<MatterExtras> {
  const row = await db.selectNoFrom(matterExtrasColumns(matterId)).executeTakeFirstOrThrow();
  return extrasOf(row, matterId);
}
