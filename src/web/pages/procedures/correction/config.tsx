/**
 * 纠错 — the error-correction procedure's pages as configuration of the generic procedure pages:
 * its forms (mirroring contracts/correction.ts, checked by forms.test.ts), how its order is drawn,
 * and what its records' data say. The API decides who may do what; nothing here does.
 */
import type { z } from 'zod';
import { Link } from 'react-router-dom';
import type { CorrectionDetail as CorrectionSchema } from '../../../../contracts/correction.ts';
import { CORRECTION_STATES } from '../../../../domain/correction/procedure.ts';
import { CORRECTION_OPENERS } from '../../../auth/roles.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { FactList, Lines } from '../parts/FactList.tsx';
import { procedurePages } from '../pages.tsx';
import { area, cadre, choice, files, line, unit, whole } from '../specs.ts';
import type { PartProps, ProcedureConfig } from '../types.ts';

export type CorrectionDetail = z.infer<typeof CorrectionSchema>;

const METHODS = ['document_review', 'site_visit', 'interview'] as const;
const RESULTS = ['sustained', 'relapsed'] as const;
/** 限期整改: one working year at most (the contract's WorkingDays). */
const days = (required = true) => whole('deadlineWorkingDays', 1, 250, required);

/** 纠错通知: what was found, what must be done, by whom and by when, and the decision it came with. */
function CorrectionFacts({ detail, text, language }: PartProps<CorrectionDetail>) {
  const m = detail.matter;
  const order = m.order;
  const date = (value: string) => formatLocalDate(value, language);
  return (
    <FactList
      rows={[
        [text('facts.origin'), order ? text(`facts.origins.${order.origin}`) : null],
        [text('facts.problem'), m.problem ? <span className="rc-pre">{m.problem}</span> : null],
        [text('facts.measures'), order ? <Lines lines={order.measures} /> : null],
        [text('facts.responsibleUnit'), order?.responsibleUnit.name],
        [text('facts.responsiblePerson'), order?.responsiblePerson],
        [text('facts.orderedOn'), order ? date(order.orderedOn) : null],
        [
          text('facts.deadline'),
          order
            ? text('facts.deadlineLine', { days: order.deadlineWorkingDays, date: date(order.deadline) })
            : null,
        ],
        [
          text('facts.determination'),
          order?.determination ? `${order.determination.number} ${order.determination.title}` : null,
        ],
        [
          text('facts.toleranceMatter'),
          m.toleranceMatter ? (
            <Link to={`/matters/${encodeURIComponent(m.toleranceMatter.id)}`} data-testid="tolerance-link">
              {m.toleranceMatter.number} {m.toleranceMatter.title}
            </Link>
          ) : null,
        ],
      ]}
    />
  );
}

export const CORRECTION: ProcedureConfig<CorrectionDetail> = {
  type: 'correction',
  path: '/corrections',
  api: '/api/corrections',
  uploadPath: 'evidence',
  uploadVisibility: true,
  states: CORRECTION_STATES,
  tones: {
    rectifying: 'intake',
    awaiting_acceptance: 'decide',
    observing: 'waiting',
    looked_back: 'decide',
    escalated: 'alert',
    closed: 'done',
    terminated: 'idle',
  },
  actions: {
    report_progress: [area('progress', 8000), whole('percentDone', 0, 100, false)],
    report_completion: [area('report', 8000)],
    accept_rectification: [area('findings', 8000), choice('method', METHODS, false), files('fileIds', 1, 50)],
    reject_rectification: [area('reasons', 4000)],
    escalate: [area('note', 2000, false)],
    record_refusal: [area('facts', 4000)],
    reorder: [days(), area('instructions', 4000)],
    terminate: [area('reason', 2000)],
    look_back: [
      choice('result', RESULTS),
      area('findings', 8000),
      { ...days(false), showWhen: { field: 'result', equals: 'relapsed' }, requiredWhenShown: true },
    ],
    close: [area('note', 2000, false)],
    add_evidence: [],
  },
  leadActions: ['accept_rectification', 'look_back', 'close', 'report_completion', 'reorder'],
  initialValues: (action) => {
    if (action === 'accept_rectification') return { method: 'document_review' };
    if (action === 'look_back') return { result: 'sustained' };
    if (action === 'reorder') return { deadlineWorkingDays: 10 };
    return {};
  },
  createRoles: CORRECTION_OPENERS,
  create: {
    fields: () => [
      line('title', 200),
      area('problem', 20000),
      unit('responsibleUnitId'),
      line('responsiblePerson', 100),
      cadre('subjectCadreId', false, 'responsibleUnitId'),
      area('measures', 4000),
      days(),
    ],
    initial: () => ({ deadlineWorkingDays: 10 }),
  },
  Facts: CorrectionFacts,
  info: (detail, text) => [
    [text('facts.responsibleUnit'), detail.matter.order?.responsibleUnit.name ?? null],
  ],
  recordLine: (record, text, language) => {
    const d = record.data;
    const date = (v: unknown) => (typeof v === 'string' ? formatLocalDate(v, language) : '');
    switch (record.kind) {
      case 'progress_report':
        return typeof d.percentDone === 'number'
          ? text('recordLines.percentDone', { percent: d.percentDone })
          : null;
      case 'acceptance':
        return [
          typeof d.method === 'string'
            ? text('recordLines.method', { method: text(`options.method.${d.method}`) })
            : '',
          typeof d.lookBackDue === 'string'
            ? text('recordLines.lookBackDue', { date: date(d.lookBackDue) })
            : '',
        ]
          .filter(Boolean)
          .join('；');
      case 'look_back':
        return [
          typeof d.result === 'string' ? text(`options.result.${d.result}`) : '',
          typeof d.deadline === 'string' ? text('recordLines.newDeadline', { date: date(d.deadline) }) : '',
        ]
          .filter(Boolean)
          .join('；');
      case 'reorder':
        return typeof d.deadline === 'string'
          ? text('recordLines.newDeadline', { date: date(d.deadline) })
          : null;
      case 'escalation':
        return d.ground === 'overdue'
          ? text('recordLines.overdue', { date: date(d.deadline) })
          : text('recordLines.refused');
      case 'termination':
        return d.ground === 'tolerance_reopened'
          ? text('recordLines.reopened')
          : text('recordLines.byLeader');
      default:
        return null;
    }
  },
};

export const CORRECTION_PAGES = procedurePages(CORRECTION);
