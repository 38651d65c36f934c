/**
 * The receipt of an acknowledged pre-registration (事前报备回执): the filing as submitted — text,
 * structured fields and the SM3 digests of the filer's attachments — reduced to one SM3 digest, and
 * sealed with the server's time inside the signed document, so neither can later be changed unseen.
 */
import { sm3Hex } from '../../crypto/sm3.ts';
import { actorOf } from '../../domain/access.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import { filingCanonicalText, type SealedFiling } from '../../domain/pre-registration/filing.ts';
import { preRegistrationReceipt } from '../../documents/templates/pre-registration-receipt.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../documents/issue-document.ts';
import { filingOf, type PreRegistrationContext } from './load-pre-registration.ts';

/** The day the filing was last submitted (filing again after a return makes a new version). */
export async function lastFiledOn(ctx: PreRegistrationContext): Promise<LocalDate> {
  const submission = await ctx.trx
    .selectFrom('matter_records')
    .select('data')
    .where('matter_id', '=', ctx.loaded.matter.id)
    .where('kind', '=', 'submission')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (
    (submission?.data as { filedOn?: LocalDate } | undefined)?.filedOn ??
    toBeijingDate(ctx.loaded.matter.created_at)
  );
}

/** Who filed, as the receipt names them. */
async function filerOf(ctx: PreRegistrationContext) {
  const m = ctx.loaded.matter;
  if (m.subject_cadre_id) {
    const c = await ctx.trx
      .selectFrom('cadres as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['c.name', 'c.position', 'u.name as unit'])
      .where('c.id', '=', m.subject_cadre_id)
      .executeTakeFirstOrThrow();
    return { kind: 'cadre' as const, name: c.name, unit: c.unit, position: c.position };
  }
  const u = await ctx.trx
    .selectFrom('units')
    .select('name')
    .where('id', '=', m.subject_unit_id!)
    .executeTakeFirstOrThrow();
  return { kind: 'unit' as const, unit: u.name };
}

/** The filing as submitted and its SM3 digest. Only the filer's attachments (shared ones) are sealed. */
export async function sealFiling(ctx: PreRegistrationContext) {
  const m = ctx.loaded.matter;
  const [who, files, filedOn] = await Promise.all([
    filerOf(ctx),
    ctx.trx
      .selectFrom('matter_files')
      .select(['filename', 'digest'])
      .where('matter_id', '=', m.id)
      .where('visibility', '=', 'parties')
      .execute(),
    lastFiledOn(ctx),
  ]);
  const sealed: SealedFiling = {
    number: m.number,
    title: m.title,
    description: m.summary_enc ? ctx.deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`) : '',
    filer:
      who.kind === 'cadre'
        ? { kind: 'cadre', name: who.name, unit: who.unit }
        : { kind: 'unit', name: who.unit, unit: who.unit },
    filing: filingOf(m),
    attachments: files,
    filedOn,
  };
  return { sealed, who, digest: sm3Hex(filingCanonicalText(sealed)) };
}

/** '2026年3月3日10时15分00秒' in Beijing time. */
export function beijingTime(instant: Date): string {
  const t = new Date(instant.getTime() + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}年${t.getUTCMonth() + 1}月${t.getUTCDate()}日${pad(t.getUTCHours())}时${pad(t.getUTCMinutes())}分${pad(t.getUTCSeconds())}秒`;
}

/** Numbers, signs and stores the receipt for the sealed filing; returns the document. */
export async function issueReceipt(
  ctx: PreRegistrationContext,
  seal: Awaited<ReturnType<typeof sealFiling>>,
  opinion: string[],
) {
  const m = ctx.loaded.matter;
  const jurisdiction = await ctx.trx
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'name'])
    .where('id', '=', m.jurisdiction_id)
    .executeTakeFirstOrThrow();
  const document = preRegistrationReceipt({
    issuer: issuerFor(jurisdiction.name),
    documentNumber: await nextDocumentNumber(ctx.trx, jurisdiction, Number(ctx.today.slice(0, 4))),
    date: ctx.today,
    filer: seal.who,
    filingNumber: m.number,
    initiative: m.title,
    filedOn: seal.sealed.filedOn,
    attachmentCount: seal.sealed.attachments.length,
    filingDigest: seal.digest,
    // The trusted time is the server's: the same instant the audit event records.
    sealedAt: { beijing: beijingTime(ctx.now), iso: ctx.now.toISOString() },
    opinion,
    policy: {
      id: ctx.policy.id,
      title: ctx.policy.title.zh.replace(/^《|》$/g, ''),
      version: `${ctx.policy.version.slice(0, 4)}年版`,
      clauses: [],
    },
  });
  return issueDocument(ctx.trx, ctx.deps, {
    matterId: m.id,
    jurisdictionId: m.jurisdiction_id,
    document,
    recipient: seal.who.kind === 'unit' ? 'unit' : 'cadre',
    actor: actorOf(ctx.user),
  });
}
