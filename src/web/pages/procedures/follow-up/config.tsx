/**
 * 回访教育 — the follow-up visit's pages as configuration of the generic procedure pages. Every
 * step's form comes declared with the step in the API's `allowedActions` (contracts/follow-up.ts
 * FOLLOW_UP_ACTION_FIELDS); this config holds how the sanction, the visit window, the plan, the
 * register form, the grade and the reuse recommendation are drawn. A visit is planned from a
 * sanction (PlanFollowUpPage), not from an empty form.
 */
import type { z } from 'zod';
import type { FollowUpDetail as FollowUpSchema } from '../../../../contracts/follow-up.ts';
import { FOLLOW_UP_STATES } from '../../../../domain/follow-up/procedure.ts';
import { FOLLOW_UP_PLANNERS } from '../../../auth/roles.ts';
import { beijingToday, formatLocalDate } from '../../../format/localDate.ts';
import { procedurePages, type ProcedurePages } from '../pages.tsx';
import type { ProcedureConfig } from '../types.ts';
import { FollowUpFacts, RegisterFormPanel } from './parts.tsx';
import { PlanFollowUpPage } from './PlanFollowUpPage.tsx';

export type FollowUpDetail = z.infer<typeof FollowUpSchema>;

export const FOLLOW_UP: ProcedureConfig<FollowUpDetail> = {
  type: 'follow_up',
  path: '/follow-ups',
  api: '/api/follow-ups',
  uploadPath: 'evidence',
  uploadVisibility: false,
  states: FOLLOW_UP_STATES,
  tones: {
    planned: 'intake',
    visited: 'decide',
    graded: 'decide',
    reuse_recommended: 'waiting',
    reuse_not_recommended: 'waiting',
    notified: 'done',
    closed: 'done',
    cancelled: 'idle',
  },
  // Every step comes with its fields in `allowedActions`.
  actions: {},
  leadActions: ['record_visit', 'grade', 'recommend_reuse', 'deliver', 'acknowledge'],
  wideActions: ['record_visit'],
  initialValues: (action, detail) => {
    const m = detail.matter;
    switch (action) {
      case 'record_visit': {
        // The team planned, and at least the two places a team of two needs.
        const planned = m.plan?.visitors ?? [];
        const visitors = [...planned, {}, {}].slice(0, Math.max(2, planned.length));
        return { visitedOn: beijingToday(), methods: ['listen', 'observe', 'talk'], visitors };
      }
      case 'reschedule':
        return m.plan ? { plannedOn: m.plan.plannedOn } : {};
      default:
        return {};
    }
  },
  createRoles: FOLLOW_UP_PLANNERS,
  // The create button leads to PlanFollowUpPage, which asks for the sanction first; the form itself
  // is the sanction's declared `plan_follow_up`.
  create: { fields: () => [] },
  Facts: FollowUpFacts,
  Aside: RegisterFormPanel,
  info: (detail, text, language) => {
    const s = detail.matter.sanction;
    return [[text('facts.sanctionType'), s ? (language === 'en' ? s.typeLabel.en : s.typeLabel.zh) : null]];
  },
  // The register form is kept as fields (drawn in the facts), not as prose.
  recordText: (record) => (record.kind === 'visit' ? null : record.text),
  recordLine: (record, text, language) => {
    const d = record.data;
    switch (record.kind) {
      case 'reschedule':
        return typeof d.to === 'string'
          ? text('recordLines.rescheduled', { date: formatLocalDate(d.to, language) })
          : null;
      case 'visit':
        return text('recordLines.visit');
      case 'grading':
        return typeof d.grade === 'string'
          ? text('recordLines.grade', { grade: text(`options.grade.${d.grade}`) })
          : null;
      case 'reuse_recommendation':
        return text(d.recommended === true ? 'recordLines.recommended' : 'recordLines.notRecommended');
      default:
        return null;
    }
  },
};

const GENERIC = procedurePages(FOLLOW_UP);

export const FOLLOW_UP_PAGES: ProcedurePages = {
  ...GENERIC,
  Create: () => <PlanFollowUpPage config={FOLLOW_UP} />,
};
