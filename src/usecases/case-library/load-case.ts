/**
 * Loads a typical case as the given user may read it: 404 when they may not (exactly like a missing
 * one), otherwise the row, how they stand to the matter it came from, and — for the internal view —
 * the personal data still found in its texts, which the table's guards count.
 */
import type { Db } from '../../db/connect.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { caseEntryRow, deidentificationDictionary, viewerUnit } from '../../db/queries/case-library.ts';
import { caseEntryView, type CaseEntryView } from '../../domain/case-library/access.ts';
import {
  compileDictionary,
  findPersonalData,
  type CompiledDictionary,
  type Finding,
} from '../../domain/case-library/deidentify.ts';
import { CASE_SOURCE_STATES, type CaseEntryMatter } from '../../domain/case-library/procedure.ts';
import { DomainError } from '../../domain/errors.ts';
import { matterAccess } from '../../domain/matters/access.ts';
import type { Actor } from '../../domain/procedure/engine.ts';

export const CASE_TEXT_FIELDS = ['title', 'facts', 'handling', 'significance'] as const;
export type CaseTextField = (typeof CASE_TEXT_FIELDS)[number];

export type CaseRowLoaded = NonNullable<Awaited<ReturnType<typeof caseEntryRow>>>;

export type LoadedCase = {
  row: CaseRowLoaded;
  actor: Actor;
  view: CaseEntryView;
  decisionStands: boolean;
  /** Personal data per text (internal view; empty for the published view). */
  findings: Record<CaseTextField, Finding[]>;
  /** The compiled dictionary (internal view), for revising with de-identification. */
  dictionary: CompiledDictionary | null;
  procedure: CaseEntryMatter;
};

const NO_FINDINGS: Record<CaseTextField, Finding[]> = {
  title: [],
  facts: [],
  handling: [],
  significance: [],
};

/** @throws DomainError('record.not_found') for a missing case or one the user may not read. */
export async function loadCase(db: Db, user: UserWithGrants, id: string): Promise<LoadedCase> {
  const row = await caseEntryRow(db, id);
  if (!row) throw new DomainError('record.not_found');
  const [unitId, conflict] = await Promise.all([
    viewerUnit(db, user),
    db
      .selectFrom('matter_records')
      .select('id')
      .where('matter_id', '=', row.matter_id)
      .where('kind', '=', 'conflict_declared')
      .where('created_by', '=', user.userId)
      .executeTakeFirst(),
  ]);
  const { actor } = matterAccess(
    user,
    {
      jurisdictionPath: row.jurisdiction_path,
      subjectCadreId: row.subject_cadre_id,
      subjectUnitId: row.subject_unit_id,
      applicantUserId: row.applicant_user_id,
      status: row.matter_status,
      filed: row.matter_filed_at !== null,
    },
    { viewerUnitId: unitId, declaredConflict: conflict !== undefined },
  );
  const decisionStands =
    (CASE_SOURCE_STATES as readonly string[]).includes(row.matter_status) &&
    row.matter_outcome === row.outcome;
  const view = caseEntryView(actor, row.status === 'published' && decisionStands);
  if (!view) throw new DomainError('record.not_found');
  let findings = NO_FINDINGS;
  let dictionary: CompiledDictionary | null = null;
  if (view === 'internal') {
    dictionary = compileDictionary(
      await deidentificationDictionary(db, {
        jurisdiction_id: row.jurisdiction_id,
        subject_cadre_id: row.subject_cadre_id,
        subject_unit_id: row.subject_unit_id,
        applicant_user_id: row.applicant_user_id,
      }),
    );
    const dict = dictionary;
    findings = Object.fromEntries(CASE_TEXT_FIELDS.map((f) => [f, findPersonalData(row[f], dict)])) as Record<
      CaseTextField,
      Finding[]
    >;
  }
  const personalDataLeft = CASE_TEXT_FIELDS.reduce(
    (n, f) => n + findings[f].filter((x) => x.certain).length,
    0,
  );
  return {
    row,
    actor,
    view,
    decisionStands,
    findings,
    dictionary,
    procedure: { status: row.status, decisionStands, personalDataLeft },
  };
}
