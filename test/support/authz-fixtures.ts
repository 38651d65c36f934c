/**
 * Matters in a chosen state for the authorization matrix, built through the real API: one kind per
 * relation a viewer can have to a matter (their own, an unrelated one in K County, one in L County,
 * one their own unit's), one stage per state a step starts from. Shared fixtures are cached; a cell
 * that is expected to change its matter asks for a fresh one.
 */
import { expect } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { DEMO_PEOPLE, unitId } from '../../src/db/seed/k-county.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import { multipart } from './roster-files.ts';
import { EXEMPT_FACTS, ToleranceFlow } from './tolerance-flow.ts';
import {
  driveCorrection,
  drivePreRegistration,
  type CorrectionKind,
  type CorrectionStage,
  type PreRegistrationKind,
  type PreRegistrationStage,
} from './authz-fixtures-more.ts';
import { driveFollowUp, type FollowUpKind, type FollowUpStage } from './authz-fixtures-follow-up.ts';
import {
  driveNameClearing,
  type NameClearingKind,
  type NameClearingStage,
} from './authz-fixtures-name-clearing.ts';
import { driveCaseEntry, type CaseEntryKind, type CaseEntryStage } from './authz-case-library.ts';

/**
 * Z: 张明's own application. U: 李华's unit application about a cadre of 城关镇. O: about 郑芳 (the
 * organisation department's user). L: in L County. J: about a cadre of 县纪委监委 — the officer's,
 * the leader's and committee1's own unit. S_*: about that commission member themself.
 */
export type Kind = 'Z' | 'U' | 'O' | 'L' | 'J' | 'S_officer' | 'S_leader' | 'S_committee1';

/** Named states to start a step from (a few split one status: with a task, facts, votes, receipt …). */
export const STAGES = [
  'draft',
  'submitted',
  'awaiting_supplement',
  'verifying',
  'verifying_task',
  'verifying_facts',
  'suspended',
  'awaiting_decision',
  'deliberating',
  'deliberating_voted',
  'awaiting_approval',
  'decided',
  'notified',
  'received',
  'filed',
  'under_review',
  'review_panel',
  'closable',
] as const;
export type Stage = (typeof STAGES)[number];
export type MatterType =
  | 'tolerance'
  | 'correction'
  | 'pre_registration'
  | 'follow_up'
  | 'case_entry'
  | 'name_clearing';
export type AnyKind = Kind | CorrectionKind | PreRegistrationKind | FollowUpKind | CaseEntryKind | NameClearingKind;
export type AnyStage =
  | Stage
  | CorrectionStage
  | PreRegistrationStage
  | FollowUpStage
  | CaseEntryStage
  | NameClearingStage;

export type MatterFixture = {
  kind: AnyKind;
  stage: AnyStage;
  id: string;
  taskId?: string;
  fileId?: string;
  documentId?: string;
  documentCode?: string;
};

type Staff = {
  officer: string;
  leader: string | null;
  deliberating: string[];
  deciding: string[];
  panel: string[];
};
type KindSpec = { applicant: string; subject: () => Promise<string | null>; staff: Staff };

const K_STAFF: Staff = {
  officer: 'officer',
  leader: 'leader',
  // committee1 sits at the meeting the vote cells use, but not at the one that decides, so it can
  // sit on the review panel (nobody who took part in the decision may).
  deliberating: ['leader', 'committee1', 'committee2', 'committee3'],
  deciding: ['leader', 'committee2', 'committee3', 'committee4'],
  panel: ['committee1', 'committee5'],
};
const L_STAFF: Staff = {
  officer: 'officer_l',
  leader: 'leader_l',
  deliberating: ['leader_l', 'committee_l1', 'committee_l2', 'committee_l3'],
  deciding: ['leader_l', 'committee_l2', 'committee_l3', 'committee_l4'],
  panel: ['committee_l1', 'committee_l5'],
};
/** Every K County commission member is related to a J matter: only an unattached officer moves it. */
const J_STAFF: Staff = {
  officer: 'officer2',
  leader: null,
  deliberating: ['committee2'],
  deciding: [],
  panel: [],
};

/** Stages a kind cannot reach fall back to the nearest it can, where the viewers' answers are the same. */
const J_REACH: Stage[] = [
  'draft',
  'submitted',
  'awaiting_supplement',
  'verifying',
  'verifying_task',
  'verifying_facts',
  'awaiting_decision',
  'deliberating',
];
/** Only 张明 has an account to appeal with. */
const APPEALED: Stage[] = ['under_review', 'review_panel'];

export const DAY = 86_400_000;

/** Accounts the fixtures need beside the demo users (none linked to a K County cadre unless said). */
export async function createMatrixUsers(flow: ToleranceFlow): Promise<void> {
  const deps = flow.platform.deps;
  const add = (username: string, roles: { role: string; jurisdictionCode: string; unitId?: string }[]) =>
    addUser(deps, SYSTEM_ACTOR, { username, displayName: username, password: DEMO_PASSWORD, roles });
  await add('officer2', [{ role: 'case_officer', jurisdictionCode: 'K' }]);
  await add('unit_j', [{ role: 'unit_leader', jurisdictionCode: 'K', unitId: DEMO_PEOPLE.officer.unitId }]);
  await add('unit_o', [{ role: 'unit_leader', jurisdictionCode: 'K', unitId: DEMO_PEOPLE.orgDept.unitId }]);
  await add('unit_l', [{ role: 'unit_leader', jurisdictionCode: 'L', unitId: L_UNIT }]);
  await add('officer_l', [{ role: 'case_officer', jurisdictionCode: 'L' }]);
  await add('leader_l', [
    { role: 'commission_leader', jurisdictionCode: 'L' },
    { role: 'committee_member', jurisdictionCode: 'L' },
  ]);
  for (const n of [1, 2, 3, 4, 5])
    await add(`committee_l${n}`, [{ role: 'committee_member', jurisdictionCode: 'L' }]);
}

/** L县财政局, the L County unit whose leader applies for its cadres. */
export const L_UNIT = unitId('L-U004');

export class MatterFixtures {
  private readonly cache = new Map<string, Promise<MatterFixture>>();
  private readonly subjects = new Map<string, string | null>();
  /** Matters built (shared and fresh), for the report. */
  built = 0;

  constructor(
    readonly flow: ToleranceFlow,
    /** Switches the higher level's approval on while a matter is decided (see the test's policy mock). */
    private readonly approval: { required: boolean },
  ) {}

  /** A matter of this kind in this stage: shared unless `fresh` (for a cell that changes it). */
  get(type: MatterType, kind: AnyKind, stage: AnyStage, fresh = false): Promise<MatterFixture> {
    const build = (): Promise<MatterFixture> => {
      this.built += 1;
      const builder = {
        flow: this.flow,
        subjectOf: (k: 'U' | 'J' | 'L') => this.subjectOf(k),
        lUnit: L_UNIT,
      };
      if (type === 'correction')
        return driveCorrection(builder, kind as CorrectionKind, stage as CorrectionStage).then((b) => ({
          kind,
          stage,
          ...b,
        }));
      if (type === 'name_clearing')
        return driveNameClearing(builder, kind as NameClearingKind, stage as NameClearingStage).then((b) => ({
          kind,
          stage,
          ...b,
        }));
      if (type === 'follow_up')
        return driveFollowUp(builder, kind as FollowUpKind, stage as FollowUpStage).then((b) => ({
          kind,
          stage,
          ...b,
        }));
      // A typical case needs a decided matter of its own (one case per matter).
      if (type === 'case_entry')
        return driveCaseEntry(
          { flow: this.flow, decided: (k) => this.get('tolerance', k, 'received', true).then((m) => m.id) },
          kind as CaseEntryKind,
          stage as CaseEntryStage,
        ).then((b) => ({ kind, stage, ...b }));
      if (type === 'pre_registration')
        return drivePreRegistration(builder, kind as PreRegistrationKind, stage as PreRegistrationStage).then(
          (b) => ({ kind, stage, ...b }),
        );
      return this.build(kind as Kind, stage as Stage);
    };
    if (fresh) return build();
    const key = `${type}:${kind}:${stage}`;
    let found = this.cache.get(key);
    if (!found) {
      found = build();
      this.cache.set(key, found);
    }
    return found;
  }

  /** The cadre a kind is about. */
  async subjectOf(kind: Kind): Promise<string> {
    return (await this.spec(kind).subject())!;
  }

  private spec(kind: Kind): KindSpec {
    const db = this.flow.platform.deps.db;
    const firstOf = (unit: string, except: string[]) => async () => {
      const key = `${unit}:${except.join()}`;
      if (!this.subjects.has(key)) {
        const row = await db
          .selectFrom('cadres')
          .select('id')
          .where('unit_id', '=', unit)
          .where('id', 'not in', except)
          .orderBy('id')
          .executeTakeFirstOrThrow();
        this.subjects.set(key, row.id);
      }
      return this.subjects.get(key)!;
    };
    const fixed = (id: string) => async () => id;
    const demoIds = Object.values(DEMO_PEOPLE).map((p) => p.cadreId);
    switch (kind) {
      case 'Z':
        return { applicant: 'cadre', subject: fixed(DEMO_PEOPLE.cadre.cadreId), staff: K_STAFF };
      case 'U':
        return {
          applicant: 'unit',
          subject: firstOf(DEMO_PEOPLE.unitLeader.unitId, demoIds),
          staff: K_STAFF,
        };
      case 'O':
        return { applicant: 'unit_o', subject: fixed(DEMO_PEOPLE.orgDept.cadreId), staff: K_STAFF };
      case 'L':
        return { applicant: 'unit_l', subject: firstOf(L_UNIT, demoIds), staff: L_STAFF };
      case 'J':
        return { applicant: 'unit_j', subject: firstOf(DEMO_PEOPLE.officer.unitId, demoIds), staff: J_STAFF };
      case 'S_officer':
        return { applicant: 'unit_j', subject: fixed(DEMO_PEOPLE.officer.cadreId), staff: J_STAFF };
      case 'S_leader':
        return { applicant: 'unit_j', subject: fixed(DEMO_PEOPLE.leader.cadreId), staff: J_STAFF };
      case 'S_committee1':
        return { applicant: 'unit_j', subject: fixed(DEMO_PEOPLE.committee1.cadreId), staff: J_STAFF };
    }
  }

  /** The stage actually built for a kind (see J_REACH, APPEALED). */
  static reachable(kind: Kind, stage: Stage): Stage {
    const jLike = kind === 'J' || kind.startsWith('S_');
    if (jLike) return J_REACH.includes(stage) ? stage : 'deliberating';
    if (kind !== 'Z' && APPEALED.includes(stage)) return 'received';
    return stage;
  }

  private async build(kind: Kind, wanted: Stage): Promise<MatterFixture> {
    const stage = MatterFixtures.reachable(kind, wanted);
    const clock = this.flow.platform.clock;
    const now = clock.now();
    // Closable: received long enough ago that the appeal window (one month) is over.
    if (stage === 'closable') clock.set(new Date(now.getTime() - 90 * DAY));
    try {
      return await this.drive(kind, stage);
    } finally {
      if (stage === 'closable') clock.set(now);
    }
  }

  private async drive(kind: Kind, stage: Stage): Promise<MatterFixture> {
    const { flow } = this;
    const spec = this.spec(kind);
    const { officer, leader } = spec.staff;
    const fixture: MatterFixture = { kind, stage, id: '' };
    const reached = (...stages: Stage[]) => stages.includes(stage);
    const act = (user: string, action: string, body: object = {}) => flow.act(user, fixture.id, action, body);

    const subject = await spec.subject();
    const opened = await flow.post(spec.applicant, '/api/matters', {
      route: kind === 'Z' ? 'own_application' : 'unit_application',
      ...(kind === 'Z' ? {} : { subjectCadreId: subject }),
      title: `授权矩阵 ${kind} ${stage}`,
      summary: '为赶在汛期前完成排水改造，先行垫资启动施工。',
      conductDate: EXEMPT_FACTS.conductDate,
      submit: stage !== 'draft',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    fixture.id = opened.json<{ id: string }>().id;
    if (reached('draft', 'submitted')) return this.finish(fixture, officer);
    if (reached('awaiting_supplement')) {
      await act(officer, 'request_supplement', { items: '请补充党委会会议纪要' });
      return fixture;
    }
    await act(officer, 'accept');
    if (kind === 'J' || kind.startsWith('S_') || reached('filed')) await this.upload(spec.applicant, fixture);
    if (reached('verifying')) return this.finish(fixture, officer);
    if (reached('suspended')) {
      await act(leader!, 'suspend', { reason: '当事人因病住院' });
      return fixture;
    }
    if (reached('verifying_task')) {
      await act(officer, 'add_task', { kind: 'interview', description: '约谈当事人' });
      return this.finish(fixture, officer);
    }
    await act(officer, 'record_facts', { facts: EXEMPT_FACTS, findings: '经核实，垫资事项经集体研究决定。' });
    if (reached('verifying_facts')) return this.finish(fixture, officer);
    await act(officer, 'propose', { outcome: 'exempt', analysis: '属于探索性失误，未谋取私利。' });
    if (reached('awaiting_decision')) return this.finish(fixture, officer);
    const members = reached('deliberating') ? spec.staff.deliberating : spec.staff.deciding;
    await act(officer, 'convene_meeting', {
      heldOn: flow.today(),
      present: await Promise.all(members.map((m) => flow.userId(m))),
    });
    if (reached('deliberating')) return this.finish(fixture, officer);
    for (const member of members) await act(member, 'cast_vote', { vote: 'exempt', opinion: '同意免责' });
    if (reached('deliberating_voted')) return fixture;
    this.approval.required = reached('awaiting_approval');
    try {
      await act(leader!, 'decide', { minutes: '会议经充分讨论，同意予以容错免责。' });
    } finally {
      this.approval.required = false;
    }
    if (reached('awaiting_approval', 'decided')) return fixture;
    await act(officer, 'notify');
    if (reached('notified')) return fixture;
    await act(officer, 'record_delivery', { deliveredOn: flow.today(), method: 'in_person' });
    if (reached('received', 'closable')) return fixture;
    if (reached('filed')) {
      await act(officer, 'file_with_higher');
      return this.finish(fixture, officer);
    }
    await act('cadre', 'appeal', {
      appealType: 'party_accountability',
      contested: 'tolerance',
      grounds: '申诉理由',
    });
    if (reached('under_review')) return fixture;
    await act(officer, 'assign_review_panel', {
      members: await Promise.all(spec.staff.panel.map((m) => flow.userId(m))),
    });
    return fixture;
  }

  private async upload(user: string, fixture: MatterFixture): Promise<void> {
    const body = multipart('情况说明.pdf', tinyPdf('情况说明'), 'application/pdf');
    const session = await this.flow.session(user);
    const res = await this.flow.app.inject({
      method: 'POST',
      url: `/api/matters/${fixture.id}/evidence`,
      payload: body.payload,
      headers: { ...body.headers, ...session.headers },
      cookies: session.cookies,
    });
    expect(res.statusCode, res.body).toBe(201);
    fixture.fileId = res.json<{ file: { id: string } }>().file.id;
  }

  /** Reads what cells address inside the matter: the open task and the first document. */
  private async finish(fixture: MatterFixture, officer: string): Promise<MatterFixture> {
    if (fixture.stage === 'draft' || fixture.stage === 'submitted') return fixture;
    const detail = await this.flow.detail(officer, fixture.id);
    const records = (detail as unknown as { records: { id: string; kind: string }[] }).records;
    fixture.taskId = records.find((r) => r.kind === 'task')?.id;
    fixture.documentId = detail.documents[0]?.id;
    fixture.documentCode = detail.documents[0]?.code;
    return fixture;
  }
}
