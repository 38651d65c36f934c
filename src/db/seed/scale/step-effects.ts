/**
 * What each step of the procedure changes, mirroring the step handlers in
 * usecases/tolerance/steps/: clocks (started, paused, resumed, extended with the real calendar
 * functions), matter columns, records, documents, the meeting, and the audit event's data.
 */
import type { Keyring } from '../../../crypto/field-cipher.ts';
import { extendDeadline, pauseDeadline, resumeDeadline, startDeadline, type LocalDate, type WorkingDayCalendar } from '../../../domain/calendar/index.ts';
import type { EffectivePolicy, Outcome } from '../../../domain/policy/index.ts';
import type { MatterClocks } from '../../../domain/tolerance/clocks.ts';
import type { AppealDeadline } from '../../../domain/tolerance/decision.ts';
import { TOLERANCE_STATES, type ToleranceState } from '../../../domain/tolerance/procedure.ts';
import type { Rng } from '../prng.ts';
import type { Account, CountyStaff } from './accounts.ts';
import { beijingDate, type PathDef, type TakenStep } from './lifecycle.ts';
import type { MatterBatches } from './matter-batches.ts';
import { RECORD_TEXTS, TASKS } from './names.ts';
import { decisionJson, determinationOf, factsJson, proposalJson } from './templates.ts';

export type MatterState = {
  status: ToleranceState;
  clocks: MatterClocks;
  facts: string | null;
  recommendationKey: Outcome | null;
  proposal: string | null;
  outcome: Outcome | null;
  decision: string | null;
  decidedAt: number | null;
  receivedOn: LocalDate | null;
  appealDeadline: LocalDate | null;
  appealed: boolean;
  filedAt: number | null;
  publishedAt: number | null;
  closedAt: number | null;
  version: number;
  updatedAt: number;
  meetingId: string | null;
  determinationId: string | null;
  /** The ledger entry of the decision in force (a review's entry supersedes it). */
  ledgerEntryId: string | null;
  taskId: string | null;
  taskData: Record<string, unknown> | null;
};

export type StepContext = {
  deps: { keyring: Keyring; policy: EffectivePolicy; calendar: WorkingDayCalendar; minutesPool: string[]; appealDeadline: (receivedOn: LocalDate) => AppealDeadline };
  rng: Rng;
  id: () => string;
  matterId: string;
  number: string;
  jurisdictionCode: string;
  jurisdictionId: string;
  countyName: string;
  path: PathDef;
  staff: CountyStaff;
  batches: MatterBatches;
  subjectName: string;
  issueDocument: (at: number, by: Account, kind: string, title: string, recipient: string) => { id: string; number: string };
  emit: (at: number, by: Account | null, action: string, data: Record<string, unknown>) => void;
  /** 结果运用台账: the decision in force reaches the cadre's ledger; returns the entry's id. */
  recordLedger: (at: number, by: Account, entry: { outcome: Outcome; basis: 'decision' | 'review_upheld'; document: { id: string; number: string }; supersedes: string | null }) => string;
};

type NewRecord = { kind: string; visibility: 'internal' | 'parties'; data: Record<string, unknown>; text?: string; status?: string };

function addRecord(ctx: StepContext, at: number, by: Account, r: NewRecord): string {
  const id = ctx.id();
  const text = r.text === undefined ? null : ctx.deps.keyring.encrypt(r.text, `matter_record:${id}`);
  ctx.batches.records.push(id, ctx.matterId, r.kind, r.visibility, JSON.stringify(r.data), text, r.status ?? null, by.id, new Date(at), new Date(at));
  return id;
}

/** Applies one step: its effects on the matter, then its audit event (and documents after it, as handlers do). */
export function applyStep(ctx: StepContext, m: MatterState, step: TakenStep, by: Account): void {
  const { rng, deps, staff } = ctx;
  const at = step.at;
  const today = beijingDate(at);
  const outcome = ctx.path.outcome ?? 'exempt';
  const data: Record<string, unknown> = { from: m.status, to: step.to };
  const after: (() => void)[] = [];
  const text = () => rng.pick(RECORD_TEXTS);
  switch (step.action) {
    case 'submit':
      m.clocks = { ...m.clocks, acceptance: startDeadline(deps.policy.timeLimits.acceptance, today) };
      break;
    case 'request_supplement':
      if (m.clocks.acceptance) m.clocks = { ...m.clocks, acceptance: pauseDeadline(m.clocks.acceptance, today, 'awaiting_supplement') };
      addRecord(ctx, at, by, { kind: 'supplement_request', visibility: 'parties', data: { items: RECORD_TEXTS[7]! } });
      break;
    case 'supplement':
      if (m.clocks.acceptance) m.clocks = { ...m.clocks, acceptance: resumeDeadline(m.clocks.acceptance, today) };
      addRecord(ctx, at, by, { kind: 'supplement', visibility: 'parties', data: {}, text: '已补充提供集体研究会议纪要及相关凭证。' });
      break;
    case 'accept':
      m.clocks = { ...m.clocks, verification: startDeadline(deps.policy.timeLimits.verification, today) };
      data.note = null;
      after.push(() => void ctx.issueDocument(at, by, 'acceptance_notice', `关于${ctx.subjectName}同志容错申请的受理通知书`, 'applicant'));
      break;
    case 'refuse_acceptance':
      after.push(() => {
        addRecord(ctx, at, by, { kind: 'non_acceptance', visibility: 'parties', data: {}, text: '所反映问题不属于问责程序范围，不需启动容错程序。' });
        ctx.issueDocument(at, by, 'non_acceptance_notice', `关于${ctx.subjectName}同志容错申请的不予受理通知书`, 'applicant');
      });
      break;
    case 'withdraw':
      addRecord(ctx, at, by, { kind: 'withdrawal', visibility: 'parties', data: {}, text: '经慎重考虑，申请撤回本次容错申请。' });
      break;
    case 'add_task': {
      const [kind, description] = rng.pick(TASKS);
      data.kind = kind;
      m.taskData = { kind, description, assigneeUserId: null, dueOn: null };
      m.taskId = addRecord(ctx, at, by, { kind: 'task', visibility: 'internal', data: m.taskData, status: 'open' });
      break;
    }
    case 'complete_task': {
      if (!m.taskId) return;
      data.taskId = m.taskId;
      // The task row is written once, already done: patch the open record just added.
      const records = ctx.batches.records;
      const row = records.values[0]!.lastIndexOf(m.taskId);
      records.values[4]![row] = JSON.stringify({ ...m.taskData, completedOn: today, completedBy: by.id });
      records.values[5]![row] = deps.keyring.encrypt(text(), `matter_record:${m.taskId}`);
      records.values[6]![row] = 'done';
      records.values[9]![row] = new Date(at);
      m.taskId = null;
      break;
    }
    case 'record_unit_opinion':
      data.stance = 'support';
      addRecord(ctx, at, by, { kind: 'unit_opinion', visibility: 'parties', data: { stance: 'support', recordedBy: 'commission' }, text: RECORD_TEXTS[2]! });
      break;
    case 'extend_verification': {
      const rule = deps.policy.timeLimits.verificationExtension;
      const extension = { by: rule, approvedBy: staff.leader.name, reason: '案情复杂，需进一步调查核实', approvedOn: today };
      if (m.clocks.verification) m.clocks = { ...m.clocks, verification: extendDeadline(m.clocks.verification, extension, rule) };
      Object.assign(data, { by: rule, approvedBy: extension.approvedBy, reason: extension.reason });
      break;
    }
    case 'record_facts': {
      const conduct = beijingDate(at - rng.int(60, 400) * 86_400_000);
      m.facts = factsJson(outcome, ctx.path.route, conduct, ctx.jurisdictionCode);
      m.recommendationKey = outcome;
      const policy = { id: deps.policy.id, version: deps.policy.version, jurisdiction: ctx.jurisdictionCode };
      Object.assign(data, { recommendation: outcome, correctionRequired: false, policy, preRegistrationFromLink: false });
      addRecord(ctx, at, by, { kind: 'findings', visibility: 'internal', data: { recommendation: outcome }, text: RECORD_TEXTS[0]! });
      break;
    }
    case 'return_for_verification':
      addRecord(ctx, at, by, { kind: 'returned_for_verification', visibility: 'internal', data: {}, text: '部分事实尚需补充核实。' });
      break;
    case 'propose':
      m.proposal = proposalJson(outcome, staff.officer, today);
      Object.assign(data, { outcome, recommendation: outcome, flags: [] });
      break;
    case 'convene_meeting': {
      m.meetingId = ctx.id();
      const members = [staff.leader, staff.committee1, staff.committee2, staff.committee3, staff.committee4, staff.committee5];
      ctx.batches.meetings.push(m.meetingId, ctx.jurisdictionId, 'decision', `常委会会议研究${ctx.number}`, today, null, by.id, new Date(at));
      for (const [i, member] of members.entries()) ctx.batches.participants.push(m.meetingId, ctx.matterId, member.id, i < 5, null, null, null);
      Object.assign(data, { meetingId: m.meetingId, heldOn: today, members: 6, present: 5, recused: [] });
      break;
    }
    case 'cast_vote': {
      const p = ctx.batches.participants;
      const row = p.values[2]!.findLastIndex((user, i) => user === by.id && p.values[0]![i] === m.meetingId);
      p.values[4]![row] = outcome;
      p.values[5]![row] = '同意承办部门意见。';
      p.values[6]![row] = new Date(at);
      Object.assign(data, { meetingId: m.meetingId, vote: outcome });
      break;
    }
    case 'decide': {
      m.outcome = outcome;
      m.decidedAt = at;
      m.decision = decisionJson({ outcome, votes: 3, meetingId: m.meetingId!, decidedOn: today, decidedBy: by.id });
      const meetings = ctx.batches.meetings;
      meetings.values[5]![meetings.values[0]!.lastIndexOf(m.meetingId)] = rng.pick(deps.minutesPool);
      Object.assign(data, { meetingId: m.meetingId, outcome, tally: { exempt: 0, mitigate: 0, refuse: 0, [outcome]: 3 }, flags: [], needsApproval: false });
      const doc = determinationOf(outcome, ctx.subjectName);
      after.push(() => {
        const determination = ctx.issueDocument(at, by, doc.kind, doc.title, 'cadre');
        m.determinationId = determination.id;
        // As decide does without higher approval: the decision takes effect with its determination.
        m.ledgerEntryId = ctx.recordLedger(at, by, { outcome, basis: 'decision', document: determination, supersedes: null });
      });
      break;
    }
    case 'notify':
      after.push(() => {
        const letterTo = `中共${ctx.countyName}委组织部`;
        const letterId = ctx.issueDocument(at, by, 'outcome_letter', `关于${ctx.subjectName}同志容错认定结果的告知函`, 'org_dept').id;
        addRecord(ctx, at, by, { kind: 'notice', visibility: 'parties', data: { determinationId: m.determinationId, servedTo: ['cadre', 'unit'], letterId, letterTo } });
      });
      break;
    case 'acknowledge_receipt':
    case 'record_delivery': {
      const deadline = deps.appealDeadline(today);
      m.receivedOn = today;
      m.appealDeadline = deadline.dueDate;
      const method = step.action === 'acknowledge_receipt' ? 'acknowledged' : 'in_person';
      Object.assign(data, { receivedOn: today, appealDeadline: deadline.dueDate, uncertain: deadline.uncertain, method });
      after.push(() => addRecord(ctx, at, by, { kind: 'receipt', visibility: 'parties', data: { receivedOn: today, appealDeadline: deadline.dueDate, method } }));
      break;
    }
    case 'publicize':
      m.publishedAt = at;
      data.until = null;
      after.push(() => addRecord(ctx, at, by, { kind: 'publicity', visibility: 'parties', data: { scope: 'unit', until: null } }));
      break;
    case 'file_with_higher':
      m.filedAt = at;
      after.push(() => addRecord(ctx, at, by, { kind: 'filing', visibility: 'internal', data: {} }));
      break;
    case 'appeal':
      m.appealed = true;
      m.clocks = { ...m.clocks, review: startDeadline(deps.policy.timeLimits.reviewPeriod, today) };
      Object.assign(data, { appealType: 'party_accountability', contested: 'tolerance' });
      after.push(() => addRecord(ctx, at, by, { kind: 'appeal', visibility: 'parties', data: { appealType: 'party_accountability', contested: 'tolerance', lodgedOn: today }, text: RECORD_TEXTS[6]! }));
      break;
    case 'assign_review_panel':
      data.members = [staff.committee4.id, staff.committee5.id];
      after.push(() => addRecord(ctx, at, by, { kind: 'review_panel', visibility: 'internal', data: { members: data.members } }));
      break;
    case 'review_decide':
      Object.assign(data, { result: 'upheld', original: outcome, reviewed: outcome });
      m.decision = decisionJson({ outcome, votes: 3, meetingId: m.meetingId!, decidedOn: beijingDate(m.decidedAt!), decidedBy: staff.leader.id, review: { decidedOn: today, decidedBy: by.id, panel: [staff.committee4.id, staff.committee5.id] } });
      after.push(() => {
        const review = ctx.issueDocument(at, by, 'review_decision', `关于${ctx.subjectName}同志申诉的复核决定书`, 'cadre');
        const documentId = review.id;
        m.ledgerEntryId = ctx.recordLedger(at, by, { outcome, basis: 'review_upheld', document: review, supersedes: m.ledgerEntryId });
        addRecord(ctx, at, by, { kind: 'review_decision', visibility: 'parties', data: { result: 'upheld', original: outcome, reviewed: outcome, documentId } });
      });
      break;
    case 'suspend':
      for (const kind of ['acceptance', 'verification'] as const) {
        const clock = m.clocks[kind];
        if (clock && !clock.pauses.some((p) => p.until === null)) m.clocks = { ...m.clocks, [kind]: pauseDeadline(clock, today, 'suspended') };
      }
      addRecord(ctx, at, by, { kind: 'suspension', visibility: 'internal', data: {}, text: '等待审计结论。' });
      break;
    case 'resume':
      for (const kind of ['acceptance', 'verification'] as const) {
        const clock = m.clocks[kind];
        if (clock?.pauses.some((p) => p.until === null && p.reason === 'suspended')) m.clocks = { ...m.clocks, [kind]: resumeDeadline(clock, today) };
      }
      break;
    case 'convert':
      data.caseRef = null;
      addRecord(ctx, at, by, { kind: 'conversion', visibility: 'internal', data: { caseRef: null, id: ctx.id() }, text: '核查发现涉嫌违纪违法，转为纪律审查。' });
      break;
    case 'add_evidence':
    case 'declare_conflict':
    case 'approve':
    case 'reject_approval':
    case 'reopen':
    case 'close':
      // Not on any synthetic path (approve/reject: the default policy needs no approval), or no effect beyond the status.
      break;
  }
  m.status = step.to;
  m.version += 1;
  m.updatedAt = at;
  if ('terminal' in TOLERANCE_STATES[step.to]) m.closedAt = at;
  ctx.emit(at, by, `tolerance.${step.action}`, data);
  for (const f of after) f();
}
