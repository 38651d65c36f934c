/**
 * Read models of the administration pages. An account is in an administrator's scope when it holds a
 * role in a jurisdiction within that scope; only those role grants are listed.
 */
import type { Db } from '../connect.ts';
import { escapeLike, inScope } from './roster.ts';

export type UserFilters = { q?: string | undefined; status?: 'active' | 'disabled' | undefined };

function usersInScope(db: Db, scope: string[], f: UserFilters) {
  let q = db.selectFrom('users as u').where((eb) =>
    eb.exists(
      eb
        .selectFrom('role_assignments as r')
        .innerJoin('jurisdictions as j', 'j.id', 'r.jurisdiction_id')
        .select('r.id')
        .whereRef('r.user_id', '=', 'u.id')
        .where((e) => inScope(e, 'j.path', scope)),
    ),
  );
  if (f.status) q = q.where('u.status', '=', f.status);
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    q = q.where((eb) =>
      eb.or([eb('u.username', 'like', like), eb('u.display_name', 'like', `%${escapeLike(f.q!)}%`)]),
    );
  }
  return q;
}

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.display_name',
  'u.status',
  'u.cadre_id',
  'u.locked_until',
  'u.created_at',
  'c.name as cadre_name',
] as const;

async function withRoles(db: Db, scope: string[], users: UserRow[]) {
  if (users.length === 0) return [];
  const grants = await db
    .selectFrom('role_assignments as r')
    .innerJoin('jurisdictions as j', 'j.id', 'r.jurisdiction_id')
    .leftJoin('units as un', 'un.id', 'r.unit_id')
    .select([
      'r.id',
      'r.user_id',
      'r.role',
      'r.created_at',
      'j.id as jurisdiction_id',
      'j.code',
      'j.name',
      'j.level',
      'un.id as unit_id',
      'un.name as unit_name',
    ])
    .where(
      'r.user_id',
      'in',
      users.map((u) => u.id),
    )
    .where((eb) => inScope(eb, 'j.path', scope))
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return users.map((u) => ({ ...u, roles: grants.filter((g) => g.user_id === u.id) }));
}

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  status: 'active' | 'disabled';
  cadre_id: string | null;
  locked_until: Date | null;
  created_at: Date;
  cadre_name: string | null;
};
export type AdminUserRow = Awaited<ReturnType<typeof withRoles>>[number];

export async function listUsers(
  db: Db,
  scope: string[],
  f: UserFilters,
  page: { page: number; pageSize: number },
) {
  const base = usersInScope(db, scope, f);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('cadres as c', 'c.id', 'u.cadre_id')
      .select(USER_COLUMNS)
      .orderBy('u.username')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await withRoles(db, scope, rows), total: Number(count.n) };
}

/** One account, or undefined when missing OR outside the scope — callers cannot tell the two apart. */
export async function findUserInScope(
  db: Db,
  scope: string[],
  id: string,
): Promise<AdminUserRow | undefined> {
  const row = await usersInScope(db, scope, {})
    .leftJoin('cadres as c', 'c.id', 'u.cadre_id')
    .select(USER_COLUMNS)
    .where('u.id', '=', id)
    .executeTakeFirst();
  return row ? (await withRoles(db, scope, [row]))[0] : undefined;
}

/** A jurisdiction by id when it lies within the scope. */
export async function jurisdictionInScope(db: Db, scope: string[], id: string) {
  return db
    .selectFrom('jurisdictions as j')
    .select(['j.id', 'j.code', 'j.name', 'j.level', 'j.path'])
    .where('j.id', '=', id)
    .where((eb) => inScope(eb, 'j.path', scope))
    .executeTakeFirst();
}

/** A unit with its jurisdiction's path. */
export async function findUnit(db: Db, id: string) {
  return db
    .selectFrom('units as un')
    .innerJoin('jurisdictions as j', 'j.id', 'un.jurisdiction_id')
    .select([
      'un.id',
      'un.code',
      'un.name',
      'un.kind',
      'un.jurisdiction_id',
      'un.parent_id',
      'j.name as jurisdiction_name',
      'j.path',
    ])
    .where('un.id', '=', id)
    .executeTakeFirst();
}

/** The entered holiday schedules with who entered them. */
export async function enteredCalendarYears(db: Db) {
  return db
    .selectFrom('calendar_years as y')
    .leftJoin('users as u', 'u.id', 'y.entered_by')
    .select(['y.year', 'y.schedule', 'y.updated_at', 'u.username'])
    .orderBy('y.year')
    .execute();
}
