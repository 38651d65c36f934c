/** Password reset and disabling, for accounts within the administrator's scope. */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { disableUser, resetPassword } from '../users/manage-users.ts';
import { requireAdminScope, userInScope } from './scope.ts';

/** Sets a new password (the holder's sessions end); audited as user.password_reset. */
export async function resetUserPassword(
  deps: Deps,
  admin: UserWithGrants,
  userId: string,
  password: string,
): Promise<void> {
  const user = await userInScope(deps.db, requireAdminScope(admin), userId);
  await resetPassword(deps, actorOf(admin), user.username, password);
}

/** Disables an account (its sessions end); never one's own. Audited as user.disabled. */
export async function disableAccount(deps: Deps, admin: UserWithGrants, userId: string): Promise<void> {
  const user = await userInScope(deps.db, requireAdminScope(admin), userId);
  if (user.id === admin.userId) throw new DomainError('user.self_lockout');
  await disableUser(deps, actorOf(admin), user.username);
}
