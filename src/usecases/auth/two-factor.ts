/**
 * Enrolling and resetting the TOTP second factor, and the challenge that links the password step of
 * a sign-in to its second step (login-second-factor.ts). A secret is pending (stored, encrypted)
 * from set-up until a code from it is confirmed; only then does sign-in ask for it.
 */
import { randomBytes } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import { appendAudit, type Actor } from '../../audit/append.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import type { Db } from '../../db/connect.ts';
import { DomainError } from '../../domain/errors.ts';
import { checkTotp, decryptTotpSecret, encryptTotpSecret, newRecoveryCodes, newTotpSecret } from './totp.ts';

/** How long the client has to type the code after a correct password. */
export const CHALLENGE_MINUTES = 5;

/** Whether the account has a confirmed second factor. */
export async function twoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('totp_enabled_at')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.totp_enabled_at != null;
}

export type TwoFactorSetup = { secret: string; otpauthUri: string; qrDataUrl: string };

/** Step 1 of enrolment: a new pending secret for the signed-in user (replacing an unconfirmed one). */
export async function setupTwoFactor(
  deps: Pick<Deps, 'db' | 'keyring'>,
  user: { userId: string; username: string },
): Promise<TwoFactorSetup> {
  const setup = await newTotpSecret(user.username);
  const updated = await deps.db
    .updateTable('users')
    .set({
      totp_secret_enc: encryptTotpSecret(deps.keyring, user.userId, setup.secret),
      totp_last_step: null,
    })
    .where('id', '=', user.userId)
    .where('totp_enabled_at', 'is', null)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) throw new DomainError('auth.two_factor_already_enabled');
  return setup;
}

/**
 * Step 2: a code from the authenticator proves the secret was captured; the factor becomes active,
 * ten recovery codes are issued (returned once, stored hashed), and the user's other sessions — all
 * opened with a password alone — end.
 */
export async function confirmTwoFactor(
  deps: Pick<Deps, 'db' | 'clock' | 'keyring'>,
  user: { userId: string; username: string },
  code: string,
  currentSessionHash: string | null,
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select(['totp_secret_enc', 'totp_enabled_at'])
      .where('id', '=', user.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.totp_enabled_at !== null) throw new DomainError('auth.two_factor_already_enabled');
    if (row.totp_secret_enc === null) throw new DomainError('auth.two_factor_not_started');
    const check = await checkTotp(
      decryptTotpSecret(deps.keyring, user.userId, row.totp_secret_enc),
      code,
      now,
      null,
    );
    if (check.status !== 'valid') throw new DomainError('auth.totp_code_invalid', {}, 'token');
    // The confirming code counts as used: it cannot also sign in.
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: now, totp_last_step: check.step })
      .where('id', '=', user.userId)
      .execute();
    const { codes, stored } = newRecoveryCodes();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.userId).execute();
    await trx
      .insertInto('recovery_codes')
      .values(stored.map((s) => ({ ...s, user_id: user.userId, created_at: now })))
      .execute();
    const ended = await trx
      .deleteFrom('sessions')
      .where('user_id', '=', user.userId)
      .$if(currentSessionHash !== null, (q) => q.where('token_hash', '!=', currentSessionHash!))
      .executeTakeFirst();
    await appendAudit(
      trx,
      {
        actor: { userId: user.userId, label: user.username },
        action: 'auth.2fa_enabled',
        entityType: 'user',
        entityId: user.userId,
        data: {
          method: 'totp',
          recoveryCodes: codes.length,
          otherSessionsEnded: Number(ended.numDeletedRows),
        },
      },
      now,
    );
    return { recoveryCodes: codes };
  });
}

/** `rongcuo user reset-2fa`: clears the factor and its recovery codes and ends every session. */
export async function resetTwoFactor(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  usernameRaw: string,
): Promise<{ wasEnabled: boolean }> {
  const username = usernameRaw.trim().toLowerCase();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'totp_enabled_at'])
      .where('username', '=', username)
      .forUpdate()
      .executeTakeFirst();
    if (!user) throw new DomainError('user.unknown', { username });
    await trx
      .updateTable('users')
      .set({ totp_secret_enc: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', user.id)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('login_challenges').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    const wasEnabled = user.totp_enabled_at !== null;
    await appendAudit(
      trx,
      {
        actor,
        action: 'auth.2fa_disabled',
        entityType: 'user',
        entityId: user.id,
        data: { username, wasEnabled },
      },
      now,
    );
    return { wasEnabled };
  });
}

/** After a correct password: a single-use challenge for the second step (only its SM3 is stored). */
export async function issueChallenge(
  db: Db,
  userId: string,
  now: Date,
  ip: string,
): Promise<{ challenge: string; expiresAt: Date }> {
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await db.transaction().execute(async (trx) => {
    // Housekeeping: abandoned challenges of anyone (the table stays as small as the sign-ins in progress).
    await trx.deleteFrom('login_challenges').where('expires_at', '<=', now).execute();
    await trx
      .insertInto('login_challenges')
      .values({ token_hash: sm3Hex(challenge), user_id: userId, ip, created_at: now, expires_at: expiresAt })
      .execute();
  });
  return { challenge, expiresAt };
}
