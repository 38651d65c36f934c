/**
 * The documents of a name clearing — the clearing letter, and the correction orders of any wrong
 * handling it put right — with where to download and verify each, for whoever may see the clearing
 * beyond its existence (not a recused member). Downloads themselves go through /api/documents, which
 * audits them.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { DomainError } from '../../domain/errors.ts';
import { loadNameClearing } from './load-name-clearing.ts';

export async function nameClearingDocuments(deps: Deps, user: UserWithGrants, id: string) {
  const loaded = await loadNameClearing(deps.db, user, id, deps.clock.now());
  if (loaded.view === 'limited') throw new DomainError('record.not_found');
  // Correction orders belong to their own matters: listed for those who may see the clearing in full
  // or as its cadre (who is named in them), not for the organisation department's copy.
  const correctionIds =
    loaded.view === 'outcome'
      ? []
      : loaded.clearing.corrections.flatMap((c) => (c.correction ? [c.correction.id] : []));
  const rows = await deps.db
    .selectFrom('documents')
    .select(['id', 'kind', 'number', 'title', 'code', 'issued_at'])
    .where((eb) =>
      eb.or([
        eb('matter_id', '=', id),
        ...(correctionIds.length ? [eb('matter_id', 'in', correctionIds)] : []),
      ]),
    )
    .orderBy('issued_at')
    .orderBy('id')
    .execute();
  return {
    items: rows.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      title: d.title,
      code: d.code,
      issuedAt: d.issued_at.toISOString(),
      pdf: `/api/documents/${d.id}.pdf`,
      docx: `/api/documents/${d.id}.docx`,
      verify: `/api/verify?code=${encodeURIComponent(d.code)}`,
    })),
  };
}
