/** Account administration: used by `rongcuo user …`, the admin pages and the demo seed. */
import type { Deps } from '../../app/deps.ts';
import { appendAudit, type Actor } from '../../audit/append.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkPassword } from '../../domain/passwords.ts';
import { isRole, type Role } from '../../domain/roles.ts';
import { hashPassword } from '../auth/passwords.ts';

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  cadreId?: string | null;
  roles: { role: string; jurisdictionCode: string; unitId?: string | null }[];
};

const USERNAME = /^[a-z0-9_.-]{2,40}$/;

export async function addUser(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: NewUser): Promise<{ id: string }> {
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username)) {
    throw new DomainError('request.invalid', { reason: 'username' }, 'username');
  }
  const problem = checkPassword(input.password, username);
  if (problem) throw new DomainError('auth.weak_password', { reason: problem.zh, reasonEn: problem.en }, 'password');
  for (const r of input.roles) if (!isRole(r.role)) throw new DomainError('role.unknown', { role: r.role }, 'roles');
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (existing) throw new DomainError('record.duplicate', { field: 'username' }, 'username');
    const { id } = await trx
      .insertInto('users')
      .values({ username, display_name: input.displayName, password_hash: passwordHash, cadre_id: input.cadreId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(trx, { actor, action: 'user.created', entityType: 'user', entityId: id, data: { username, displayName: input.displayName } }, now);
    for (const grant of input.roles) {
      const jurisdiction = await trx.selectFrom('jurisdictions').select(['id']).where('code', '=', grant.jurisdictionCode).executeTakeFirst();
      if (!jurisdiction) throw new DomainError('jurisdiction.unknown', { code: grant.jurisdictionCode }, 'roles');
      await trx
        .insertInto('role_assignments')
        .values({ user_id: id, role: grant.role as Role, jurisdiction_id: jurisdiction.id, unit_id: grant.unitId ?? null })
        .execute();
      await appendAudit(
        trx,
        { actor, action: 'user.role_granted', entityType: 'user', entityId: id, jurisdictionId: jurisdiction.id, data: { role: grant.role, jurisdiction: grant.jurisdictionCode, unitId: grant.unitId ?? null } },
        now,
      );
    }
    return { id };
  });
}

export async function resetPassword(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, usernameRaw: string, password: string): Promise<void> {
  const username = usernameRaw.trim().toLowerCase();
  const problem = checkPassword(password, username);
  if (problem) throw new DomainError('auth.weak_password', { reason: problem.zh, reasonEn: problem.en }, 'password');
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw new DomainError('user.unknown', { username });
    await trx.updateTable('users').set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    // A reset ends every open session of the account.
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await appendAudit(trx, { actor, action: 'user.password_reset', entityType: 'user', entityId: user.id, data: { username } }, now);
  });
}

export async function disableUser(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, usernameRaw: string): Promise<void> {
  const username = usernameRaw.trim().toLowerCase();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw new DomainError('user.unknown', { username });
    await trx.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await appendAudit(trx, { actor, action: 'user.disabled', entityType: 'user', entityId: user.id, data: { username } }, now);
  });
}
