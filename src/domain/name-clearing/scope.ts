/**
 * The forms of clearing (Hubei's five: 书面、当面、会议、通报、媒体) and how far it reaches (Art. 50 of the
 * 2020 complaint rules: to the cadre and the principal leader of their Party organisation, informing
 * that organisation, or an announcement "within a certain scope"). Scopes are ordered from the
 * narrowest to the widest; every form needs at least a certain reach (media means public).
 *
 * What the cadre consents to bounds everything after it: the plan put to the leader stays within the
 * consent, and what is carried out stays within the approved plan — a public announcement happens
 * only if the cadre agreed to that form and that reach.
 */
import { DomainError } from '../errors.ts';

export const CLEARING_SCOPES = ['self', 'party_organisation', 'unit', 'region', 'public'] as const;
export type ClearingScope = (typeof CLEARING_SCOPES)[number];

export const SCOPE_LABELS: Record<ClearingScope, { zh: string; en: string }> = {
  self: { zh: '仅向本人澄清', en: 'The cadre only' },
  party_organisation: {
    zh: '本人及所在党组织主要负责人',
    en: 'The cadre and the head of their Party organisation',
  },
  unit: { zh: '本人所在单位范围内', en: 'Within the cadre’s unit' },
  region: { zh: '本系统或本地区一定范围内', en: 'Within the sector or the county' },
  public: { zh: '向社会公开', en: 'Publicly' },
};

export const CLEARING_FORMS = ['written', 'face_to_face', 'meeting', 'announcement', 'media'] as const;
export type ClearingForm = (typeof CLEARING_FORMS)[number];

export const FORM_LABELS: Record<ClearingForm, { zh: string; en: string }> = {
  written: { zh: '书面澄清', en: 'In writing' },
  face_to_face: { zh: '当面澄清', en: 'Face to face' },
  meeting: { zh: '会议澄清', en: 'At a meeting' },
  announcement: { zh: '通报澄清', en: 'By announcement' },
  media: { zh: '媒体澄清', en: 'Through the media' },
};

/** The narrowest reach each form has: a meeting is at least the Party organisation's, media public. */
export const FORM_MINIMUM_SCOPE: Record<ClearingForm, ClearingScope> = {
  written: 'self',
  face_to_face: 'self',
  meeting: 'party_organisation',
  announcement: 'unit',
  media: 'public',
};

/** Forms that make the clearing known beyond the cadre and their Party organisation's head. */
export const PUBLIC_FORMS: readonly ClearingForm[] = ['announcement', 'media'];

export function scopeRank(scope: ClearingScope): number {
  return CLEARING_SCOPES.indexOf(scope);
}

/** Whether `scope` reaches no further than `bound`. */
export function scopeWithin(scope: ClearingScope, bound: ClearingScope): boolean {
  return scopeRank(scope) <= scopeRank(bound);
}

/** A choice of forms and the reach of the clearing (consent, plan or what was done). */
export type ClearingChoice = { forms: readonly ClearingForm[]; scope: ClearingScope };

/**
 * A choice is coherent when it names each form once and every form fits its reach.
 * @throws DomainError('name_clearing.form_repeated' | 'name_clearing.form_needs_wider_scope')
 */
export function assertCoherent(choice: ClearingChoice): void {
  choice.forms.forEach((form, i) => {
    if (choice.forms.indexOf(form) !== i)
      throw new DomainError('name_clearing.form_repeated', { form: FORM_LABELS[form].zh }, `forms[${i}]`);
    const minimum = FORM_MINIMUM_SCOPE[form];
    if (!scopeWithin(minimum, choice.scope))
      throw new DomainError(
        'name_clearing.form_needs_wider_scope',
        {
          form: FORM_LABELS[form].zh,
          formEn: FORM_LABELS[form].en,
          minimum: SCOPE_LABELS[minimum].zh,
          minimumEn: SCOPE_LABELS[minimum].en,
        },
        'scope',
      );
  });
}

/** What a later choice is measured against: the cadre's consent, or the plan the leader approved. */
export type ChoiceBound = 'consent' | 'approval';

/**
 * The choice stays within `bound`: only forms it allows, no further reach.
 * @throws DomainError('name_clearing.form_not_consented' | 'name_clearing.scope_exceeds_consent' |
 *   'name_clearing.form_not_approved' | 'name_clearing.scope_exceeds_approval')
 */
export function assertWithin(choice: ClearingChoice, allowed: ClearingChoice, bound: ChoiceBound): void {
  choice.forms.forEach((form, i) => {
    if (!allowed.forms.includes(form))
      throw new DomainError(
        bound === 'consent' ? 'name_clearing.form_not_consented' : 'name_clearing.form_not_approved',
        { form: FORM_LABELS[form].zh, formEn: FORM_LABELS[form].en },
        `forms[${i}]`,
      );
  });
  if (!scopeWithin(choice.scope, allowed.scope))
    throw new DomainError(
      bound === 'consent' ? 'name_clearing.scope_exceeds_consent' : 'name_clearing.scope_exceeds_approval',
      {
        scope: SCOPE_LABELS[choice.scope].zh,
        scopeEn: SCOPE_LABELS[choice.scope].en,
        allowed: SCOPE_LABELS[allowed.scope].zh,
        allowedEn: SCOPE_LABELS[allowed.scope].en,
      },
      'scope',
    );
}

/** The scopes a choice bounded by `allowed` may take: the allowed one and every narrower one. */
export function scopesWithin(allowed: ClearingScope): ClearingScope[] {
  return CLEARING_SCOPES.filter((s) => scopeWithin(s, allowed));
}
