/**
 * Demo tolerance matters in (nearly) every state, made by running the real use cases with a clock
 * that walks through the past weeks — so every matter has a true timeline, true documents and an
 * intact audit chain, exactly as if K County had worked them.
 */
import type { Deps } from '../../app/deps.ts';
import { fixedClock } from '../../clock.ts';
import type { ActionBodies } from '../../contracts/tolerance.ts';
import type { ToleranceAction } from '../../domain/tolerance/procedure.ts';
import { loadPrincipal, type UserWithGrants } from '../queries/principal.ts';
import { openMatter } from '../../usecases/tolerance/open-matter.ts';
import { performAction } from '../../usecases/tolerance/perform-action.ts';
import { generateKCounty, DEMO_PEOPLE } from './k-county.ts';

type Step = { [A in ToleranceAction]: { day: number; as: string; action: A; body: ActionBodies[A] } }[ToleranceAction];
type Scenario = {
  /** Days before today the matter starts. */
  startsDaysAgo: number;
  route: 'own_application' | 'unit_application' | 'ex_officio';
  opener: string;
  /** 'cadre' (张明), 'unit:N' (the N-th other cadre of 李华's unit), or a unit code (its first cadre). */
  subject: string;
  title: string;
  summary: string;
  submit?: boolean;
  steps: Step[];
};

const GOOD_FACTS = {
  conductDate: '2025-06-10',
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: ['M1', 'M3'],
  aggravating: [],
} as const;

const MITIGATE_FACTS = { ...GOOD_FACTS, gates: { ...GOOD_FACTS.gates, G3: 'no' }, situations: ['S2'], breachOutstanding: true } as const;
const REFUSE_FACTS = { ...GOOD_FACTS, gates: { ...GOOD_FACTS.gates, G1: false } } as const;

/** What verification typically establishes; one paragraph per finding. */
const FINDINGS =
  '经调阅相关会议记录和审批材料、实地查看项目现场、与当事人及相关人员谈话，查明：当事人所作决定经单位集体研究，' +
  '出发点是推动工作落实、维护群众利益，未发现为本人或他人谋取私利的情况；相关损失已于事后及时挽回，未造成恶劣社会影响。';

const accept = (day: number): Step => ({ day, as: 'officer', action: 'accept', body: {} });
const facts = (day: number, f: typeof GOOD_FACTS | typeof MITIGATE_FACTS | typeof REFUSE_FACTS, findings: string): Step => ({
  day,
  as: 'officer',
  action: 'record_facts',
  body: { facts: { ...f, gates: { ...f.gates }, situations: [...f.situations], exclusions: [], mitigating: [...f.mitigating], aggravating: [] } as never, findings },
});
const propose = (day: number, outcome: 'exempt' | 'mitigate' | 'refuse', analysis: string, measure?: string): Step => ({
  day,
  as: 'officer',
  action: 'propose',
  body: {
    outcome,
    analysis,
    ...(measure ? { measure } : {}),
    ...(outcome === 'mitigate' ? { correctionOrder: { measures: '完善集体决策程序，补办相关手续', responsible: '所在单位主要负责人', deadlineWorkingDays: 20 } } : {}),
  },
});
const meeting = (day: number): Step[] => [
  { day, as: 'leader', action: 'convene_meeting', body: { heldOn: '', present: [] } },
];
const votes = (day: number, vote: 'exempt' | 'mitigate' | 'refuse', who = ['leader', 'committee1', 'committee2', 'committee3']): Step[] =>
  who.map((as) => ({ day, as, action: 'cast_vote', body: { vote, opinion: '同意承办部门意见。' } }) as Step);
const decide = (day: number, measure?: string): Step => ({
  day,
  as: 'leader',
  action: 'decide',
  body: {
    minutes: '常委会听取承办部门汇报，经充分讨论，按照少数服从多数原则表决通过。',
    ...(measure ? { measure, correctionOrder: { measures: '完善集体决策程序，补办相关手续', responsible: '所在单位主要负责人', deadlineWorkingDays: 20 } } : {}),
  },
});
const toDecision = (start: number, outcome: 'exempt' | 'mitigate' | 'refuse', applied = true): Step[] => {
  const f = outcome === 'exempt' ? GOOD_FACTS : outcome === 'mitigate' ? MITIGATE_FACTS : REFUSE_FACTS;
  const measure = outcome === 'mitigate' ? '对其进行批评教育，免予问责' : undefined;
  return [
    ...(applied ? [accept(start + 1)] : []),
    facts(start + 12, f, FINDINGS),
    propose(start + 15, outcome, '经对照“三个区分开来”，当事人出于公心、为推动工作，未谋取私利。', measure),
    ...meeting(start + 18),
    ...votes(start + 18, outcome),
    decide(start + 18, measure),
  ];
};

const SCENARIOS: Scenario[] = [
  { startsDaysAgo: 2, route: 'own_application', opener: 'cadre', subject: 'cadre', title: '关于高标准农田建设项目提前开工的容错申请', summary: '为赶在雨季前完成灌溉渠道施工，在用地审批手续未全部办结时组织提前进场……', steps: [] },
  { startsDaysAgo: 4, route: 'own_application', opener: 'cadre', subject: 'cadre', submit: true, title: '关于村级光伏项目选址调整的容错申请', summary: '根据群众意见调整光伏板选址，未及时报请原审批部门变更……', steps: [] },
  { startsDaysAgo: 9, route: 'ex_officio', opener: 'officer', subject: 'K-U009', title: '对问责线索开展容错情形审查（财政资金拨付）', summary: '问责线索反映县财政局在疫情防控物资采购中先行拨付资金，需审查是否符合容错情形。', steps: [{ day: 2, as: 'officer', action: 'add_task', body: { kind: 'interview', description: '与当事人谈话，了解拨付决策过程' } }] },
  { startsDaysAgo: 60, route: 'ex_officio', opener: 'officer', subject: 'K-U013', title: '对问责线索开展容错情形审查（校舍改造招标）', summary: '反映在校舍抗震改造中简化招标程序。', steps: [] },
  { startsDaysAgo: 30, route: 'ex_officio', opener: 'officer', subject: 'K-U010', title: '自然资源局土地整理项目容错审查', summary: '土地整理项目先行实施。', steps: [facts(12, GOOD_FACTS, FINDINGS), propose(15, 'exempt', '符合免责情形。')] },
  { startsDaysAgo: 45, route: 'ex_officio', opener: 'officer', subject: 'K-U014', title: '卫生健康系统应急采购容错审查', summary: '突发公共卫生事件中临机采购。', steps: [facts(10, GOOD_FACTS, FINDINGS), propose(12, 'exempt', '临机处置，事后报告。'), ...meeting(14), ...votes(14, 'exempt', ['committee1', 'committee2'])] },
  { startsDaysAgo: 50, route: 'ex_officio', opener: 'officer', subject: 'K-U011', title: '住建局老旧小区改造容错审查', summary: '老旧小区改造中先施工后补手续。', steps: [facts(10, GOOD_FACTS, FINDINGS), propose(12, 'exempt', '符合情形。'), ...meeting(14), ...votes(14, 'exempt'), decide(14)] },
  {
    startsDaysAgo: 40,
    route: 'own_application',
    opener: 'cadre',
    subject: 'cadre',
    submit: true,
    title: '关于农产品产销对接活动先行垫付费用的容错申请',
    summary: '为帮助滞销农产品打开销路，先行垫付展会费用，后经集体研究补办手续。',
    steps: [...toDecision(0, 'exempt'), { day: 20, as: 'officer', action: 'notify', body: {} }, { day: 21, as: 'cadre', action: 'acknowledge_receipt', body: {} }],
  },
  {
    startsDaysAgo: 75,
    route: 'own_application',
    opener: 'cadre',
    subject: 'cadre',
    submit: true,
    title: '关于合作社扶持资金提前拨付的容错申请',
    summary: '为赶农时，在合作社验收材料未齐备时提前拨付扶持资金。',
    steps: [
      ...toDecision(0, 'mitigate'),
      { day: 20, as: 'officer', action: 'notify', body: {} },
      { day: 22, as: 'cadre', action: 'acknowledge_receipt', body: {} },
      { day: 30, as: 'cadre', action: 'appeal', body: { appealType: 'party_accountability', contested: 'tolerance', grounds: '本人已主动挽回全部损失，请求认定为免责。' } },
    ],
  },
  {
    startsDaysAgo: 70,
    route: 'ex_officio',
    opener: 'officer',
    subject: 'K-U015',
    title: '市场监管局企业帮扶措施容错审查',
    summary: '为稳住企业，先行出台临时帮扶措施。',
    steps: [
      facts(10, GOOD_FACTS, FINDINGS),
      propose(12, 'exempt', '符合情形。'),
      ...meeting(14),
      ...votes(14, 'exempt'),
      decide(14),
      { day: 15, as: 'officer', action: 'notify', body: {} },
      { day: 16, as: 'officer', action: 'record_delivery', body: { deliveredOn: '', method: 'in_person' } },
      { day: 18, as: 'officer', action: 'file_with_higher', body: {} },
    ],
  },
  { startsDaysAgo: 120, route: 'unit_application', opener: 'unit', subject: 'unit:1', submit: true, title: '水利设施抢修容错申请', summary: '汛期抢修水利设施。', steps: [...toDecision(0, 'exempt'), { day: 20, as: 'officer', action: 'notify', body: {} }, { day: 21, as: 'officer', action: 'record_delivery', body: { deliveredOn: '', method: 'in_person' } }, { day: 22, as: 'officer', action: 'file_with_higher', body: {} }, { day: 60, as: 'officer', action: 'close', body: {} }] },
  { startsDaysAgo: 110, route: 'ex_officio', opener: 'officer', subject: 'K-U018', title: '交通运输局农村公路养护容错审查', summary: '未经集体研究调整养护资金用途。', steps: [facts(8, MITIGATE_FACTS, FINDINGS), propose(10, 'mitigate', '程序存在瑕疵，但出于公心。', '对其进行批评教育，免予问责'), ...meeting(12), ...votes(12, 'mitigate'), decide(12, '对其进行批评教育，免予问责'), { day: 13, as: 'officer', action: 'notify', body: {} }, { day: 14, as: 'officer', action: 'record_delivery', body: { deliveredOn: '', method: 'in_person' } }, { day: 60, as: 'officer', action: 'close', body: {} }] },
  { startsDaysAgo: 100, route: 'ex_officio', opener: 'officer', subject: 'K-U022', title: '养老服务补贴发放问题容错审查', summary: '向不符合条件人员发放补贴。', steps: [facts(8, REFUSE_FACTS, '经核查，当事人在未经集体研究的情况下，为不符合条件的亲属办理补贴，存在为他人谋取利益情形。'), propose(10, 'refuse', '不符合容错条件。'), ...meeting(12), ...votes(12, 'refuse'), decide(12), { day: 13, as: 'officer', action: 'notify', body: {} }, { day: 14, as: 'officer', action: 'record_delivery', body: { deliveredOn: '', method: 'in_person' } }, { day: 60, as: 'officer', action: 'close', body: {} }] },
  { startsDaysAgo: 20, route: 'unit_application', opener: 'unit', subject: 'unit:2', submit: true, title: '文旅项目宣传费用容错申请', summary: '项目宣传费用超出预算。', steps: [{ day: 3, as: 'officer', action: 'refuse_acceptance', body: { reasons: '所反映问题不属于问责程序范围，不需启动容错程序。' } }] },
  { startsDaysAgo: 15, route: 'unit_application', opener: 'unit', subject: 'unit:3', submit: true, title: '社区网格化管理经费容错申请', summary: '网格员补贴提前发放。', steps: [{ day: 2, as: 'officer', action: 'request_supplement', body: { items: '请补充提供集体研究会议纪要及经费拨付凭证。' } }] },
  { startsDaysAgo: 12, route: 'unit_application', opener: 'unit', subject: 'unit:4', submit: true, title: '街道夜市临时占道经营容错申请', summary: '为促进夜间经济临时允许占道经营。', steps: [{ day: 3, as: 'unit', action: 'withdraw', body: { reason: '经与纪委沟通，该事项不属于问责范围，撤回申请。' } }] },
  { startsDaysAgo: 25, route: 'ex_officio', opener: 'officer', subject: 'K-U029', title: '国有企业投资项目容错审查', summary: '国有企业对外投资决策。', steps: [{ day: 5, as: 'leader', action: 'suspend', body: { reason: '等待审计结论。' } }] },
  { startsDaysAgo: 35, route: 'ex_officio', opener: 'officer', subject: 'K-U010', title: '征地拆迁补偿问题容错审查', summary: '征地补偿标准执行问题。', steps: [{ day: 8, as: 'leader', action: 'convert', body: { reason: '核查发现涉嫌违纪违法，转为纪律审查。' } }] },
  // 偏离提示: facts like the exempted matters above (all gates met, S3), yet the committee mitigates —
  // the proposal and the decision record that they differ from the settled practice, and why. Last,
  // so the matters it is compared with are decided by the time it is.
  {
    startsDaysAgo: 26,
    route: 'ex_officio',
    opener: 'officer',
    subject: 'K-U016',
    title: '乡村振兴衔接资金先行调度容错审查',
    summary: '为保障产业项目按期开工，在资金调整方案未经县级审批前先行调度衔接资金，事后补办审批手续。',
    steps: [
      facts(8, GOOD_FACTS, FINDINGS),
      {
        day: 10,
        as: 'officer',
        action: 'propose',
        body: {
          outcome: 'mitigate',
          analysis: '当事人出于公心推动产业项目，但先行调度资金的数额较大、持续时间较长，拟从轻处理。',
          measure: '对其进行诫勉谈话',
          departureReason: '资金调度数额较大，虽已补办手续，仍宜以减责体现纪律要求。',
          divergenceReason: '同类已决事项多为免责，但本事项调度资金数额和持续时间明显超过以往事项，故拟减责。',
        },
      },
      ...meeting(12),
      ...votes(12, 'mitigate'),
      {
        day: 12,
        as: 'leader',
        action: 'decide',
        body: {
          minutes: '常委会听取承办部门汇报，认为本事项资金数额较大，与以往同类事项情节不同，经表决予以减责。',
          measure: '对其进行诫勉谈话',
          departureReason: '资金调度数额较大，虽已补办手续，仍宜以减责体现纪律要求。',
        },
      },
    ],
  },
];

export async function loadDemoMatters(deps: Deps): Promise<number> {
  const data = generateKCounty();
  const usernames = ['officer', 'leader', 'committee1', 'committee2', 'committee3', 'committee4', 'committee5', 'cadre', 'unit', 'supervisor'];
  const users = new Map<string, UserWithGrants>();
  for (const username of usernames) {
    const row = await deps.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    users.set(username, (await loadPrincipal(deps.db, row.id))!);
  }
  const present = ['leader', 'committee1', 'committee2', 'committee3', 'committee4'].map((u) => users.get(u)!.userId);
  /** The first in-office cadre of a unit code who is not a demo user. */
  const demoIds = new Set(Object.values(DEMO_PEOPLE).map((p) => p.cadreId));
  const unitLeaderUnit = DEMO_PEOPLE.unitLeader.unitId;
  const subjectOf = (ref: string) => {
    if (ref === 'cadre') return DEMO_PEOPLE.cadre.cadreId;
    if (ref.startsWith('unit:')) {
      const colleagues = data.cadres.filter((c) => c.unit_id === unitLeaderUnit && !demoIds.has(c.id) && c.status === 'in_office');
      return colleagues[Number(ref.slice(5)) % colleagues.length]!.id;
    }
    const unit = data.units.find((u) => u.code === ref)!;
    return data.cadres.find((c) => c.unit_id === unit.id && !demoIds.has(c.id) && c.status === 'in_office')!.id;
  };
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const seeded: Deps = { ...deps, clock };
  const dayMs = 86_400_000;
  let count = 0;
  for (const s of SCENARIOS) {
    const start = new Date(realNow.getTime() - s.startsDaysAgo * dayMs);
    start.setUTCHours(1, 30, 0, 0); // 09:30 Beijing
    clock.set(start);
    const { id } = await openMatter(seeded, users.get(s.opener)!, {
      route: s.route,
      subjectCadreId: subjectOf(s.subject),
      title: s.title,
      summary: s.summary,
      conductDate: '2025-06-10',
      submit: s.submit ?? false,
    });
    for (const step of s.steps) {
      const at = new Date(start.getTime() + step.day * dayMs + 60_000 * count);
      clock.set(at);
      const date = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const body =
        step.action === 'convene_meeting'
          ? { ...step.body, heldOn: date, present }
          : step.action === 'record_delivery'
            ? { ...step.body, deliveredOn: date }
            : step.body;
      await performAction(seeded, users.get(step.as)!, id, step.action, body as never);
    }
    count += 1;
  }
  return count;
}
