/**
 * A follow-up as one user may see it: the sanction and the window for visits, the plan, the register
 * form, the grade and the reuse recommendation, and the steps the user may take now — each with the
 * fields its body takes. The commission sees everything; the organisation department, once the
 * follow-up is sent to it, the register form and the recommendation; the cadre and their unit's
 * leader the plan; a recused member that it exists.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { matterExtras } from '../../db/queries/matters.ts';
import { allowedActions } from '../../domain/procedure/engine.ts';
import {
  FOLLOW_UP_PROCEDURE,
  FOLLOW_UP_STATES,
  VISIT_GRADE_LABELS,
  VISIT_METHOD_LABELS,
  type FollowUpState,
} from '../../domain/follow-up/procedure.ts';
import { FOLLOW_UP_ACTION_FIELDS, type FollowUpDetail } from '../../contracts/follow-up.ts';
import { loadCalendar } from '../policy-context.ts';
import { presentExtras, presentMatterDeadline } from '../procedure/present.ts';
import { loadFollowUp, windowOf } from './load-follow-up.ts';
import { ruleOf } from './sanctions.ts';
import type { StoredVisitData, StoredVisitText } from './stored.ts';

const CATEGORY_LABELS = {
  party_discipline: { zh: '党纪处分', en: 'Party disciplinary sanction' },
  public_office: { zh: '政务处分', en: 'Public-office sanction' },
  organisational: { zh: '组织处理', en: 'Organisational handling' },
} as const;

export async function followUpDetail(deps: Deps, user: UserWithGrants, id: string): Promise<FollowUpDetail> {
  const now = deps.clock.now();
  const loaded = await loadFollowUp(deps.db, user, id, now);
  const { matter: m, view, sanction, plan, outcome } = loaded;
  const [extras, calendar] = await Promise.all([matterExtras(deps.db, id), loadCalendar(deps.db)]);
  const summary = {
    id: m.id,
    number: m.number,
    type: m.type,
    title: m.title,
    status: m.status,
    statusLabel: FOLLOW_UP_STATES[m.status as FollowUpState],
    route: m.route,
    subject: extras.subject?.id
      ? { id: extras.subject.id, name: extras.subject.name!, unitName: extras.subject.unit_name ?? '' }
      : null,
    jurisdiction: extras.jurisdiction,
    outcome: null,
    deadline: presentMatterDeadline(m.type, m.status, m.clocks, calendar, now),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    version: m.version,
  };
  const nothing = {
    sanction: null,
    window: null,
    plan: null,
    visit: null,
    grade: null,
    reuse: null,
    registerForm: null,
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

  const rule = ruleOf(sanction);
  const findings = view === 'full' || view === 'outcome';
  const visitRecord = findings ? extras.records.filter((r) => r.kind === 'visit').at(-1) : undefined;
  const visitText = visitRecord?.text_enc
    ? (JSON.parse(
        deps.keyring.decrypt(visitRecord.text_enc, `matter_record:${visitRecord.id}`),
      ) as StoredVisitText)
    : null;
  const visitData = visitRecord?.data as StoredVisitData | undefined;
  const register = outcome.delivery
    ? extras.documents.find((d) => d.id === outcome.delivery!.documentId)
    : undefined;
  const presented = presentExtras(deps, extras, view);
  return {
    matter: {
      ...summary,
      view,
      sanction: {
        id: sanction.id,
        type: rule.id,
        typeLabel: { zh: rule.labelZh, en: rule.labelEn },
        categoryLabel: CATEGORY_LABELS[sanction.category],
        decidedOn: sanction.decided_on,
        effectiveOn: sanction.effective_on,
        decidedBy: sanction.decided_by,
        documentNumber: sanction.document_number,
        influenceMonths: sanction.influence_months,
        influenceEndsOn: sanction.influence_ends_on,
        reusable: sanction.reusable,
      },
      window: windowOf(sanction),
      plan: {
        plannedOn: plan.plannedOn,
        visitors: plan.visitors,
        outline:
          view === 'full' && m.summary_enc
            ? deps.keyring.decrypt(m.summary_enc, `matter.summary:${m.id}`)
            : null,
        mentor: plan.mentor,
      },
      visit:
        visitData && visitText
          ? {
              ...visitData,
              methodLabels: visitData.methods.map((method) => VISIT_METHOD_LABELS[method]),
              ...visitText,
            }
          : null,
      grade:
        findings && outcome.grade
          ? {
              grade: outcome.grade.value,
              label: VISIT_GRADE_LABELS[outcome.grade.value],
              reasons: outcome.grade.reasons,
              gradedOn: outcome.grade.gradedOn,
            }
          : null,
      reuse:
        findings && outcome.reuse
          ? {
              ...outcome.reuse,
              deliveredOn: outcome.delivery?.deliveredOn ?? null,
              receivedOn: outcome.receipt?.receivedOn ?? null,
            }
          : null,
      registerForm:
        findings && register
          ? { documentId: register.id, number: register.number, code: register.code }
          : null,
    },
    allowedActions: allowedActions(FOLLOW_UP_PROCEDURE, loaded.procedure, loaded.actor, now).map((action) => {
      const spec = FOLLOW_UP_PROCEDURE.actions[action];
      return {
        action,
        label: spec.label,
        danger: 'danger' in spec && spec.danger === true,
        fields: FOLLOW_UP_ACTION_FIELDS[action],
      };
    }),
    ...presented,
    // The register form is the commission's report to the organisation department, not the cadre's.
    documents: findings ? presented.documents : [],
    // A visit record's text is the form's free text (JSON); `visit` above presents it.
    records: presented.records.map((r) => (r.kind === 'visit' ? { ...r, text: null } : r)),
  };
}
