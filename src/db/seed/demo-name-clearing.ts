/**
 * Demo name clearings (澄清正名) in K County, made by running the real use cases on a clock that walks
 * through the past weeks (like demo-matters.ts), so every clearing has a true timeline, a signed
 * letter where one was issued and an intact audit chain:
 * - a township cadre repeatedly and falsely accused: cleared at the Party committee's meeting with
 *   their consent, the letter issued, the accuser referred as malicious, a correction recommended to
 *   the organisation department, copied and filed;
 * - 张明 (the demo cadre), reported during his promotion inspection: the trigger check calls for
 *   clearing and the commission awaits his consent — he can give it in the app;
 * - a bureau cadre whose clearing plan awaits the principal leader's approval;
 * - a township cadre's approved clearing not carried out in time: overdue;
 * - an untrue report that did no harm (a Jiangxi exclusion): not cleared, the accuser found mistaken.
 */
import type { Deps } from '../../app/deps.ts';
import { fixedClock } from '../../clock.ts';
import type { NameClearingActionBodies, OpenNameClearingBody } from '../../contracts/name-clearing.ts';
import { toBeijingDate } from '../../domain/calendar/local-date.ts';
import type { NameClearingAction } from '../../domain/name-clearing/procedure.ts';
import { openNameClearing } from '../../usecases/name-clearing/open-name-clearing.ts';
import { performNameClearingAction } from '../../usecases/name-clearing/perform-name-clearing-action.ts';
import { loadPrincipal, type UserWithGrants } from '../queries/principal.ts';
import { DEMO_PEOPLE, generateKCounty } from './k-county.ts';

const DAY_MS = 86_400_000;

type Step = {
  [A in NameClearingAction]: {
    day: number;
    as: string;
    action: A;
    body: (date: string) => NameClearingActionBodies[A];
  };
}[NameClearingAction];

type Scenario = {
  /** Days before today the accusation was concluded untrue and the clearing opened. */
  startsDaysAgo: number;
  /** 'cadre' (张明) or a unit code (its first in-office cadre who is not a demo user). */
  subject: string;
  opening: (date: string, receivedOn: string) => Omit<OpenNameClearingBody, 'subjectCadreId'>;
  steps: Step[];
};

const step = <A extends NameClearingAction>(
  day: number,
  as: string,
  action: A,
  body: (date: string) => NameClearingActionBodies[A],
): Step => ({ day, as, action, body }) as Step;

const inPerson = (date: string) => ({ consultedVia: 'in_person' as const, consultedOn: date });

const SCENARIOS: Scenario[] = [
  {
    startsDaysAgo: 45,
    subject: 'K-U032',
    opening: (date, receivedOn) => ({
      source: 'complaint_record',
      complaintNumber: 'K信〔2026〕37号',
      receivedOn,
      concludedOn: date,
      finding: 'fabricated',
      allegation: '在土地流转中私自收取村民流转费',
      conclusion:
        '经调取镇村两级土地流转合同和资金往来账目、与流转农户及合作社负责人逐一谈话，流转费均由合作社直接转入农户账户，当事人未经手任何资金，所反映问题查无实据，系捏造事实。',
      accuser: {
        anonymous: false,
        name: '周某某',
        contact: '13800000037',
        note: '实名来信三次，内容基本相同',
      },
    }),
    steps: [
      step(1, 'officer', 'check_triggers', () => ({
        triggers: ['T2', 'T3'],
        exclusions: [],
        analysis: '同一问题已有明确结论后仍被反复举报，当事人正常工作受到较大影响，应予澄清正名。',
      })),
      step(3, 'officer', 'record_consent', (date) => ({
        forms: ['written', 'meeting'],
        scope: 'unit',
        opinion: '同意在镇范围内澄清，不希望在媒体上公开。',
        ...inPerson(date),
      })),
      step(4, 'officer', 'submit_for_approval', () => ({
        forms: ['written', 'meeting'],
        scope: 'party_organisation',
        arrangements: '在西河镇党委会议上宣读澄清正名书，并向镇党委书记当面说明核查情况。',
      })),
      step(5, 'leader', 'approve', () => ({ opinion: '同意澄清方案，按时限办理。' })),
      step(9, 'officer', 'execute', (date) => ({
        forms: ['written', 'meeting'],
        scope: 'party_organisation',
        executedOn: date,
        details: '在西河镇党委会议上宣读了澄清正名书，并向本人送达。',
      })),
      step(10, 'officer', 'handle_accuser', () => ({
        classification: 'malicious',
        reasons: '举报人在问题已有明确结论后，仍捏造事实反复举报，意图影响当事人正常履职，涉嫌诬告陷害。',
        referredTo: 'case_review',
      })),
      step(10, 'officer', 'order_correction', () => ({
        route: 'recommend',
        wrongHandling: '因该举报，当事人年度评先评优推荐被暂缓。',
        recommendTo: '中共K县委组织部',
        recommendation: '建议恢复其年度评先评优推荐资格，不受该不实举报影响。',
      })),
      step(11, 'officer', 'archive', () => ({
        integrityFileRef: 'K廉档〔2026〕112号',
        note: '已抄送县委组织部并存入廉政档案。',
      })),
    ],
  },
  {
    startsDaysAgo: 6,
    subject: 'cadre',
    opening: (date, receivedOn) => ({
      source: 'complaint_record',
      complaintNumber: 'K信〔2026〕58号',
      receivedOn,
      concludedOn: date,
      finding: 'untrue',
      allegation: '在高标准农田建设项目验收中接受施工单位宴请',
      conclusion:
        '经调阅验收记录、核查当日行程并与施工单位负责人谈话，当事人验收当日按规定在单位食堂就餐，所反映问题不属实。',
      accuser: { anonymous: true, note: '匿名信件，寄至县纪委监委信访室' },
    }),
    steps: [
      step(1, 'officer', 'check_triggers', () => ({
        triggers: ['T1'],
        exclusions: [],
        analysis:
          '举报发生在当事人作为拟提拔人选考察期间，其选拔任用可能受到影响，应予澄清正名，请征求本人意见。',
      })),
    ],
  },
  {
    startsDaysAgo: 12,
    subject: 'K-U018',
    opening: (date, receivedOn) => ({
      source: 'officer_entry',
      receivedOn,
      concludedOn: date,
      finding: 'seriously_untrue',
      allegation: '在农村公路养护工程中指定施工单位',
      conclusion: '经核查，相关养护工程均通过公开招标确定施工单位，当事人未参与评标，所反映问题严重失实。',
      accuser: { anonymous: false, name: '吴某', contact: '13900000018' },
    }),
    steps: [
      step(1, 'officer', 'check_triggers', () => ({
        triggers: ['T2'],
        exclusions: [],
        analysis: '举报在局内广泛传播，当事人正常工作受到不良影响，应予澄清。',
      })),
      step(4, 'officer', 'record_consent', (date) => ({
        forms: ['written', 'face_to_face'],
        scope: 'party_organisation',
        consultedVia: 'phone',
        consultedOn: date,
      })),
      step(5, 'officer', 'submit_for_approval', () => ({
        forms: ['written', 'face_to_face'],
        scope: 'party_organisation',
        arrangements: '向本人送达澄清正名书，并向局党组书记当面说明核查情况。',
      })),
    ],
  },
  {
    startsDaysAgo: 42,
    subject: 'K-U035',
    opening: (date, receivedOn) => ({
      source: 'complaint_record',
      complaintNumber: 'K信〔2026〕41号',
      receivedOn,
      concludedOn: date,
      finding: 'untrue',
      allegation: '违规为亲属办理农村低保',
      conclusion: '经入户核查并调阅低保审批档案，当事人亲属不在低保名单中，所反映问题不属实。',
      accuser: { anonymous: true },
    }),
    steps: [
      step(2, 'officer', 'check_triggers', () => ({
        triggers: ['T2'],
        exclusions: [],
        analysis: '举报在村民中广泛传播，当事人开展工作受到阻碍，应予澄清。',
      })),
      step(6, 'officer', 'record_consent', (date) => ({
        forms: ['written', 'meeting'],
        scope: 'unit',
        ...inPerson(date),
      })),
      step(7, 'officer', 'submit_for_approval', () => ({
        forms: ['meeting'],
        scope: 'unit',
        arrangements: '在青石镇干部职工大会上通报核查结论。',
      })),
      step(9, 'leader', 'approve', () => ({})),
    ],
  },
  {
    startsDaysAgo: 60,
    subject: 'K-U028',
    opening: (date, receivedOn) => ({
      source: 'officer_entry',
      receivedOn,
      concludedOn: date,
      finding: 'untrue',
      allegation: '在医疗设备采购中收受回扣',
      conclusion: '经核查采购档案和资金流向，设备采购经公开招标，未发现当事人收受回扣，所反映问题不属实。',
      accuser: { anonymous: false, name: '郑某', note: '曾参与投标未中标的供应商员工' },
    }),
    steps: [
      step(2, 'officer', 'check_triggers', () => ({
        triggers: [],
        exclusions: ['E1'],
        analysis: '举报仅向县纪委监委反映，未在单位内传播，当事人未受到不良影响，不予澄清正名。',
      })),
      step(3, 'officer', 'handle_accuser', () => ({
        classification: 'mistaken',
        reasons: '举报人因不了解招标评分规则而产生误解，无捏造事实的故意，属于错告，已进行批评教育。',
      })),
      step(4, 'officer', 'close', () => ({ note: '不予澄清，已向本人反馈核查结论。' })),
    ],
  },
];

export async function loadDemoNameClearings(deps: Deps): Promise<number> {
  const data = generateKCounty();
  const users = new Map<string, UserWithGrants>();
  for (const username of ['officer', 'leader', 'cadre']) {
    const row = await deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    users.set(username, (await loadPrincipal(deps.db, row.id))!);
  }
  const demoIds = new Set(Object.values(DEMO_PEOPLE).map((p) => p.cadreId));
  const subjectOf = (ref: string) => {
    if (ref === 'cadre') return DEMO_PEOPLE.cadre.cadreId;
    const unit = data.units.find((u) => u.code === ref)!;
    return data.cadres.find((c) => c.unit_id === unit.id && !demoIds.has(c.id) && c.status === 'in_office')!
      .id;
  };
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const seeded: Deps = { ...deps, clock };
  let count = 0;
  for (const s of SCENARIOS) {
    const start = new Date(realNow.getTime() - s.startsDaysAgo * DAY_MS);
    start.setUTCHours(2, 0, 0, 0); // 10:00 Beijing
    clock.set(start);
    const date = toBeijingDate(start);
    const receivedOn = toBeijingDate(new Date(start.getTime() - 30 * DAY_MS));
    const { id } = await openNameClearing(seeded, users.get('officer')!, {
      subjectCadreId: subjectOf(s.subject),
      ...s.opening(date, receivedOn),
    });
    for (const [i, st] of s.steps.entries()) {
      const at = new Date(start.getTime() + st.day * DAY_MS + 60_000 * i);
      clock.set(at);
      await performNameClearingAction(
        seeded,
        users.get(st.as)!,
        id,
        st.action,
        st.body(toBeijingDate(at)) as never,
      );
    }
    count += 1;
  }
  return count;
}
