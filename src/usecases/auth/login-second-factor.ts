/**
 * Step two of signing in to an account with a second factor: the challenge from step one plus a
 * TOTP code or a one-time recovery code. Wrong codes count against the account exactly like wrong
 * passwords (lock-out after five) and against the address; each challenge allows five tries and
 * one success; each TOTP code and each recovery code works once.
 */
import type { Deps } from '../../app/deps.ts';
import { appendAudit } from '../../audit/append.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import { DomainError } from '../../domain/errors.ts';
import { assertAddressNotThrottled, LOGIN_POLICY, type SessionTimes } from './login.ts';
import { openSession, type NewSession } from './session.ts';
import { checkTotp, decryptTotpSecret, matchRecoveryCode } from './totp.ts';

export type SecondFactorInput = {
  challenge: string;
  token?: string;
  recoveryCode?: string;
  ip: string;
  userAgent: string;
};

const MAX_TRIES_PER_CHALLENGE = 5;

type Outcome =
  | { ok: true; via: 'totp'; step: number }
  | { ok: true; via: 'recovery_code'; codeId: string }
  | { ok: false; reason: 'wrong_second_factor' | 'replayed_code' };

export async function completeSecondFactor(
  deps: Pick<Deps, 'db' | 'clock' | 'keyring'>,
  times: SessionTimes,
  input: SecondFactorInput,
): Promise<NewSession & { userId: string }> {
  const { db } = deps;
  const now = deps.clock.now();
  await assertAddressNotThrottled(db, input.ip, now);
  const challengeHash = sm3Hex(input.challenge);
  const challenge = await db
    .selectFrom('login_challenges')
    .selectAll()
    .where('token_hash', '=', challengeHash)
    .executeTakeFirst();
  const user = challenge
    ? await db.selectFrom('users').selectAll().where('id', '=', challenge.user_id).executeTakeFirst()
    : undefined;
  if (
    !challenge ||
    !user ||
    challenge.expires_at <= now ||
    user.status !== 'active' ||
    user.totp_enabled_at === null ||
    user.totp_secret_enc === null
  ) {
    if (challenge) await db.deleteFrom('login_challenges').where('token_hash', '=', challengeHash).execute();
    throw new DomainError('auth.challenge_invalid');
  }
  if (user.locked_until && user.locked_until > now) {
    await db.deleteFrom('login_challenges').where('token_hash', '=', challengeHash).execute();
    throw new DomainError('auth.account_locked', {
      minutes: Math.max(1, Math.ceil((user.locked_until.getTime() - now.getTime()) / 60_000)),
    });
  }

  let outcome: Outcome = { ok: false, reason: 'wrong_second_factor' };
  if (input.token !== undefined) {
    const lastStep = user.totp_last_step === null ? null : Number(user.totp_last_step);
    const check = await checkTotp(
      decryptTotpSecret(deps.keyring, user.id, user.totp_secret_enc),
      input.token,
      now,
      lastStep,
    );
    if (check.status === 'valid') outcome = { ok: true, via: 'totp', step: check.step };
    else if (check.status === 'replayed') outcome = { ok: false, reason: 'replayed_code' };
  } else if (input.recoveryCode !== undefined) {
    const unused = await db
      .selectFrom('recovery_codes')
      .select(['id', 'salt', 'code_hash'])
      .where('user_id', '=', user.id)
      .where('used_at', 'is', null)
      .execute();
    const codeId = matchRecoveryCode(input.recoveryCode, unused);
    if (codeId) outcome = { ok: true, via: 'recovery_code', codeId };
  }

  const actor = { userId: user.id, label: user.username };
  if (!outcome.ok) {
    const reason = outcome.reason;
    const failures = user.failed_logins + 1;
    const locksNow = failures >= LOGIN_POLICY.maxFailuresPerAccount;
    await db.transaction().execute(async (trx) => {
      if (challenge.attempts + 1 >= MAX_TRIES_PER_CHALLENGE || locksNow)
        await trx.deleteFrom('login_challenges').where('token_hash', '=', challengeHash).execute();
      else
        await trx
          .updateTable('login_challenges')
          .set({ attempts: challenge.attempts + 1 })
          .where('token_hash', '=', challengeHash)
          .execute();
      await trx
        .insertInto('login_attempts')
        .values({ username: user.username, ip: input.ip, succeeded: false, at: now })
        .execute();
      await trx
        .updateTable('users')
        .set({
          failed_logins: failures,
          ...(locksNow ? { locked_until: new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) } : {}),
        })
        .where('id', '=', user.id)
        .execute();
      // The password was right: a security officer reading this knows the password is known.
      await appendAudit(
        trx,
        {
          actor: { userId: null, label: `anonymous@${input.ip}` },
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          data: { username: user.username, reason, ip: input.ip, locked: locksNow },
        },
        now,
      );
    });
    if (locksNow) throw new DomainError('auth.account_locked', { minutes: LOGIN_POLICY.lockMinutes });
    throw new DomainError(
      reason === 'replayed_code' ? 'auth.second_factor_replayed' : 'auth.second_factor_invalid',
    );
  }

  return db.transaction().execute(async (trx) => {
    // Single use, also under concurrency: whoever deletes the challenge (and advances the step or
    // spends the code) first wins; a concurrent duplicate finds nothing and fails.
    const taken = await trx
      .deleteFrom('login_challenges')
      .where('token_hash', '=', challengeHash)
      .executeTakeFirst();
    if (taken.numDeletedRows !== 1n) throw new DomainError('auth.challenge_invalid');
    if (outcome.via === 'totp') {
      const advanced = await trx
        .updateTable('users')
        .set({ totp_last_step: outcome.step })
        .where('id', '=', user.id)
        .where((eb) =>
          eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(outcome.step))]),
        )
        .executeTakeFirst();
      if (advanced.numUpdatedRows !== 1n) throw new DomainError('auth.second_factor_replayed');
    } else {
      const spent = await trx
        .updateTable('recovery_codes')
        .set({ used_at: now })
        .where('id', '=', outcome.codeId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (spent.numUpdatedRows !== 1n) throw new DomainError('auth.second_factor_invalid');
    }
    await trx
      .insertInto('login_attempts')
      .values({ username: user.username, ip: input.ip, succeeded: true, at: now })
      .execute();
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null })
      .where('id', '=', user.id)
      .execute();
    const session = await openSession(trx, user.id, now, times, input);
    await appendAudit(
      trx,
      {
        actor,
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        data: { ip: input.ip, secondFactor: outcome.via },
      },
      now,
    );
    if (outcome.via === 'recovery_code') {
      const left = await trx
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      await appendAudit(
        trx,
        {
          actor,
          action: 'auth.recovery_code_used',
          entityType: 'user',
          entityId: user.id,
          data: { remaining: Number(left.n), ip: input.ip },
        },
        now,
      );
    }
    return { ...session, userId: user.id };
  });
}
