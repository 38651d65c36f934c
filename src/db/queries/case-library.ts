/**
 * Read models of the typical case library: the internal search (published cases and the drafts a
 * reader may see), the public search and page (published fields only), the matters a case officer
 * may prepare, and the dictionary the de-identification reads (roster, units, places, parties).
 *
 * Full-text search is core PostgreSQL on both engines: the query's terms are tokenised in
 * JavaScript exactly as the texts were (domain/case-library/segment.ts); every term must match its
 * characters as a phrase in `search_chars` (a substring match), and the rank is ts_rank over the
 * segmenter's words in `search_words` (title words weigh A, body B), characters breaking ties.
 */
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../connect.ts';
import type { CaseEntryStatus, Database, OutcomeValue } from '../schema.ts';
import type { Principal } from '../../domain/access.ts';
import type { Dictionary } from '../../domain/case-library/deidentify.ts';
import { CASE_LIBRARY_STAFF, CASE_SOURCE_STATES } from '../../domain/case-library/procedure.ts';
import type { QueryTerm, SearchDocument } from '../../domain/case-library/segment.ts';
import { escapeLike } from './roster.ts';

type From = Database & {
  e: Database['case_library_entries'];
  m: Database['matters'];
  j: Database['jurisdictions'];
};
type Eb = ExpressionBuilder<From, 'e' | 'm' | 'j'>;

/** The four tsvector expressions of a case's texts (positions and weights set in SQL). */
export function searchVectors(doc: SearchDocument): {
  search_words: RawBuilder<string>;
  search_chars: RawBuilder<string>;
} {
  return {
    search_words: sql<string>`setweight(to_tsvector('simple', ${doc.titleWords}), 'A') || setweight(to_tsvector('simple', ${doc.bodyWords}), 'B')`,
    search_chars: sql<string>`setweight(to_tsvector('simple', ${doc.titleChars}), 'A') || setweight(to_tsvector('simple', ${doc.bodyChars}), 'B')`,
  };
}

/** Every term's characters as a phrase, all of them required. */
function charQuery(terms: readonly QueryTerm[]) {
  return sql`(${sql.join(
    terms.map((t) => sql`phraseto_tsquery('simple', ${t.chars})`),
    sql` && `,
  )})`;
}

/** Any term's words as a phrase: what ranks a case. */
function wordQuery(terms: readonly QueryTerm[]) {
  return sql`(${sql.join(
    terms.map((t) => sql`phraseto_tsquery('simple', ${t.words})`),
    sql` || `,
  )})`;
}

/** The decision a case reports still stands: decided (not reopened or under review), same outcome. */
function decisionStands(eb: Eb): Expression<SqlBool> {
  return eb.and([eb('m.status', 'in', [...CASE_SOURCE_STATES]), eb('m.outcome', '=', eb.ref('e.outcome'))]);
}

/** Shown on the public page: published, and its decision still stands. */
function publiclyVisible(eb: Eb): Expression<SqlBool> {
  return eb.and([eb('e.status', '=', 'published'), decisionStands(eb)]);
}

/** How the reader stands to matters: what the internal visibility of a case excludes (回避). */
export type ReaderContext = { viewerUnitId: string | null };

/** Jurisdiction ids within the reader's library grants, as an SQL condition on `column`. */
function underGrants(user: Principal, column: string): Expression<SqlBool>[] {
  return user.grants
    .filter((g) => CASE_LIBRARY_STAFF.includes(g.role))
    .map(
      (g) =>
        sql<SqlBool>`${sql.ref(column)} = any(array(select id from jurisdictions where path like ${`${escapeLike(g.jurisdictionPath)}%`}))`,
    );
}

/** Internal cases the reader may see: within their library grants and not related to the matter. */
function internallyVisible(eb: Eb, user: Principal, ctx: ReaderContext): Expression<SqlBool> {
  const scope = underGrants(user, 'e.jurisdiction_id');
  if (scope.length === 0) return sql<SqlBool>`false`;
  const leads = user.grants.filter((g) => g.role === 'unit_leader' && g.unitId).map((g) => g.unitId!);
  const related: Expression<SqlBool>[] = [eb('m.applicant_user_id', '=', user.userId)];
  if (user.cadreId) related.push(eb('m.subject_cadre_id', '=', user.cadreId));
  if (ctx.viewerUnitId) related.push(eb('m.subject_unit_id', '=', ctx.viewerUnitId));
  if (leads.length) related.push(eb('m.subject_unit_id', 'in', leads));
  related.push(
    eb.exists(
      eb
        .selectFrom('matter_records as r')
        .select('r.id')
        .whereRef('r.matter_id', '=', 'm.id')
        .where('r.kind', '=', 'conflict_declared')
        .where('r.created_by', '=', user.userId),
    ),
  );
  // Null columns (an ex-officio matter has no applicant) must not make the whole test unknown.
  return eb.and([eb.or(scope), sql<SqlBool>`not coalesce(${eb.or(related)}, false)`]);
}

export function hasLibraryGrants(user: Principal): boolean {
  return user.grants.some((g) => CASE_LIBRARY_STAFF.includes(g.role));
}

export type CaseSearch = {
  terms: readonly QueryTerm[];
  outcome?: OutcomeValue | undefined;
  situation?: string | undefined;
  exclusion?: string | undefined;
  year?: number | undefined;
  jurisdictionId?: string | undefined;
  status?: CaseEntryStatus | undefined;
};

const LIST_COLUMNS = [
  'e.id',
  'e.number',
  'e.title',
  'e.facts',
  'e.handling',
  'e.significance',
  'e.outcome',
  'e.status',
  'e.labels',
  'e.decided_month',
  'e.published_at',
  'e.jurisdiction_id',
  'j.name as jurisdiction_name',
] as const;

function baseQuery(db: Db) {
  return db
    .selectFrom('case_library_entries as e')
    .innerJoin('matters as m', 'm.id', 'e.matter_id')
    .innerJoin('jurisdictions as j', 'j.id', 'e.jurisdiction_id');
}

/**
 * One page of cases matching `f` among those `visible`, best match first (newest first without a
 * query), with the total; one round trip for the page with its count.
 */
async function searchPage(
  db: Db,
  visible: (eb: Eb) => Expression<SqlBool>,
  f: CaseSearch,
  page: { page: number; pageSize: number },
) {
  let q = baseQuery(db).where((eb) => visible(eb as unknown as Eb));
  if (f.outcome) q = q.where('e.outcome', '=', f.outcome);
  if (f.year) q = q.where('e.decided_year', '=', f.year);
  if (f.situation) q = q.where(sql<SqlBool>`${f.situation} = any(e.situation_ids)`);
  if (f.exclusion) q = q.where(sql<SqlBool>`${f.exclusion} = any(e.exclusion_ids)`);
  if (f.jurisdictionId) q = q.where('e.jurisdiction_id', '=', f.jurisdictionId);
  if (f.status) q = q.where('e.status', '=', f.status);
  const searching = f.terms.length > 0;
  if (searching) q = q.where(sql<SqlBool>`e.search_chars @@ ${charQuery(f.terms)}`);
  const rank = searching
    ? sql<number>`ts_rank(e.search_words, ${wordQuery(f.terms)}) + 0.1 * ts_rank(e.search_chars, ${charQuery(f.terms)})`
    : sql<number>`0`;
  const rows = await q
    .select([...LIST_COLUMNS, rank.as('rank'), sql<string>`count(*) over ()`.as('total_count')])
    .orderBy(sql`rank desc`)
    .orderBy(sql`e.published_at desc nulls last`)
    .orderBy('e.updated_at', 'desc')
    .orderBy('e.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  const total =
    rows.length > 0
      ? Number(rows[0]!.total_count)
      : Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { rows: rows.map(({ total_count: _, ...row }) => row), total };
}

export type CaseRow = Awaited<ReturnType<typeof searchPage>>['rows'][number];

/**
 * The options the filters offer: years, situations and exclusions among the cases `visible` —
 * distinct values computed in the database, so the answer stays small however large the library.
 */
async function facets(db: Db, visible: (eb: Eb) => Expression<SqlBool>, withItems = true) {
  const scoped = () => baseQuery(db).where((eb) => visible(eb as unknown as Eb));
  const items = (key: 'situations' | 'exclusions') =>
    withItems
      ? scoped()
          .innerJoin(
            sql<{ id: string; zh: string; en: string }>`jsonb_to_recordset(e.labels -> ${key})`.as(
              sql`item(id text, zh text, en text)`,
            ),
            (join) => join.onTrue(),
          )
          .select([
            sql<string>`item.id`.as('id'),
            sql<string>`min(item.zh)`.as('zh'),
            sql<string>`min(item.en)`.as('en'),
          ])
          .groupBy(sql`item.id`)
          .execute()
      : Promise.resolve([]);
  const [years, situations, exclusions] = await Promise.all([
    scoped().select('e.decided_year').distinct().orderBy('e.decided_year', 'desc').execute(),
    items('situations'),
    items('exclusions'),
  ]);
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'en', { numeric: true });
  return {
    years: years.map((y) => y.decided_year),
    situations: [...situations].sort(byId),
    exclusions: [...exclusions].sort(byId),
  };
}

/** Internal search: the reader's internal cases plus every published one. */
export async function searchLibrary(
  db: Db,
  user: Principal,
  ctx: ReaderContext,
  f: CaseSearch,
  page: { page: number; pageSize: number },
) {
  const visible = (eb: Eb) => eb.or([internallyVisible(eb, user, ctx), publiclyVisible(eb)]);
  const [result, options] = await Promise.all([searchPage(db, visible, f, page), facets(db, visible)]);
  return { ...result, facets: options };
}

/** Public search: published cases whose decision stands. */
export async function searchPublished(
  db: Db,
  f: Pick<CaseSearch, 'terms' | 'outcome' | 'year'>,
  page: { page: number; pageSize: number },
) {
  const [result, options] = await Promise.all([
    searchPage(db, publiclyVisible, f, page),
    facets(db, publiclyVisible, false),
  ]);
  return { ...result, years: options.years };
}

/** One published case for the public page, or undefined (unpublished, withdrawn, missing). */
export async function publishedCase(db: Db, id: string) {
  return baseQuery(db)
    .where('e.id', '=', id)
    .where((eb) => publiclyVisible(eb as unknown as Eb))
    .select([...LIST_COLUMNS])
    .executeTakeFirst();
}

/** A case with its matter's standing and relation columns (for the loader's access check). */
export async function caseEntryRow(db: Db, id: string) {
  return baseQuery(db)
    .where('e.id', '=', id)
    .selectAll('e')
    .select([
      'j.name as jurisdiction_name',
      'j.path as jurisdiction_path',
      'm.number as matter_number',
      'm.status as matter_status',
      'm.outcome as matter_outcome',
      'm.subject_cadre_id',
      'm.subject_unit_id',
      'm.applicant_user_id',
      'm.filed_at as matter_filed_at',
    ])
    .executeTakeFirst();
}

/** Decided matters without a case that the officer (within their case_officer grants) may prepare. */
export async function caseCandidates(
  db: Db,
  user: Principal,
  ctx: ReaderContext,
  q: string | undefined,
  page: { page: number; pageSize: number },
) {
  const scope = user.grants
    .filter((g) => g.role === 'case_officer')
    .map(
      (g) =>
        sql<SqlBool>`m.jurisdiction_id = any(array(select id from jurisdictions where path like ${`${escapeLike(g.jurisdictionPath)}%`}))`,
    );
  let query = db
    .selectFrom('matters as m')
    .innerJoin('jurisdictions as j', 'j.id', 'm.jurisdiction_id')
    .where('m.type', '=', 'tolerance')
    .where('m.status', 'in', [...CASE_SOURCE_STATES])
    .where('m.outcome', 'is not', null)
    .where('m.decision', 'is not', null)
    .where((eb) => (scope.length ? eb.or(scope) : sql<SqlBool>`false`))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('case_library_entries as e').select('e.id').whereRef('e.matter_id', '=', 'm.id'),
        ),
      ),
    );
  // Not the reader's own matters or their unit's (回避).
  query = query.where(sql<SqlBool>`m.applicant_user_id is distinct from ${user.userId}`);
  if (user.cadreId)
    query = query.where((eb) =>
      eb.or([eb('m.subject_cadre_id', 'is', null), eb('m.subject_cadre_id', '!=', user.cadreId!)]),
    );
  if (ctx.viewerUnitId)
    query = query.where((eb) =>
      eb.or([eb('m.subject_unit_id', 'is', null), eb('m.subject_unit_id', '!=', ctx.viewerUnitId)]),
    );
  if (q) {
    const like = `%${escapeLike(q)}%`;
    query = query.where((eb) => eb.or([eb('m.number', 'like', like), eb('m.title', 'like', like)]));
  }
  const rows = await query
    .select([
      'm.id',
      'm.number',
      'm.title',
      'm.outcome',
      'm.status',
      'm.decided_at',
      'm.jurisdiction_id',
      'j.name as jurisdiction_name',
      sql<string>`count(*) over ()`.as('total_count'),
    ])
    .orderBy('m.decided_at', 'desc')
    .orderBy('m.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)
    .execute();
  return { rows, total: rows.length ? Number(rows[0]!.total_count) : 0 };
}

/** The unit the reader works in (for recusal), from their cadre record. */
export async function viewerUnit(db: Db, user: Principal): Promise<string | null> {
  if (!user.cadreId) return null;
  const row = await db
    .selectFrom('cadres')
    .select('unit_id')
    .where('id', '=', user.cadreId)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/**
 * What de-identification must recognise for a matter: its parties (the subject, the applicant, the
 * leaders of the subject's unit), the roster and staff of its county, the county's units, and the
 * places of its province (so a neighbouring county or township named in the text is generalised too).
 */
export async function deidentificationDictionary(
  db: Db,
  matter: {
    jurisdiction_id: string;
    subject_cadre_id: string | null;
    subject_unit_id: string | null;
    applicant_user_id: string | null;
  },
): Promise<Dictionary> {
  const county = await db
    .selectFrom('jurisdictions')
    .select('path')
    .where('id', '=', matter.jurisdiction_id)
    .executeTakeFirstOrThrow();
  const under = `${escapeLike(county.path)}%`;
  const province = `/${county.path.split('/').filter(Boolean)[0] ?? ''}/`;
  const ancestors = county.path.split('/').filter(Boolean);
  const none = async () => [] as { name: string }[];
  const [subject, unitLeaders, applicant, roster, staff, units, places] = await Promise.all([
    matter.subject_cadre_id
      ? db.selectFrom('cadres').select('name').where('id', '=', matter.subject_cadre_id).execute()
      : none(),
    matter.subject_unit_id
      ? db
          .selectFrom('role_assignments as r')
          .innerJoin('users as u', 'u.id', 'r.user_id')
          .select('u.display_name as name')
          .where('r.role', '=', 'unit_leader')
          .where('r.unit_id', '=', matter.subject_unit_id)
          .execute()
      : none(),
    matter.applicant_user_id
      ? db
          .selectFrom('users')
          .select('display_name as name')
          .where('id', '=', matter.applicant_user_id)
          .execute()
      : none(),
    db
      .selectFrom('cadres as c')
      .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
      .select('c.name')
      .where('j.path', 'like', under)
      .distinct()
      .execute(),
    db
      .selectFrom('users as u')
      .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
      .innerJoin('jurisdictions as j', 'j.id', 'r.jurisdiction_id')
      .select('u.display_name as name')
      .where((eb) => eb.or([eb('j.path', 'like', under), eb('j.id', 'in', ancestors)]))
      .distinct()
      .execute(),
    db
      .selectFrom('units as u')
      .innerJoin('jurisdictions as j', 'j.id', 'u.jurisdiction_id')
      .select(['u.name', 'u.kind'])
      .where('j.path', 'like', under)
      .execute(),
    db
      .selectFrom('jurisdictions')
      .select(['name', 'level'])
      .where('path', 'like', `${escapeLike(province)}%`)
      .execute(),
  ]);
  return {
    parties: [...subject, ...unitLeaders, ...applicant].map((p) => p.name),
    roster: [...roster, ...staff].map((r) => r.name),
    units: units.map((u) => ({ name: u.name, kind: u.kind })),
    places: places.map((p) => ({ name: p.name, level: p.level })),
  };
}
