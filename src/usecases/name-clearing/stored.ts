/**
 * A name clearing as the `matters` row stores it. `facts` (jsonb) holds the accusation as concluded —
 * never who made it (that is an internal, encrypted record) — and `decision` (jsonb) what the
 * procedure has settled so far: the trigger check, the consent, the plan, the approval, the clearing,
 * the accuser's classification, the corrections and the filing. Free text (analysis, opinions,
 * arrangements) is in the matter's records, encrypted; the allegation is `summary_enc`.
 */
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import type { NameClearingSource } from '../../domain/name-clearing/procedure.ts';
import type { ClearingForm, ClearingScope } from '../../domain/name-clearing/scope.ts';
import type { TriggerCheckResult } from '../../domain/name-clearing/triggers.ts';
import type { UntrueFinding } from '../../documents/templates/name-clearing-letter.ts';

/** The kind of the internal record that holds who accused (encrypted; read only through the audited reveal). */
export const ACCUSER_RECORD = 'accuser';

export type StoredAccusation = {
  source: NameClearingSource;
  complaintNumber: string | null;
  receivedOn: LocalDate;
  concludedOn: LocalDate;
  finding: UntrueFinding;
  /** The cadre's unit and post when the matter opened: the letter prints them, recusal follows the unit. */
  subjectUnit: { id: string; name: string };
  subjectPosition: string;
  accuserAnonymous: boolean;
};

export type Choice = { forms: ClearingForm[]; scope: ClearingScope };
export type RecordedBy = 'cadre' | 'commission';
export type ConsultedVia = 'online' | 'in_person' | 'in_writing' | 'phone';
export type AccuserClassification = 'malicious' | 'mistaken';
export type Referral = 'case_review' | 'public_security' | 'organisation' | 'accuser_unit';

export type StoredClearing = {
  triggerCheck: {
    result: TriggerCheckResult;
    triggers: string[];
    exclusions: string[];
    checkedOn: LocalDate;
  } | null;
  consent: (Choice & { consentedOn: LocalDate; recordedBy: RecordedBy; consultedVia: ConsultedVia }) | null;
  declined: { on: LocalDate; recordedBy: RecordedBy } | null;
  plan: (Choice & { submittedOn: LocalDate; plannedOn: LocalDate | null }) | null;
  approval: { approvedOn: LocalDate; approvedBy: string } | null;
  execution:
    | (Choice & {
        executedOn: LocalDate;
        onTime: boolean;
        letter: { documentId: string; number: string; code: string };
      })
    | null;
  accuser: {
    classification: AccuserClassification;
    referredTo: Referral | null;
    handledOn: LocalDate;
  } | null;
  corrections: {
    route: 'order' | 'recommend';
    on: LocalDate;
    recommendTo: string | null;
    correction: { id: string; number: string } | null;
  }[];
  archive: { on: LocalDate; orgDept: string; integrityFileRef: string | null } | null;
};

export const EMPTY_CLEARING: StoredClearing = {
  triggerCheck: null,
  consent: null,
  declined: null,
  plan: null,
  approval: null,
  execution: null,
  accuser: null,
  corrections: [],
  archive: null,
};

/** The stored accusation of a name-clearing row; throws if there is none (every clearing has one). */
export function storedAccusation(facts: unknown): StoredAccusation {
  if (facts === null || typeof facts !== 'object' || !('concludedOn' in facts))
    throw new Error('name clearing has no stored accusation');
  return facts as StoredAccusation;
}

/** What the procedure has settled so far. */
export function storedClearing(decision: unknown): StoredClearing {
  return decision && typeof decision === 'object'
    ? { ...EMPTY_CLEARING, ...(decision as StoredClearing) }
    : EMPTY_CLEARING;
}

export const FINDING_LABELS: Record<UntrueFinding, { zh: string; en: string }> = {
  untrue: { zh: '不属实', en: 'Untrue' },
  seriously_untrue: { zh: '严重失实', en: 'Seriously untrue' },
  fabricated: { zh: '查无实据、系捏造', en: 'Fabricated' },
};

export const CLASSIFICATION_LABELS: Record<AccuserClassification, { zh: string; en: string }> = {
  malicious: { zh: '诬告陷害', en: 'Malicious false accusation' },
  mistaken: { zh: '错告', en: 'Mistaken accusation' },
};

export const REFERRAL_LABELS: Record<Referral, { zh: string; en: string }> = {
  case_review: { zh: '移送本机关审查调查部门', en: 'The commission’s investigation department' },
  public_security: { zh: '移送公安机关', en: 'The public security organ' },
  organisation: { zh: '移送组织人事部门', en: 'The organisation and personnel department' },
  accuser_unit: { zh: '移送举报人所在单位（党组织）', en: 'The accuser’s unit or Party organisation' },
};

export const CONSULTED_VIA_LABELS: Record<ConsultedVia, { zh: string; en: string }> = {
  online: { zh: '本人在系统中确认', en: 'Confirmed by the cadre online' },
  in_person: { zh: '当面征求意见', en: 'Consulted in person' },
  in_writing: { zh: '书面征求意见', en: 'Consulted in writing' },
  phone: { zh: '电话征求意见', en: 'Consulted by phone' },
};
