/**
 * Turns a matter's course (lifecycle.ts) into what the real step handlers would have left behind:
 * the matter row with its clocks, due date, facts, proposal, decision and dates; its records
 * (sensitive text SM4-encrypted per record, as `addRecord` does); documents; the meeting and votes;
 * and one audit event per step (plus `document.issued`), carrying the same data the handlers record.
 */
import type { MatterStatsCells } from '../../repos/stats.ts';
import type { Keyring } from '../../../crypto/field-cipher.ts';
import { sm3Hex } from '../../../crypto/sm3.ts';
import { canonicalJson } from '../../../domain/audit/canonical.ts';
import { deadlineStatus, endOfBeijingDay, type LocalDate, type WorkingDayCalendar } from '../../../domain/calendar/index.ts';
import type { EffectivePolicy } from '../../../domain/policy/index.ts';
import { activeClock } from '../../../domain/tolerance/clocks.ts';
import type { AppealDeadline } from '../../../domain/tolerance/decision.ts';
import { TOLERANCE_STATES } from '../../../domain/tolerance/procedure.ts';
import { createRng } from '../prng.ts';
import type { Account, CountyStaff } from './accounts.ts';
import type { PendingEvent } from './audit-stream.ts';
import type { IdSource } from './bulk.ts';
import type { CountyPlan, UnitPlan } from './geography.ts';
import { beijingDate, pickPath, planCourse, type StepActor } from './lifecycle.ts';
import type { MatterBatches } from './matter-batches.ts';
import { MATTER_TOPICS, RECORD_TEXTS } from './names.ts';
import { pushSignature } from './signatures.ts';
import { ledgerEntryRecorder, type LedgerWriter } from './ledger.ts';
import { applyStep, type MatterState } from './step-effects.ts';
import { DOCUMENT_BODY } from './templates.ts';

/** `jurisdictionPath`: of the cadre's own jurisdiction (a township or the county), as ledger entries record it. */
export type Subject = { id: string; name: string; unitId: string; jurisdictionPath: string };

/** What the builder keeps per county while matters are generated. */
export type CountyRuntime = {
  plan: CountyPlan;
  staff: CountyStaff;
  subjects: Subject[];
  unitsById: Map<string, UnitPlan>;
  cadreUsers: Map<string, Account>;
  unitLeaders: Map<string, Account>;
  /** Last matter / document number per year. */
  matterNumbers: Map<number, number>;
  documentNumbers: Map<number, number>;
};

export type BuilderDeps = {
  seed: number;
  now: number;
  policy: EffectivePolicy;
  calendar: WorkingDayCalendar;
  keyring: Keyring;
  ids: IdSource;
  /** The appeal window for a decision received on a day (memoised: one computation per day). */
  appealDeadline: (receivedOn: LocalDate) => AppealDeadline;
  /** Pool of ciphertexts for meeting minutes (never decrypted by the API). */
  minutesPool: string[];
  audit: (event: PendingEvent) => void;
  /** Creates the account of an applying cadre or unit leader (with its audit events). */
  newAccount: (county: CountyRuntime, kind: 'cadre' | 'unit_leader', key: string, at: number) => Account;
  /** Counts the finished matter into the dashboard counters (instead of reading it back later). */
  stats: MatterStatsCells;
  /** Numbers and writes ledger entries as their audit events join the chain (ledger.ts). */
  ledger: LedgerWriter;
};

const yearOf = (ms: number) => Number(beijingDate(ms).slice(0, 4));
const next = (counters: Map<number, number>, year: number) => {
  const n = (counters.get(year) ?? 0) + 1;
  counters.set(year, n);
  return n;
};

/** Builds matter number `index` of the world, opened at `openedAt`, into the batches. Returns its event count. */
export function buildMatter(deps: BuilderDeps, county: CountyRuntime, batches: MatterBatches, index: number, openedAt: number): number {
  const rng = createRng(deps.seed, `matter:${index}`);
  const id = () => deps.ids.id();
  const appealDeadlineOf = (at: number) => endOfBeijingDay(deps.appealDeadline(beijingDate(at)).dueDate).getTime();
  const path = pickPath(rng);
  const course = planCourse(rng, path, openedAt, deps.now, appealDeadlineOf);
  const subject = rng.pick(county.subjects);
  const unit = county.unitsById.get(subject.unitId)!;
  const code = county.plan.jurisdiction.code;
  const matterId = id();
  const number = `${code}容〔${yearOf(openedAt)}〕${next(county.matterNumbers, yearOf(openedAt))}号`;
  const applicant =
    path.route === 'own_application'
      ? deps.newAccount(county, 'cadre', subject.id, openedAt - rng.int(5, 60) * 60_000)
      : path.route === 'unit_application'
        ? deps.newAccount(county, 'unit_leader', unit.id, openedAt - rng.int(5, 60) * 60_000)
        : null;
  const { staff } = county;
  const actors: Record<StepActor, Account> = {
    applicant: applicant ?? staff.officer,
    subject: applicant ?? staff.officer,
    officer: staff.officer,
    leader: staff.leader,
    voter0: staff.leader,
    voter1: staff.committee1,
    voter2: staff.committee2,
    voter3: staff.committee3,
    reviewer: staff.committee4,
  };
  const jurisdictionId = county.plan.jurisdiction.id;
  let events = 0;
  const emit = (at: number, by: Account | null, action: string, data: Record<string, unknown>) => {
    deps.audit({ at, actorUserId: by?.id ?? null, actor: by?.username ?? 'system', action, entityType: 'matter', entityId: matterId, jurisdictionId, data });
    events += 1;
  };
  const [topic, account] = rng.pick(MATTER_TOPICS);
  const title = path.route === 'ex_officio' ? `对问责线索开展容错情形审查（${topic}）` : `关于${topic}的容错申请`;
  const openedOn = beijingDate(openedAt);
  const state: MatterState = {
    status: path.opensAs,
    clocks: {},
    facts: null,
    recommendationKey: null,
    proposal: null,
    outcome: null,
    decision: null,
    decidedAt: null,
    receivedOn: null,
    appealDeadline: null,
    appealed: false,
    filedAt: null,
    publishedAt: null,
    closedAt: null,
    version: 1,
    updatedAt: openedAt,
    meetingId: null,
    determinationId: null,
    ledgerEntryId: null,
    taskId: null,
    taskData: null,
  };
  const ctx = {
    deps,
    rng,
    id,
    matterId,
    number,
    jurisdictionCode: code,
    jurisdictionId,
    countyName: county.plan.jurisdiction.name,
    path,
    staff,
    batches,
    subjectName: subject.name,
    issueDocument: (at: number, by: Account, kind: string, title: string, recipient: string) => {
      const docId = id();
      const docNumber = `${code}纪〔${yearOf(at)}〕${next(county.documentNumbers, yearOf(at))}号`;
      const content = { kind, title, number: docNumber, issuer: `中共${county.plan.jurisdiction.name}纪律检查委员会`, date: beijingDate(at), recipient, body: DOCUMENT_BODY, synthetic: true };
      const digest = sm3Hex(canonicalJson(content));
      const codeText = deps.ids.code();
      batches.documents.push(docId, matterId, kind, docNumber, title, JSON.stringify(content), digest, SYNTHETIC_SIGNATURE, 'synthetic', codeText, recipient, new Date(at));
      emit(at, by, 'document.issued', { documentId: docId, kind, number: docNumber, code: codeText, digest, recipient });
      return { id: docId, number: docNumber };
    },
    emit,
    recordLedger: ledgerEntryRecorder(deps, { matterId, title, subject, jurisdictionId }),
  };
  emit(openedAt, applicant ?? staff.officer, 'tolerance.opened', { number, route: path.route, status: path.opensAs, subjectCadreId: subject.id });
  if (path.opensAs === 'submitted') state.clocks.acceptance = { rule: deps.policy.timeLimits.acceptance, startedOn: openedOn, pauses: [], extension: null };
  if (path.opensAs === 'verifying') state.clocks.verification = { rule: deps.policy.timeLimits.verification, startedOn: openedOn, pauses: [], extension: null };
  let lastAt = openedAt;
  for (const step of course.steps) {
    applyStep(ctx, state, step, actors[step.by]);
    lastAt = step.at;
  }
  const running = activeClock(state.status);
  const clock = running ? state.clocks[running] : undefined;
  const dueOn = clock ? deadlineStatus(clock, deps.calendar, new Date(lastAt)).dueDate : null;
  const createdAt = new Date(openedAt);
  const decidedAt = state.decidedAt === null ? null : new Date(state.decidedAt);
  const closedAt = 'terminal' in TOLERANCE_STATES[state.status] ? new Date(state.closedAt ?? state.updatedAt) : null;
  deps.stats.add({ type: 'tolerance', jurisdiction_id: jurisdictionId, created_at: createdAt, status: state.status, route: path.route, outcome: state.outcome, decided_at: decidedAt, appealed: state.appealed, closed_at: closedAt, clocks: state.clocks, proposal: state.proposal, decision: state.decision });
  batches.matters.push(
    matterId,
    number,
    jurisdictionId,
    state.status,
    course.suspendedFrom,
    path.route,
    subject.id,
    subject.unitId,
    applicant?.id ?? null,
    title,
    deps.keyring.encrypt(account, `matter.summary:${matterId}`),
    path.route === 'ex_officio' ? `${code}问〔${yearOf(openedAt)}〕${rng.int(1, 60)}号` : null,
    beijingDate(openedAt - rng.int(20, 200) * 86_400_000),
    state.facts,
    state.recommendationKey,
    code,
    deps.policy.id,
    deps.policy.version,
    state.proposal,
    state.outcome,
    state.decision,
    decidedAt,
    JSON.stringify(state.clocks),
    dueOn,
    state.receivedOn,
    state.appealDeadline,
    state.appealed,
    state.filedAt === null ? null : new Date(state.filedAt),
    state.publishedAt === null ? null : new Date(state.publishedAt),
    state.version,
    createdAt,
    new Date(state.updatedAt),
    closedAt,
  );
  pushSignature(batches.signatures, deps.keyring, {
    matterId,
    jurisdictionId,
    subjectUnitId: subject.unitId,
    policy: deps.policy,
    state,
    summary: account,
    findings: state.facts === null ? null : RECORD_TEXTS[0]!,
  });
  return events;
}

/** Synthetic documents are not signed (see docs/SCALING.md): a fixed, obviously invalid signature. */
export const SYNTHETIC_SIGNATURE = '0'.repeat(128);
