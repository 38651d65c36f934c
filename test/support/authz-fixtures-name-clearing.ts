/**
 * Name clearings (澄清正名) in a chosen state for the authorization matrix, built through the real API
 * like the other fixtures, with the same kinds of relation: a clearing about NZ (张明), NU (a cadre of
 * 城关镇 — 李华's unit, whose leader nevertheless sees nothing), NO (郑芳 of the organisation
 * department), NJ (a cadre of 县纪委监委), NS_* (a commission member themself), or NL (a cadre of L
 * County). 县纪委监委's own people are cleared by an officer and a leader from outside it.
 */
import { expect } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import type { Builder, Built } from './authz-fixtures-more.ts';
import type { ToleranceFlow } from './tolerance-flow.ts';

export const NAME_CLEARING_STAGES = [
  'nc_trigger_check',
  'nc_consulting',
  'nc_consented',
  'nc_awaiting_leader',
  'nc_executing',
  'nc_cleared',
  'nc_not_cleared',
  'nc_closed',
] as const;
export type NameClearingStage = (typeof NAME_CLEARING_STAGES)[number];
export type NameClearingKind =
  'NZ' | 'NU' | 'NO' | 'NJ' | 'NS_officer' | 'NS_leader' | 'NS_committee1' | 'NL';

type Staff = { officer: string; leader: string };
const K_STAFF: Staff = { officer: 'officer', leader: 'leader' };
const J_STAFF: Staff = { officer: 'officer2', leader: 'leader_nc' };
const L_STAFF: Staff = { officer: 'officer_l', leader: 'leader_l' };

/** A K County commission leader with no cadre record, made once per test platform. */
const made = new WeakMap<ToleranceFlow, Promise<unknown>>();
function ensureLeader(flow: ToleranceFlow): Promise<unknown> {
  let p = made.get(flow);
  if (!p) {
    p = addUser(flow.platform.deps, SYSTEM_ACTOR, {
      username: 'leader_nc',
      displayName: 'leader_nc',
      password: DEMO_PASSWORD,
      roles: [{ role: 'commission_leader', jurisdictionCode: 'K' }],
    });
    made.set(flow, p);
  }
  return p;
}

async function kindOf(b: Builder, kind: NameClearingKind): Promise<{ cadre: string; staff: Staff }> {
  switch (kind) {
    case 'NZ':
      return { cadre: DEMO_PEOPLE.cadre.cadreId, staff: K_STAFF };
    case 'NU':
      return { cadre: await b.subjectOf('U'), staff: K_STAFF };
    case 'NO':
      return { cadre: DEMO_PEOPLE.orgDept.cadreId, staff: K_STAFF };
    case 'NJ':
      return { cadre: await b.subjectOf('J'), staff: J_STAFF };
    case 'NL':
      return { cadre: await b.subjectOf('L'), staff: L_STAFF };
    case 'NS_officer':
      return { cadre: DEMO_PEOPLE.officer.cadreId, staff: J_STAFF };
    case 'NS_leader':
      return { cadre: DEMO_PEOPLE.leader.cadreId, staff: J_STAFF };
    case 'NS_committee1':
      return { cadre: DEMO_PEOPLE.committee1.cadreId, staff: J_STAFF };
  }
}

async function post(flow: ToleranceFlow, user: string, url: string, body: object): Promise<void> {
  const res = await flow.post(user, url, body);
  expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(200);
}

/** The body of a clearing's opening: concluded untrue today, a named accuser. */
export function openingBody(subjectCadreId: string, today: string): object {
  return {
    subjectCadreId,
    source: 'officer_entry',
    receivedOn: today,
    concludedOn: today,
    finding: 'untrue',
    allegation: '在项目验收中收受好处',
    conclusion: '经核查，所反映问题不属实。',
    accuser: { anonymous: false, name: '矩阵举报人' },
  };
}

/** A name clearing in the stage, through the real steps. */
export async function driveNameClearing(
  b: Builder,
  kind: NameClearingKind,
  stage: NameClearingStage,
): Promise<Built> {
  const { flow } = b;
  await ensureLeader(flow);
  const { cadre, staff } = await kindOf(b, kind);
  const today = flow.today();
  const res = await flow.post(staff.officer, '/api/name-clearings', openingBody(cadre, today));
  expect(res.statusCode, res.body).toBe(201);
  const built: Built = { id: res.json<{ id: string }>().id };
  const url = `/api/name-clearings/${built.id}/actions/`;
  if (stage === 'nc_trigger_check') return built;
  if (stage === 'nc_not_cleared') {
    await post(flow, staff.officer, `${url}check_triggers`, {
      triggers: [],
      exclusions: ['E1'],
      analysis: '未造成影响',
    });
    return built;
  }
  await post(flow, staff.officer, `${url}check_triggers`, {
    triggers: ['T1'],
    exclusions: [],
    analysis: '影响提拔',
  });
  if (stage === 'nc_consulting') return built;
  await post(flow, staff.officer, `${url}record_consent`, {
    forms: ['written'],
    scope: 'self',
    consultedVia: 'in_person',
    consultedOn: today,
  });
  if (stage === 'nc_consented') return built;
  await post(flow, staff.officer, `${url}submit_for_approval`, {
    forms: ['written'],
    scope: 'self',
    arrangements: '书面送达',
  });
  if (stage === 'nc_awaiting_leader') return built;
  await post(flow, staff.leader, `${url}approve`, {});
  if (stage === 'nc_executing') return built;
  await post(flow, staff.officer, `${url}execute`, {
    forms: ['written'],
    scope: 'self',
    executedOn: today,
    details: '送达澄清正名书',
  });
  const detail = (await flow.get(staff.officer, `/api/name-clearings/${built.id}`)).json<{
    documents: { id: string; code: string }[];
  }>();
  built.documentId = detail.documents[0]?.id;
  built.documentCode = detail.documents[0]?.code;
  if (stage === 'nc_cleared') return built;
  await post(flow, staff.officer, `${url}archive`, {});
  return built;
}
