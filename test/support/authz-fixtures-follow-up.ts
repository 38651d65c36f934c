/**
 * Sanctions (处分) and follow-up visits (回访教育) in a chosen state for the authorization matrix,
 * built through the real API like the other fixtures, with the same kinds of relation: a sanction
 * or follow-up about Z (张明), U (a cadre of 城关镇), O (郑芳 of the organisation department),
 * J (a cadre of 县纪委监委), S_* (a commission member themself), or L (a cadre of L County).
 * Each follow-up gets a sanction of its own (one visit under way per sanction). Sanctions take
 * effect ten days before today, so their influence periods run and visits may be planned today.
 */
import { expect } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import type { Relation, Who } from './authz-grid.ts';
import type { ToleranceFlow } from './tolerance-flow.ts';

export const FOLLOW_UP_STAGES = [
  'fu_planned',
  'fu_visited',
  'fu_graded',
  'fu_recommended',
  'fu_notified',
  'fu_closed',
] as const;
export type FollowUpStage = (typeof FOLLOW_UP_STAGES)[number];
export type FollowUpKind = 'FZ' | 'FU' | 'FO' | 'FJ' | 'FS_officer' | 'FS_leader' | 'FS_committee1' | 'FL';

/** What the builders need from the fixture cache: the flow and the kinds' subjects. */
export type FollowUpBuilder = {
  flow: ToleranceFlow;
  subjectOf(kind: 'U' | 'J' | 'L'): Promise<string>;
};

const DAY = 86_400_000;
const VISITORS = [
  { name: '回访人甲', position: '纪检监察干部' },
  { name: '回访人乙', position: '纪检监察干部' },
];

/** Staff unrelated to the cadre: 县纪委监委's own people are visited by an officer and a leader from outside it. */
type Staff = { officer: string; leader: string; orgDept: string };
const K_STAFF: Staff = { officer: 'officer', leader: 'leader', orgDept: 'orgdept' };
const J_STAFF: Staff = { officer: 'officer2', leader: 'leader_fu', orgDept: 'orgdept' };
const L_STAFF: Staff = { officer: 'officer_l', leader: 'leader_l', orgDept: 'orgdept_l' };

/** Per test platform (the matrix runs once per engine in one process): users made and sanctions shared. */
const state = new WeakMap<
  ToleranceFlow,
  { users?: Promise<void>; sanctions: Map<FollowUpKind, Promise<string>> }
>();
function stateOf(flow: ToleranceFlow) {
  let s = state.get(flow);
  if (!s) {
    s = { sanctions: new Map() };
    state.set(flow, s);
  }
  return s;
}

/** A commission leader with no cadre record (unrelated to 县纪委监委) and L County's organisation department. */
function ensureUsers(flow: ToleranceFlow): Promise<void> {
  const deps = flow.platform.deps;
  const s = stateOf(flow);
  s.users ??= (async () => {
    await addUser(deps, SYSTEM_ACTOR, {
      username: 'leader_fu',
      displayName: 'leader_fu',
      password: DEMO_PASSWORD,
      roles: [{ role: 'commission_leader', jurisdictionCode: 'K' }],
    });
    await addUser(deps, SYSTEM_ACTOR, {
      username: 'orgdept_l',
      displayName: 'orgdept_l',
      password: DEMO_PASSWORD,
      roles: [{ role: 'org_dept', jurisdictionCode: 'L' }],
    });
  })();
  return s.users;
}

/** The cadre a kind is about and the staff that handle it. */
async function kindOf(b: FollowUpBuilder, kind: FollowUpKind): Promise<{ cadre: string; staff: Staff }> {
  switch (kind) {
    case 'FZ':
      return { cadre: DEMO_PEOPLE.cadre.cadreId, staff: K_STAFF };
    case 'FU':
      return { cadre: await b.subjectOf('U'), staff: K_STAFF };
    // 郑芳 signs for nothing about herself: another department user would (none needed here).
    case 'FO':
      return { cadre: DEMO_PEOPLE.orgDept.cadreId, staff: K_STAFF };
    case 'FJ':
      return { cadre: await b.subjectOf('J'), staff: J_STAFF };
    case 'FL':
      return { cadre: await b.subjectOf('L'), staff: L_STAFF };
    case 'FS_officer':
      return { cadre: DEMO_PEOPLE.officer.cadreId, staff: J_STAFF };
    case 'FS_leader':
      return { cadre: DEMO_PEOPLE.leader.cadreId, staff: J_STAFF };
    case 'FS_committee1':
      return { cadre: DEMO_PEOPLE.committee1.cadreId, staff: J_STAFF };
  }
}

async function post(flow: ToleranceFlow, user: string, url: string, body: object, status = 200) {
  const res = await flow.post(user, url, body);
  expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(status);
  return res.json<{ id: string }>();
}

/** A Party warning that took effect ten days ago, recorded by an officer unrelated to the cadre. */
async function recordSanction(flow: ToleranceFlow, officer: string, cadre: string): Promise<string> {
  const effective = new Date(flow.platform.clock.now().getTime() + 8 * 3_600_000 - 10 * DAY)
    .toISOString()
    .slice(0, 10);
  const sanction = await post(
    flow,
    officer,
    `/api/cadres/${cadre}/sanctions`,
    {
      type: 'party_warning',
      decidedOn: effective,
      effectiveOn: effective,
      decidedBy: '中共K县纪律检查委员会',
    },
    201,
  );
  return sanction.id;
}

const OWN: Partial<Record<Who, FollowUpKind>> = {
  cadre: 'FZ',
  unit: 'FU',
  orgdept: 'FO',
  officer: 'FS_officer',
  leader: 'FS_leader',
  committee1: 'FS_committee1',
};

/** The kind of record a relation points at for an asker (as for tolerance matters). */
export function followUpKindFor(who: Who, relation: Exclude<Relation, 'any'>): FollowUpKind | null {
  if (relation === 'own') return OWN[who] ?? null;
  if (relation === 'same') return who === 'cadre' ? 'FU' : 'FZ';
  return relation === 'other' ? 'FL' : 'FJ';
}

/** The sanction a relation points at for an asker, shared across cells (recorded once per kind). */
export async function sanctionFor(
  b: FollowUpBuilder,
  who: Who,
  relation: Exclude<Relation, 'any'>,
): Promise<string | null> {
  const kind = followUpKindFor(who, relation);
  if (!kind) return null;
  const { sanctions } = stateOf(b.flow);
  let found = sanctions.get(kind);
  if (!found) {
    found = kindOf(b, kind).then(({ cadre, staff }) => recordSanction(b.flow, staff.officer, cadre));
    sanctions.set(kind, found);
  }
  return found;
}

/** A follow-up of a sanction of its own, in the stage; the register form is issued once it is notified. */
export async function driveFollowUp(
  b: FollowUpBuilder,
  kind: FollowUpKind,
  stage: FollowUpStage,
): Promise<{ id: string; documentId?: string; documentCode?: string }> {
  const { flow } = b;
  await ensureUsers(flow);
  const { cadre, staff } = await kindOf(b, kind);
  const sanctionId = await recordSanction(flow, staff.officer, cadre);
  const today = flow.today();
  const { id } = await post(
    flow,
    staff.officer,
    '/api/follow-ups',
    { sanctionId, plannedOn: today, visitors: VISITORS },
    201,
  );
  const url = `/api/follow-ups/${id}/actions/`;
  const reached = (s: FollowUpStage) => FOLLOW_UP_STAGES.indexOf(stage) >= FOLLOW_UP_STAGES.indexOf(s);
  if (reached('fu_visited'))
    await post(flow, staff.officer, `${url}record_visit`, {
      visitedOn: today,
      methods: ['talk'],
      visitors: VISITORS,
      politicalThinking: '思想稳定',
      conduct: '遵规守纪',
      work: '工作正常',
      sanctionExecution: '已执行',
      attitude: '认识到位',
      talk: '谈心谈话',
    });
  if (reached('fu_graded'))
    await post(flow, staff.officer, `${url}grade`, { grade: 'good', reasons: '表现良好' });
  if (reached('fu_recommended'))
    await post(flow, staff.officer, `${url}recommend_reuse`, { reasons: '可以使用' });
  if (!reached('fu_notified')) return { id };
  await post(flow, staff.leader, `${url}deliver`, {});
  const detail = (await flow.get(staff.leader, `/api/follow-ups/${id}`)).json<{
    documents: { id: string; code: string }[];
  }>();
  if (reached('fu_closed')) await post(flow, staff.orgDept, `${url}acknowledge`, {});
  return { id, documentId: detail.documents[0]?.id, documentCode: detail.documents[0]?.code };
}
