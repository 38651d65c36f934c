/**
 * Who made an accusation found untrue: commission staff need it to refer a malicious accuser, but it
 * is among the most sensitive facts the platform holds (the protection of reporters, Art. 49 of the
 * 2020 complaint rules, cuts both ways). It is shown only on request, only to commission staff with
 * the full view (never the cadre, the organisation department or a recused member), and every look is
 * audited in the same transaction as it is read.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { DomainError } from '../../domain/errors.ts';
import { accuserVisible } from '../../domain/name-clearing/access.ts';
import { loadNameClearing } from './load-name-clearing.ts';
import { ACCUSER_RECORD } from './stored.ts';

export type AccuserIdentity = {
  anonymous: boolean;
  name: string | null;
  contact: string | null;
  note: string | null;
};

/** @throws DomainError('record.not_found' | 'auth.forbidden') */
export async function revealAccuser(deps: Deps, user: UserWithGrants, id: string): Promise<AccuserIdentity> {
  const now = deps.clock.now();
  const loaded = await loadNameClearing(deps.db, user, id, now);
  // A related member sees only that the matter exists: asking about the accuser reads like a missing one.
  if (loaded.view === 'limited') throw new DomainError('record.not_found');
  if (!accuserVisible(loaded.view)) throw new DomainError('auth.forbidden');
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('matter_records')
      .select(['id', 'text_enc'])
      .where('matter_id', '=', id)
      .where('kind', '=', ACCUSER_RECORD)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    const stored = row?.text_enc
      ? (JSON.parse(deps.keyring.decrypt(row.text_enc, `matter_record:${row.id}`)) as Omit<
          AccuserIdentity,
          'anonymous'
        >)
      : { name: null, contact: null, note: null };
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'name_clearing.accuser_revealed',
        entityType: 'matter',
        entityId: id,
        jurisdictionId: loaded.matter.jurisdiction_id,
        data: { anonymous: loaded.accusation.accuserAnonymous },
      },
      now,
    );
    return {
      anonymous: loaded.accusation.accuserAnonymous,
      name: stored.name ?? null,
      contact: stored.contact ?? null,
      note: stored.note ?? null,
    };
  });
}
