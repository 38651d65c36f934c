/**
 * Sign-in with throttling per account (lock-out after repeated failures) and per address, an audit
 * event for every outcome, and a database-held session (stateless app nodes, DESIGN §4).
 */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../domain/errors.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';
import { openSession } from './session.ts';
import { issueChallenge } from './two-factor.ts';

export const LOGIN_POLICY = {
  /** Consecutive failures before the account locks. */
  maxFailuresPerAccount: 5,
  lockMinutes: 15,
  /** Failures from one address within the window before that address is throttled. */
  maxFailuresPerAddress: 20,
  addressWindowMinutes: 15,
};

export type SessionTimes = { idleMinutes: number; absoluteHours: number };
export type LoginInput = { username: string; password: string; ip: string; userAgent: string };
/** A session straight away, or — for an account with a second factor — a challenge for step two. */
export type LoginResult =
  | { kind: 'session'; token: string; csrfToken: string; userId: string; expiresAt: Date }
  | { kind: 'two_factor'; challenge: string; expiresAt: Date };

/** Refuses an address with too many recent failures (passwords and second factors alike). */
export async function assertAddressNotThrottled(db: Db, ip: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_POLICY.addressWindowMinutes * 60_000);
  const recentFailures = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('at', '>', windowStart)
    .executeTakeFirstOrThrow();
  if (Number(recentFailures.n) >= LOGIN_POLICY.maxFailuresPerAddress) {
    throw new DomainError('auth.address_throttled', { minutes: LOGIN_POLICY.addressWindowMinutes });
  }
}

export async function login(deps: Pick<Deps, 'db' | 'clock'>, times: SessionTimes, input: LoginInput): Promise<LoginResult> {
  const { db, clock } = deps;
  const now = clock.now();
  const username = input.username.trim().toLowerCase();
  await assertAddressNotThrottled(db, input.ip, now);

  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const lockedUntil = user?.locked_until && user.locked_until > now ? user.locked_until : null;
  // Always run one argon2 verification so timing reveals neither existence nor lock state.
  const passwordOk = await verifyPassword(user && !lockedUntil ? user.password_hash : DUMMY_HASH, input.password);

  if (!user || lockedUntil || !passwordOk || user.status !== 'active') {
    const reason = !user ? 'unknown_user' : lockedUntil ? 'locked' : !passwordOk ? 'wrong_password' : 'disabled';
    const failures = user && reason === 'wrong_password' ? user.failed_logins + 1 : (user?.failed_logins ?? 0);
    const locksNow = reason === 'wrong_password' && failures >= LOGIN_POLICY.maxFailuresPerAccount;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('login_attempts').values({ username, ip: input.ip, succeeded: false, at: now }).execute();
      if (user && reason === 'wrong_password') {
        await trx
          .updateTable('users')
          .set({
            failed_logins: failures,
            locked_until: locksNow ? new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) : user.locked_until,
          })
          .where('id', '=', user.id)
          .execute();
      }
      await appendAudit(
        trx,
        {
          actor: { userId: null, label: `anonymous@${input.ip}` },
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          data: { username, reason, ip: input.ip, locked: locksNow },
        },
        now,
      );
    });
    if (lockedUntil || locksNow) {
      const until = lockedUntil ?? new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000);
      throw new DomainError('auth.account_locked', { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) });
    }
    if (reason === 'disabled') throw new DomainError('auth.account_disabled');
    throw new DomainError('auth.invalid_credentials');
  }

  // Right password but a second factor to come: nothing is reset or recorded as a success until
  // step two, so the account's failure counter keeps throttling guesses at the code.
  if (user.totp_enabled_at !== null) return { kind: 'two_factor', ...(await issueChallenge(db, user.id, now, input.ip)) };

  const session = await db.transaction().execute(async (trx) => {
    await trx.insertInto('login_attempts').values({ username, ip: input.ip, succeeded: true, at: now }).execute();
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    const opened = await openSession(trx, user.id, now, times, input);
    await appendAudit(
      trx,
      { actor: { userId: user.id, label: user.username }, action: 'auth.login', entityType: 'user', entityId: user.id, data: { ip: input.ip } },
      now,
    );
    return opened;
  });
  return { kind: 'session', token: session.token, csrfToken: session.csrfToken, userId: user.id, expiresAt: session.expiresAt };
}
