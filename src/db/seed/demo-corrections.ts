/**
 * Demo pre-registrations (事前报备) and corrections (纠错) in K County, made by running the real use
 * cases on a clock that walks through the past months (like demo-matters.ts), so every filing and
 * every order has a true timeline, signed documents and an intact audit chain:
 * - 城关镇 files a land-share pilot with its minutes attached, acknowledged the next day with its
 *   sealed receipt; a later tolerance matter on the pilot links to the filing, so the engine's
 *   `preRegistration` fact comes from the link, not from what the officer typed;
 * - 城关镇 files a night-market initiative that has waited past its one-working-day first review;
 * - 张明's own filing, returned with reasons — he can revise and file it again in the app;
 * - corrections: 城关镇 rectifying with a progress report (李华 can report in the app); a bureau's
 *   rectification accepted on evidence and awaiting its look-back; a bureau's order escalated to the
 *   leader as overdue; a township's order closed after the look-back held;
 * - a tolerance decision whose correction was escalated as overdue, reopened by the leader.
 */
import type { Deps } from '../../app/deps.ts';
import { fixedClock } from '../../clock.ts';
import type { ActionBodies } from '../../contracts/tolerance.ts';
import type { CorrectionActionBodies } from '../../contracts/correction.ts';
import type { OpenPreRegistrationBody } from '../../contracts/pre-registration.ts';
import { startOfBeijingDay, toBeijingDate } from '../../domain/calendar/local-date.ts';
import type { CorrectionAction } from '../../domain/correction/procedure.ts';
import type { ToleranceAction } from '../../domain/tolerance/procedure.ts';
import { tinyPdf } from '../../uploads/test-files.ts';
import { openCorrection } from '../../usecases/correction/open-correction.ts';
import {
  addCorrectionEvidence,
  performCorrectionAction,
} from '../../usecases/correction/perform-correction-action.ts';
import { openPreRegistration } from '../../usecases/pre-registration/open-pre-registration.ts';
import {
  addPreRegistrationAttachment,
  performPreRegistrationAction,
} from '../../usecases/pre-registration/perform-pre-registration-action.ts';
import { openMatter } from '../../usecases/tolerance/open-matter.ts';
import { performAction } from '../../usecases/tolerance/perform-action.ts';
import { loadPrincipal, type UserWithGrants } from '../queries/principal.ts';
import { DEMO_PEOPLE, generateKCounty } from './k-county.ts';

const DAY_MS = 86_400_000;

/** Facts of a tolerable initiative, as verification establishes them (the K County policy's gates). */
const GOOD_FACTS = {
  gates: { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true },
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
  mitigating: ['M1'],
  aggravating: [],
} as const;

const LAND_SHARE_FILING = {
  route: 'unit_filing',
  title: '村集体土地经营权入股农业企业试点',
  description: '拟以城关镇三个村的集体土地经营权入股县内农业龙头企业，按股分红，增加村集体收入。',
  category: '改革创新',
  legalGap: '土地经营权入股的程序、收益分配和退出机制尚无县级规定。',
  risks: [
    {
      risk: '入股企业经营失败导致集体资产损失',
      controls: '设置保底收益，入股前经村民代表大会表决并进行资产评估',
    },
    { risk: '分红分配不公引发群众矛盾', controls: '分红方案经村民代表大会通过后公示七日' },
  ],
  responsiblePerson: '李华',
} as const;

export async function loadDemoCorrections(deps: Deps): Promise<number> {
  const data = generateKCounty();
  const users = new Map<string, UserWithGrants>();
  for (const username of ['officer', 'leader', 'committee1', 'committee2', 'committee3', 'cadre', 'unit']) {
    const row = await deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    users.set(username, (await loadPrincipal(deps.db, row.id))!);
  }
  const as = (username: string) => users.get(username)!;
  const demoIds = new Set(Object.values(DEMO_PEOPLE).map((p) => p.cadreId));
  const unitIdOf = (code: string) => data.units.find((u) => u.code === code)!.id;
  /** The first in-office cadre of a unit (by code) who is not a demo user. */
  const cadreOf = (code: string) =>
    data.cadres.find((c) => c.unit_id === unitIdOf(code) && !demoIds.has(c.id) && c.status === 'in_office')!
      .id;
  /** The n-th other in-office cadre of 李华's unit (demo-matters.ts uses 1–4). */
  const colleague = (n: number) => {
    const colleagues = data.cadres.filter(
      (c) => c.unit_id === DEMO_PEOPLE.unitLeader.unitId && !demoIds.has(c.id) && c.status === 'in_office',
    );
    return colleagues[n % colleagues.length]!.id;
  };

  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const seeded: Deps = { ...deps, clock };
  let minute = 0;
  /** Sets the clock to 09:30 Beijing time `days` before today (a minute later each call) and returns the day. */
  const dayOf = (days: number) => toBeijingDate(new Date(realNow.getTime() - days * DAY_MS));
  // 09:30 of the Beijing day (not of the UTC day: between 00:00 and 08:00 Beijing time they differ).
  const at = (days: number) => {
    const day = dayOf(days);
    clock.set(new Date(startOfBeijingDay(day).getTime() + 9.5 * 3600_000 + 60_000 * minute++));
    return day;
  };
  const pdf = (filename: string, description: string) => async () => ({
    bytes: tinyPdf(description),
    filename,
    description,
  });
  const tolerance = async <A extends ToleranceAction>(
    daysAgo: number,
    username: string,
    id: string,
    action: A,
    body: ActionBodies[A],
  ) => {
    at(daysAgo);
    await performAction(seeded, as(username), id, action, body as never);
  };
  const correct = async <A extends CorrectionAction>(
    daysAgo: number,
    username: string,
    id: string,
    action: A,
    body: CorrectionActionBodies[A],
  ) => {
    at(daysAgo);
    await performCorrectionAction(seeded, as(username), id, action, body);
  };

  // (a) Filed with its minutes, acknowledged with the sealed receipt; a later tolerance matter links to it.
  at(60);
  const landShare = await openPreRegistration(seeded, as('unit'), {
    ...LAND_SHARE_FILING,
    risks: LAND_SHARE_FILING.risks.map((r) => ({ ...r })),
    collectiveDecision: { body: '城关镇党委会', heldOn: dayOf(63), reference: '城党会〔演示〕3号' },
    plannedStartOn: dayOf(50),
    submit: false,
  });
  at(60);
  await addPreRegistrationAttachment(
    seeded,
    as('unit'),
    landShare.id,
    pdf('城关镇党委会会议纪要.pdf', '城关镇党委会研究土地经营权入股试点的会议纪要'),
  );
  at(60);
  await performPreRegistrationAction(seeded, as('unit'), landShare.id, 'submit', { note: '请予备案。' });
  at(59);
  await performPreRegistrationAction(seeded, as('officer'), landShare.id, 'acknowledge', {
    opinion: '风险防控措施基本可行。\n实施中请每月报告进展，发现风险及时报告。',
  });
  at(20);
  const pilot = await openMatter(seeded, as('unit'), {
    route: 'pre_registration',
    subjectCadreId: colleague(5),
    preRegistrationId: landShare.id,
    title: '关于土地经营权入股试点分红未达预期的容错申请',
    summary: '试点经事前报备后实施，入股企业受市场行情影响首年分红未达预期，被反映决策失误。',
    conductDate: dayOf(48),
    submit: true,
  });
  await tolerance(19, 'officer', pilot.id, 'accept', {});
  await tolerance(14, 'officer', pilot.id, 'record_facts', {
    // Typed as not filed: the link to the acknowledged filing decides the fact.
    facts: { ...GOOD_FACTS, conductDate: dayOf(48), situations: ['S2'], preRegistration: 'not_filed' } as never,
    findings: '入股试点经事前报备并予以备案，风险防控措施已按报备内容落实，分红不足系市场行情变化所致。',
  });

  // (b) Filed five days ago and still awaiting its first review (one working day): overdue.
  at(5);
  await openPreRegistration(seeded, as('unit'), {
    route: 'unit_filing',
    title: '城关镇夜间经济临时摊区试点',
    description: '拟在镇区两条道路设置夜间临时摊区，引导流动摊贩集中经营。',
    category: '改革创新',
    legalGap: '临时占道经营的审批主体和期限尚无明确规定。',
    risks: [{ risk: '占道经营影响交通和消防通道', controls: '划定摊位线，安排专人值守，22时后恢复通行' }],
    collectiveDecision: { body: '城关镇党委会', heldOn: dayOf(8) },
    plannedStartOn: dayOf(-10),
    responsiblePerson: '李华',
    submit: true,
  } satisfies OpenPreRegistrationBody);

  // (c) 张明's own filing, returned with reasons; he may revise it and file again.
  at(9);
  const solar = await openPreRegistration(seeded, as('cadre'), {
    route: 'own_filing',
    title: '村级光伏项目先行建设',
    description: '拟在村集体闲置屋顶先行建设分布式光伏，收益归村集体。',
    legalGap: '村集体屋顶光伏项目的备案和并网流程尚不明确。',
    risks: [{ risk: '并网审批未完成导致发电无法并网', controls: '与供电公司提前对接，先完成接入方案' }],
    plannedStartOn: dayOf(-25),
    submit: true,
  });
  at(8);
  await performPreRegistrationAction(seeded, as('officer'), solar.id, 'return_filing', {
    reasons: '未附村民代表大会或村两委集体研究的材料，请补充集体决策情况后重新报备。',
  });

  // (d1) 城关镇 rectifying, with a progress report from the unit.
  at(8);
  const rectifying = await openCorrection(seeded, as('officer'), {
    title: '城关镇村级资金垫付未履行审批手续纠错',
    problem: '城关镇部分村在抢收抢种中垫付村集体资金，未履行村级重大事项审批手续。',
    responsibleUnitId: DEMO_PEOPLE.unitLeader.unitId,
    responsiblePerson: '城关镇党委书记李华',
    subjectCadreId: colleague(6),
    measures: '补办村集体资金使用审批手续\n修订村级垫付资金管理办法',
    deadlineWorkingDays: 20,
  });
  await correct(3, 'unit', rectifying.id, 'report_progress', {
    progress: '已完成三个村审批手续补办，村级垫付资金管理办法正在征求意见。',
    percentDone: 60,
  });

  // (d2) A bureau's rectification accepted on evidence; the look-back period runs.
  at(50);
  const observing = await openCorrection(seeded, as('officer'), {
    title: '县农业农村局项目资金拨付程序不规范纠错',
    problem: '县农业农村局在农业产业项目资金拨付中未严格执行集体研究程序。',
    responsibleUnitId: unitIdOf('K-U012'),
    responsiblePerson: '县农业农村局局长',
    subjectCadreId: cadreOf('K-U012'),
    measures: '修订项目资金拨付管理办法\n对已拨付资金开展自查',
    deadlineWorkingDays: 20,
  });
  await correct(45, 'officer', observing.id, 'report_progress', {
    progress: '已起草项目资金拨付管理办法修订稿。',
    percentDone: 40,
  });
  at(30);
  await addCorrectionEvidence(
    seeded,
    as('officer'),
    observing.id,
    pdf('项目资金拨付管理办法.pdf', '县农业农村局项目资金拨付管理办法（修订）'),
  );
  await correct(30, 'officer', observing.id, 'report_completion', {
    report: '管理办法已经局党组会审议通过并印发，已拨付资金自查未发现新问题。',
  });
  await correct(28, 'officer', observing.id, 'accept_rectification', {
    findings: '经审阅修订后的管理办法和自查报告，整改措施已落实到位，验收通过。',
    method: 'document_review',
  });

  // (d3) A bureau's order escalated to the leader as overdue (10 working days, long past).
  at(60);
  const overdue = await openCorrection(seeded, as('officer'), {
    title: '县住房和城乡建设局老旧小区改造资料不全纠错',
    problem: '县住房和城乡建设局在老旧小区改造中先施工后补手续，相关审批资料至今未补齐。',
    responsibleUnitId: unitIdOf('K-U011'),
    responsiblePerson: '县住房和城乡建设局局长',
    measures: '补齐老旧小区改造项目审批资料\n建立项目手续办理台账',
    deadlineWorkingDays: 10,
  });
  await correct(50, 'officer', overdue.id, 'report_progress', {
    progress: '已梳理需补办手续的项目清单。',
    percentDone: 20,
  });
  await correct(5, 'officer', overdue.id, 'escalate', {
    note: '整改期限届满后经两次催办仍未报告整改完成，报请领导处理。',
  });

  // (d4) A township's order closed after the look-back found the rectification holding.
  at(150);
  const closed = await openCorrection(seeded, as('officer'), {
    title: '西河镇惠民资金公示不及时纠错',
    problem: '西河镇部分惠民资金发放后未按规定及时公示。',
    responsibleUnitId: unitIdOf('K-U032'),
    responsiblePerson: '西河镇党委书记',
    measures: '补充公示已发放惠民资金\n建立惠民资金发放公示制度',
    deadlineWorkingDays: 15,
  });
  await correct(140, 'officer', closed.id, 'report_progress', {
    progress: '已完成上半年惠民资金补充公示。',
    percentDone: 50,
  });
  at(132);
  await addCorrectionEvidence(
    seeded,
    as('officer'),
    closed.id,
    pdf('惠民资金公示照片.pdf', '西河镇惠民资金公示栏照片'),
  );
  await correct(132, 'officer', closed.id, 'report_completion', {
    report: '已补充公示全部惠民资金，公示制度已印发执行。',
  });
  await correct(130, 'officer', closed.id, 'accept_rectification', {
    findings: '经实地查看公示栏并抽查发放台账，整改到位，验收通过。',
    method: 'site_visit',
  });
  await correct(20, 'officer', closed.id, 'look_back', {
    result: 'sustained',
    findings: '回头看抽查三个村近三个月惠民资金发放，均已按时公示，整改成效巩固。',
  });
  await correct(19, 'officer', closed.id, 'close', { note: '整改到位，予以销号。' });

  // (e) A decision with a correction order; the correction escalated as overdue; the leader reopens.
  at(90);
  const decided = await openMatter(seeded, as('unit'), {
    route: 'unit_application',
    subjectCadreId: colleague(7),
    title: '关于城关镇垫付集体资金修缮村道的容错申请',
    summary: '为保障汛期群众出行，经村两委集体研究后垫付集体资金修缮村道，未履行审批手续。',
    conductDate: dayOf(120),
    submit: true,
  });
  await tolerance(89, 'officer', decided.id, 'accept', {});
  await tolerance(80, 'officer', decided.id, 'record_facts', {
    facts: { ...GOOD_FACTS, conductDate: dayOf(120), breachOutstanding: true } as never,
    findings: '垫付资金已收回，但审批手续至今未补办。',
  });
  const order = {
    measures: '补办村集体资金使用审批手续\n修订村级垫付资金管理办法',
    responsible: '城关镇党委书记李华',
    deadlineWorkingDays: 10,
  };
  await tolerance(78, 'officer', decided.id, 'propose', {
    outcome: 'exempt',
    analysis: '出于公心保障群众出行，属于探索性失误，但审批手续须限期补办。',
    correctionOrder: order,
  });
  const present = ['leader', 'committee1', 'committee2', 'committee3'].map((u) => as(u).userId);
  await tolerance(76, 'leader', decided.id, 'convene_meeting', { heldOn: dayOf(76), present });
  for (const member of ['committee1', 'committee2', 'committee3', 'leader'])
    await tolerance(76, member, decided.id, 'cast_vote', { vote: 'exempt', opinion: '同意承办部门意见。' });
  await tolerance(76, 'leader', decided.id, 'decide', {
    minutes: '常委会听取承办部门汇报，同意容错免责，同时责令限期纠错。',
    correctionOrder: order,
  });
  await tolerance(75, 'officer', decided.id, 'notify', {});
  await tolerance(74, 'officer', decided.id, 'record_delivery', { deliveredOn: dayOf(74), method: 'in_person' });
  const ordered = await deps.db
    .selectFrom('matters')
    .select('id')
    .where('type', '=', 'correction')
    .where('linked_matter_id', '=', decided.id)
    .executeTakeFirstOrThrow();
  await correct(40, 'officer', ordered.id, 'escalate', {
    note: '整改期限届满，审批手续仍未补办，报请领导处理。',
  });
  await tolerance(38, 'leader', decided.id, 'reopen', {
    reason: '责令纠错逾期未整改，容错免责的前提未落实，提请常委会重新研究容错认定。',
  });
  return 8;
}
