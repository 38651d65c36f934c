/**
 * Corrections (纠错) and pre-registrations (事前报备) in a chosen state for the authorization matrix,
 * built through the real API like the tolerance fixtures (authz-fixtures.ts), with the same kinds of
 * relation: C (corrections) or P (filings) + Z (张明's), U (城关镇's), O (县委组织部's), J (县纪委监委's), S_* (a commission
 * member themself), L (L County's).
 */
import { expect } from 'vitest';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import { multipart } from './roster-files.ts';
import type { ToleranceFlow } from './tolerance-flow.ts';

export const CORRECTION_STAGES = [
  'rectifying',
  'overdue',
  'awaiting_acceptance',
  'evidenced',
  'observing',
  'look_back_due',
  'looked_back',
  'escalated',
] as const;
export type CorrectionStage = (typeof CORRECTION_STAGES)[number];
export const PRE_REGISTRATION_STAGES = ['filing_draft', 'filed', 'returned', 'acknowledged'] as const;
export type PreRegistrationStage = (typeof PRE_REGISTRATION_STAGES)[number];

export type CorrectionKind = 'CZ' | 'CU' | 'CO' | 'CJ' | 'CS_officer' | 'CS_leader' | 'CS_committee1' | 'CL';
export type PreRegistrationKind = 'PZ' | 'PU' | 'PJ' | 'PL';

/** What the builders need from the fixture cache: the flow, the kinds' subjects, the L County unit. */
export type Builder = {
  flow: ToleranceFlow;
  subjectOf(kind: 'U' | 'J' | 'L'): Promise<string>;
  lUnit: string;
};
export type Built = { id: string; fileId?: string; documentId?: string; documentCode?: string };

const DAY = 86_400_000;
const FAR_PAST = new Set<CorrectionStage>(['overdue', 'look_back_due', 'looked_back']);

/** The responsible unit, the cadre named and the officer who orders it (an unrelated one for 县纪委监委). */
async function order(
  b: Builder,
  kind: CorrectionKind,
): Promise<{ unit: string; cadre: string; officer: string }> {
  const own = (key: 'officer' | 'leader' | 'committee1') => ({
    unit: DEMO_PEOPLE.officer.unitId,
    cadre: DEMO_PEOPLE[key].cadreId,
    officer: 'officer2',
  });
  switch (kind) {
    case 'CZ':
      return { unit: DEMO_PEOPLE.cadre.unitId, cadre: DEMO_PEOPLE.cadre.cadreId, officer: 'officer' };
    case 'CU':
      return { unit: DEMO_PEOPLE.unitLeader.unitId, cadre: await b.subjectOf('U'), officer: 'officer' };
    case 'CO':
      return { unit: DEMO_PEOPLE.orgDept.unitId, cadre: DEMO_PEOPLE.orgDept.cadreId, officer: 'officer' };
    case 'CJ':
      return { unit: DEMO_PEOPLE.officer.unitId, cadre: await b.subjectOf('J'), officer: 'officer2' };
    case 'CL':
      return { unit: b.lUnit, cadre: await b.subjectOf('L'), officer: 'officer_l' };
    case 'CS_officer':
      return own('officer');
    case 'CS_leader':
      return own('leader');
    case 'CS_committee1':
      return own('committee1');
  }
}

async function upload(b: Builder, url: string, user: string): Promise<string> {
  const body = multipart('整改佐证.pdf', tinyPdf('整改佐证'), 'application/pdf');
  const s = await b.flow.session(user);
  const res = await b.flow.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, ...s.headers },
    cookies: s.cookies,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ file: { id: string } }>().file.id;
}

/** A standalone correction order in the stage (opened long ago for the stages its clocks must have passed). */
export async function driveCorrection(
  b: Builder,
  kind: CorrectionKind,
  stage: CorrectionStage,
): Promise<Built> {
  const { flow } = b;
  const clock = flow.platform.clock;
  const now = clock.now();
  const o = await order(b, kind);
  if (FAR_PAST.has(stage)) clock.set(new Date(now.getTime() - 200 * DAY));
  try {
    const res = await flow.post(o.officer, '/api/corrections', {
      title: `授权矩阵纠错 ${kind} ${stage}`,
      problem: '项目资金拨付程序不规范。',
      responsibleUnitId: o.unit,
      responsiblePerson: '单位负责人',
      subjectCadreId: o.cadre,
      measures: '完善资金拨付审批流程',
      deadlineWorkingDays: stage === 'overdue' ? 1 : 20,
    });
    expect(res.statusCode, res.body).toBe(201);
    const built: Built = { id: res.json<{ id: string }>().id };
    const url = `/api/corrections/${built.id}/actions/`;
    if (stage === 'rectifying' || stage === 'overdue') return built;
    if (stage === 'escalated') {
      await post(flow, o.officer, `${url}record_refusal`, { facts: '单位明确表示不予整改' });
      return built;
    }
    await post(flow, o.officer, `${url}report_completion`, { report: '已完成整改' });
    if (stage === 'awaiting_acceptance') return built;
    built.fileId = await upload(b, `/api/corrections/${built.id}/evidence`, o.officer);
    if (stage === 'evidenced') return built;
    await post(flow, o.officer, `${url}accept_rectification`, { findings: '整改到位' });
    if (stage === 'observing' || stage === 'look_back_due') return built;
    clock.set(now);
    await post(flow, o.officer, `${url}look_back`, { result: 'sustained', findings: '整改成效巩固' });
    return built;
  } finally {
    clock.set(now);
  }
}

async function post(flow: ToleranceFlow, user: string, url: string, body: object): Promise<void> {
  const res = await flow.post(user, url, body);
  expect(res.statusCode, `${user} ${url}: ${res.body}`).toBe(200);
}

/** Who files a pre-registration of the kind, for which unit, and which officer reviews it. */
function filer(
  b: Builder,
  kind: PreRegistrationKind,
): { user: string; route: 'own_filing' | 'unit_filing'; officer: string } {
  switch (kind) {
    case 'PZ':
      return { user: 'cadre', route: 'own_filing', officer: 'officer' };
    case 'PU':
      return { user: 'unit', route: 'unit_filing', officer: 'officer' };
    case 'PJ':
      return { user: 'unit_j', route: 'unit_filing', officer: 'officer2' };
    case 'PL':
      return { user: 'unit_l', route: 'unit_filing', officer: 'officer_l' };
  }
}

/** A filing body: an initiative planned a month ahead. */
export function filingBody(today: string, extra: object = {}): object {
  const planned = new Date(new Date(`${today}T00:00:00Z`).getTime() + 30 * DAY).toISOString().slice(0, 10);
  return {
    title: '村集体土地经营权入股试点',
    description: '以村集体土地经营权入股农业企业。',
    legalGap: '现行规定未明确入股程序。',
    risks: [{ risk: '集体资产流失', controls: '第三方评估作价' }],
    plannedStartOn: planned,
    ...extra,
  };
}

/** A pre-registration in the stage: a draft, filed, returned with reasons, or acknowledged with its receipt. */
export async function drivePreRegistration(
  b: Builder,
  kind: PreRegistrationKind,
  stage: PreRegistrationStage,
): Promise<Built> {
  const { flow } = b;
  const f = filer(b, kind);
  const res = await flow.post(
    f.user,
    '/api/pre-registrations',
    filingBody(flow.today(), { route: f.route, submit: stage !== 'filing_draft' }),
  );
  expect(res.statusCode, res.body).toBe(201);
  const built: Built = { id: res.json<{ id: string }>().id };
  const url = `/api/pre-registrations/${built.id}/actions/`;
  if (stage === 'returned')
    await post(flow, f.officer, `${url}return_filing`, { reasons: '风险防控措施不具体' });
  if (stage === 'acknowledged') {
    await post(flow, f.officer, `${url}acknowledge`, {});
    const detail = (await flow.get(f.officer, `/api/pre-registrations/${built.id}`)).json<{
      documents: { id: string; code: string }[];
    }>();
    built.documentId = detail.documents[0]?.id;
    built.documentCode = detail.documents[0]?.code;
  }
  return built;
}
