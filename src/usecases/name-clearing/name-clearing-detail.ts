/**
 * A name clearing as one user may see it: the accusation as concluded, what the procedure has settled
 * (trigger check, consent, plan, approval, clearing, corrections, filing), the deadline of the clock
 * now running, and the steps the user may take now — each with the fields its form needs. The
 * commission sees everything but who accused (asked for separately, audited); the cadre what concerns
 * them, not the commission's deliberations nor the accuser's handling; the organisation department
 * the outcome it received a copy of; a recused member that the matter exists.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { matterExtras } from '../../db/queries/matters.ts';
import { accuserVisible } from '../../domain/name-clearing/access.ts';
import {
  NAME_CLEARING_PROCEDURE,
  NAME_CLEARING_STATES,
  type NameClearingState,
} from '../../domain/name-clearing/procedure.ts';
import { FORM_LABELS, SCOPE_LABELS } from '../../domain/name-clearing/scope.ts';
import { allowedActions } from '../../domain/procedure/engine.ts';
import type { NameClearingDetail } from '../../contracts/name-clearing.ts';
import { loadCalendar, policyVersion } from '../policy-context.ts';
import { presentExtras, presentMatterDeadline } from '../procedure/present.ts';
import { actionFields } from './action-fields.ts';
import { actsAsCadre, loadNameClearing } from './load-name-clearing.ts';
import {
  ACCUSER_RECORD,
  CLASSIFICATION_LABELS,
  FINDING_LABELS,
  REFERRAL_LABELS,
  type Choice,
  type StoredClearing,
} from './stored.ts';

/** Timeline events about the accuser: the commission's alone. */
const ACCUSER_EVENTS = new Set(['name_clearing.handle_accuser', 'name_clearing.accuser_revealed']);

const choiceView = (c: Choice) => ({
  forms: c.forms.map((f) => ({ value: f, label: FORM_LABELS[f] })),
  scope: { value: c.scope, label: SCOPE_LABELS[c.scope] },
});

function presentClearing(clearing: StoredClearing, policy: ReturnType<typeof policyVersion>) {
  const item = (list: 'triggers' | 'exclusions') => (id: string) => {
    const found = policy.nameClearing[list].find((i) => i.id === id);
    return { id, label: found ? { zh: found.labelZh, en: found.labelEn } : { zh: id, en: id } };
  };
  const check = clearing.triggerCheck;
  return {
    triggerCheck: check
      ? {
          result: check.result,
          triggers: check.triggers.map(item('triggers')),
          exclusions: check.exclusions.map(item('exclusions')),
          explanation:
            check.result === 'required'
              ? {
                  zh: '符合澄清正名启动情形，应予澄清正名',
                  en: 'A trigger holds: the cadre is to be cleared',
                }
              : check.result === 'excluded'
                ? { zh: '存在不予澄清情形，不予澄清正名', en: 'An exclusion applies: no clearing' }
                : { zh: '不符合澄清正名启动情形，不予澄清正名', en: 'No trigger holds: no clearing' },
          checkedOn: check.checkedOn,
        }
      : null,
    consent: clearing.consent
      ? {
          ...choiceView(clearing.consent),
          consentedOn: clearing.consent.consentedOn,
          recordedBy: clearing.consent.recordedBy,
          consultedVia: clearing.consent.consultedVia,
        }
      : null,
    declined: clearing.declined,
    plan: clearing.plan
      ? {
          ...choiceView(clearing.plan),
          submittedOn: clearing.plan.submittedOn,
          plannedOn: clearing.plan.plannedOn,
        }
      : null,
    approval: clearing.approval,
    execution: clearing.execution
      ? {
          ...choiceView(clearing.execution),
          executedOn: clearing.execution.executedOn,
          onTime: clearing.execution.onTime,
          letter: clearing.execution.letter,
        }
      : null,
  };
}

export async function nameClearingDetail(
  deps: Deps,
  user: UserWithGrants,
  id: string,
): Promise<NameClearingDetail> {
  const now = deps.clock.now();
  const loaded = await loadNameClearing(deps.db, user, id, now);
  const { matter: m, view, accusation, clearing } = loaded;
  const [extras, calendar] = await Promise.all([matterExtras(deps.db, id), loadCalendar(deps.db)]);
  const summary = {
    id: m.id,
    number: m.number,
    type: m.type,
    title: m.title,
    status: m.status,
    statusLabel: NAME_CLEARING_STATES[m.status as NameClearingState],
    route: m.route,
    subject: extras.subject?.id
      ? { id: extras.subject.id, name: extras.subject.name!, unitName: accusation.subjectUnit.name }
      : null,
    jurisdiction: extras.jurisdiction,
    outcome: null,
    deadline: presentMatterDeadline(m.type, m.status, m.clocks, calendar, now),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    version: m.version,
  };
  const nothing = {
    accusation: null,
    policy: null,
    triggerCheck: null,
    consent: null,
    declined: null,
    plan: null,
    approval: null,
    execution: null,
    extension: null,
    accuserHandling: null,
    corrections: [],
    archive: null,
  };
  if (view === 'limited')
    return {
      matter: { ...summary, view, ...nothing },
      allowedActions: [],
      records: [],
      files: [],
      documents: [],
      timeline: [],
    };

  const policy = policyVersion(m.policy_id!, m.policy_version!);
  const full = view === 'full';
  const outcome = view === 'outcome';
  const conclusion = extras.records.filter((r) => r.kind === 'conclusion').at(-1);
  const extension = (
    m.clocks as {
      clearing?: {
        extension: { by: { unit: string; amount: number }; approvedOn: string; approvedBy: string } | null;
      };
    }
  ).clearing?.extension;
  const settled = presentClearing(clearing, policy);
  const byCadre = actsAsCadre(loaded);
  const extrasView = presentExtras(deps, extras, view);
  return {
    matter: {
      ...summary,
      view,
      ...nothing,
      accusation: {
        source: accusation.source,
        complaintNumber: full ? accusation.complaintNumber : null,
        receivedOn: accusation.receivedOn,
        concludedOn: accusation.concludedOn,
        finding: accusation.finding,
        findingLabel: FINDING_LABELS[accusation.finding],
        allegation: deps.keyring.decrypt(m.summary_enc!, `matter.summary:${m.id}`),
        conclusion:
          !outcome && conclusion?.text_enc
            ? deps.keyring.decrypt(conclusion.text_enc, `matter_record:${conclusion.id}`)
            : null,
        accuser: accuserVisible(view) ? { anonymous: accusation.accuserAnonymous } : null,
      },
      policy: outcome
        ? null
        : {
            id: policy.id,
            version: policy.version,
            triggers: policy.nameClearing.triggers.map((i) => ({
              id: i.id,
              label: { zh: i.labelZh, en: i.labelEn },
              clause: i.clause,
              requiresReason: i.requiresReason === true,
            })),
            exclusions: policy.nameClearing.exclusions.map((i) => ({
              id: i.id,
              label: { zh: i.labelZh, en: i.labelEn },
              clause: i.clause,
              requiresReason: i.requiresReason === true,
            })),
            period: policy.timeLimits.nameClearing,
          },
      // The organisation department's copy is the outcome: what was cleared, how, and what was put right.
      ...(outcome ? { execution: settled.execution } : settled),
      extension:
        !outcome && extension
          ? {
              amount: extension.by.amount,
              unit: extension.by.unit,
              approvedOn: extension.approvedOn,
              approvedBy: extension.approvedBy,
            }
          : null,
      accuserHandling:
        full && clearing.accuser
          ? {
              classification: clearing.accuser.classification,
              classificationLabel: CLASSIFICATION_LABELS[clearing.accuser.classification],
              referredTo: clearing.accuser.referredTo,
              referredToLabel: clearing.accuser.referredTo
                ? REFERRAL_LABELS[clearing.accuser.referredTo]
                : null,
              handledOn: clearing.accuser.handledOn,
            }
          : null,
      corrections: clearing.corrections,
      archive: clearing.archive,
    },
    allowedActions: allowedActions(NAME_CLEARING_PROCEDURE, loaded.procedure, loaded.actor, now).map(
      (action) => {
        const spec = NAME_CLEARING_PROCEDURE.actions[action];
        return {
          action,
          label: spec.label,
          danger: 'danger' in spec && spec.danger === true,
          fields: actionFields(action, { clearing, policy, byCadre }),
        };
      },
    ),
    ...extrasView,
    // Who accused is never listed, not even to the commission: it is read through the audited reveal.
    records: extrasView.records.filter((r) => r.kind !== ACCUSER_RECORD),
    timeline: full ? extrasView.timeline : extrasView.timeline.filter((e) => !ACCUSER_EVENTS.has(e.action)),
  };
}
