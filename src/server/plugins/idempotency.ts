/**
 * Idempotency keys on create and submit: a retried request with the same `Idempotency-Key` gets the
 * first answer instead of creating a second matter. The same key with a different body is refused.
 */
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { sm3Hex } from '../../crypto/sm3.ts';
import { canonicalJson } from '../../domain/audit/canonical.ts';
import { DomainError } from '../../domain/errors.ts';

export async function withIdempotency<T>(deps: Deps, user: UserWithGrants, request: FastifyRequest, statusCode: number, run: () => Promise<T>): Promise<{ statusCode: number; body: T }> {
  const header = request.headers['idempotency-key'];
  const key = typeof header === 'string' ? header.trim() : '';
  if (!key) return { statusCode, body: await run() };
  if (key.length > 100) throw new DomainError('request.invalid', { field: 'Idempotency-Key' }, 'headers.idempotency-key');
  const digest = sm3Hex(`${request.method} ${request.url}\n${canonicalJson(request.body ?? null)}`);
  // Claim the key first, so two concurrent duplicates cannot both run.
  const claimed = await deps.db
    .insertInto('idempotency_keys')
    .values({ key, user_id: user.userId, request_digest: digest, response: 'null', status_code: 0, created_at: deps.clock.now() })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (claimed.numInsertedOrUpdatedRows !== 1n) {
    const previous = await deps.db.selectFrom('idempotency_keys').selectAll().where('user_id', '=', user.userId).where('key', '=', key).executeTakeFirstOrThrow();
    if (previous.request_digest !== digest) throw new DomainError('idempotency.mismatch', {}, 'headers.idempotency-key');
    if (previous.status_code === 0) throw new DomainError('record.conflict');
    return { statusCode: previous.status_code, body: previous.response as T };
  }
  try {
    const body = await run();
    await deps.db
      .updateTable('idempotency_keys')
      .set({ response: JSON.stringify(body), status_code: statusCode })
      .where('user_id', '=', user.userId)
      .where('key', '=', key)
      .execute();
    return { statusCode, body };
  } catch (error) {
    // A failed request may be retried with the same key.
    await deps.db.deleteFrom('idempotency_keys').where('user_id', '=', user.userId).where('key', '=', key).execute();
    throw error;
  }
}
