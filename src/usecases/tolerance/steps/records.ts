/** Shared pieces of step handlers: matter records and the parties named on documents. */
import { randomUUID } from 'node:crypto';
import { toBeijingDate } from '../../../domain/calendar/local-date.ts';
import type { Cadre, PolicyCitation } from '../../../documents/templates/common.ts';
import type { Applicant } from '../../../documents/templates/acceptance-notices.ts';
import type { StepContext } from '../perform-action.ts';

export type NewRecord = {
  kind: string;
  visibility: 'internal' | 'parties';
  data: Record<string, unknown>;
  /** Free text that may be sensitive: stored encrypted, bound to the record id. */
  text?: string | undefined;
  status?: string | null;
};

export async function addRecord(ctx: StepContext, record: NewRecord): Promise<string> {
  const id = randomUUID();
  await ctx.trx
    .insertInto('matter_records')
    .values({
      id,
      matter_id: ctx.loaded.matter.id,
      kind: record.kind,
      visibility: record.visibility,
      data: JSON.stringify(record.data),
      text_enc: record.text ? ctx.deps.keyring.encrypt(record.text, `matter_record:${id}`) : null,
      status: record.status ?? null,
      created_by: ctx.user.system ? null : ctx.user.userId,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .execute();
  return id;
}

export type DocumentParties = {
  jurisdiction: { id: string; code: string; name: string };
  cadre: Cadre;
  applicant: Applicant;
  receivedOn: string;
  policyCitation: PolicyCitation;
};

/** '2024-01-01' → '2024年1月1日起施行': the version a citation names. */
function effectiveFrom(version: string): string {
  const [y, m, d] = version.split('-').map(Number);
  return `${y}年${m}月${d}日起施行`;
}

/** Who a matter's documents name: the issuing jurisdiction, the cadre, the applicant, the policy. */
export async function documentParties(ctx: StepContext): Promise<DocumentParties> {
  const m = ctx.loaded.matter;
  // One statement (a transaction's statements run one after another anyway).
  const row = await ctx.trx
    .selectFrom('jurisdictions as j')
    .innerJoin('cadres as c', (join) => join.on('c.id', '=', m.subject_cadre_id))
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['j.id', 'j.code', 'j.name', 'c.name as cadre_name', 'c.position', 'u.name as unit'])
    .where('j.id', '=', m.jurisdiction_id)
    .executeTakeFirstOrThrow();
  const jurisdiction = { id: row.id, code: row.code, name: row.name };
  const cadre = { name: row.cadre_name, position: row.position, unit: row.unit };
  const applicant: Applicant = m.route === 'unit_application' ? { kind: 'unit', unitName: cadre.unit } : { kind: 'cadre' };
  return {
    jurisdiction,
    cadre: { name: cadre.name, unit: cadre.unit, position: cadre.position },
    applicant,
    receivedOn: toBeijingDate(m.created_at),
    policyCitation: {
      id: ctx.policy.id,
      title: ctx.policy.title.zh.replace(/^《|》$/g, ''),
      version: effectiveFrom(ctx.policy.version),
      clauses: [],
    },
  };
}
