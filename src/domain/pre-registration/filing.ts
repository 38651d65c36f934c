/**
 * What a pre-registration files (DOMAIN §8: matter, legal gap, risk, collective-decision minutes,
 * filing date) and the canonical text its receipt seals: the same filing always gives the same
 * bytes, so its SM3 digest identifies exactly what was acknowledged — attachments by their digests.
 */
import { canonicalJson } from '../audit/canonical.ts';
import type { LocalDate } from '../calendar/local-date.ts';

/** One risk of the initiative and how the filer will keep it in check. */
export type RiskControl = { risk: string; controls: string };

/** 集体研究: the body that decided the initiative, when, and the minutes' reference. */
export type CollectiveDecision = { body: string; heldOn: LocalDate; reference: string | null };

/** The filing as `matters.facts` stores it (the account of the initiative itself is encrypted apart). */
export type Filing = {
  /** The kind of initiative, e.g. '项目建设' (Kunming lists nine categories); free text. */
  category: string | null;
  /** 法规空白: where law or policy is silent or unclear, which makes the initiative risky. */
  legalGap: string;
  risks: RiskControl[];
  collectiveDecision: CollectiveDecision | null;
  /** The day the initiative is planned to start: filing must come before it. */
  plannedStartOn: LocalDate;
  /** The person in charge of the initiative, as the filer names them. */
  responsiblePerson: string | null;
};

/** Marks the format inside the digested bytes, so a later format can never be confused with this one. */
export const FILING_FORMAT = 'rongcuo.pre-registration-filing.v1';

/** Everything the receipt vouches for. */
export type SealedFiling = {
  number: string;
  title: string;
  description: string;
  filer: { kind: 'cadre' | 'unit'; name: string; unit: string };
  filing: Filing;
  attachments: { filename: string; digest: string }[];
  /** The day this version of the filing was submitted. */
  filedOn: LocalDate;
};

/** The canonical text of a filing; attachments in a fixed order (by digest, then name). */
export function filingCanonicalText(sealed: SealedFiling): string {
  const attachments = [...sealed.attachments].sort((a, b) =>
    a.digest === b.digest ? (a.filename < b.filename ? -1 : 1) : a.digest < b.digest ? -1 : 1,
  );
  return canonicalJson({ format: FILING_FORMAT, ...sealed, attachments });
}
