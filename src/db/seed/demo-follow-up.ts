/**
 * Demo sanctions, follow-up visits and appointments in K County, made by running the real use cases
 * on a clock that walks through the past months (like demo-matters.ts), so every record has a true
 * timeline, a signed register form and an intact audit chain:
 * - a cadre given a Party warning, visited by two, graded good, recommended for reuse, the register
 *   form sent to and signed for by the organisation department — still within the influence period;
 * - a cadre given a major demerit whose visit is planned for next week;
 * - a cadre admonished last month, still in the influence period and waiting for a visit plan;
 * - a cadre whose warning has run out, proposed for promotion by the organisation department.
 */
import type { Deps } from '../../app/deps.ts';
import { fixedClock } from '../../clock.ts';
import { startOfBeijingDay, toBeijingDate } from '../../domain/calendar/local-date.ts';
import type { RecordSanctionBody } from '../../contracts/follow-up.ts';
import { recordAppointment } from '../../usecases/follow-up/influence.ts';
import { openFollowUp } from '../../usecases/follow-up/open-follow-up.ts';
import { performFollowUpAction } from '../../usecases/follow-up/perform-follow-up-action.ts';
import { recordSanction } from '../../usecases/follow-up/sanctions.ts';
import { loadPrincipal, type UserWithGrants } from '../queries/principal.ts';
import { DEMO_PEOPLE, generateKCounty } from './k-county.ts';

const DAY_MS = 86_400_000;
const VISITORS = [
  { name: '王强', position: '县纪委监委第一纪检监察室主任' },
  { name: '刘洋', position: '县纪委监委第一纪检监察室干部' },
];

export async function loadDemoFollowUps(deps: Deps): Promise<number> {
  const data = generateKCounty();
  const users = new Map<string, UserWithGrants>();
  for (const username of ['officer', 'leader', 'orgdept']) {
    const row = await deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    users.set(username, (await loadPrincipal(deps.db, row.id))!);
  }
  const as = (username: string) => users.get(username)!;
  const demoIds = new Set(Object.values(DEMO_PEOPLE).map((p) => p.cadreId));
  /** The first in-office cadre of a unit (by code) who is not a demo user. */
  const cadreOf = (unitCode: string) => {
    const unit = data.units.find((u) => u.code === unitCode)!;
    return data.cadres.find((c) => c.unit_id === unit.id && !demoIds.has(c.id) && c.status === 'in_office')!
      .id;
  };

  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const seeded: Deps = { ...deps, clock };
  /** 09:30 Beijing time `days` days before today (negative: after). */
  const dayOf = (days: number) => toBeijingDate(new Date(realNow.getTime() - days * DAY_MS));
  // 09:30 of the Beijing day (not of the UTC day: between 00:00 and 08:00 Beijing time they differ),
  // and never later than now when that day is today.
  const at = (days: number) => {
    const day = dayOf(days);
    const morning = new Date(startOfBeijingDay(day).getTime() + 9.5 * 3600_000);
    clock.set(days >= 0 && morning > realNow ? realNow : morning);
    return day;
  };
  const sanction = async (
    username: string,
    cadreId: string,
    recordedDaysAgo: number,
    body: RecordSanctionBody,
  ) => {
    at(recordedDaysAgo);
    return recordSanction(seeded, as(username), cadreId, body);
  };

  // 1. Warned, visited, graded good, recommended for reuse, received by the organisation department.
  const warned = cadreOf('K-U012');
  const warning = await sanction('officer', warned, 205, {
    type: 'party_warning',
    decidedOn: dayOf(212),
    effectiveOn: dayOf(210),
    decidedBy: '中共K县纪律检查委员会',
    documentNumber: 'K纪处〔演示〕1号',
    summary: '在项目资金拨付中未严格执行审批程序，造成不良影响。',
  });
  at(160);
  const visited = await openFollowUp(seeded, as('officer'), {
    sanctionId: warning.id,
    plannedOn: dayOf(150),
    visitors: VISITORS,
    outline: '一、对所受处分的认识；二、处分后的工作表现；三、思想和生活上有无困难。',
    mentor: '所在单位党组书记',
  });
  const step = async (daysAgo: number, username: string, run: (user: UserWithGrants) => Promise<void>) => {
    at(daysAgo);
    await run(as(username));
  };
  await step(150, 'officer', (u) =>
    performFollowUpAction(seeded, u, visited.id, 'record_visit', {
      visitedOn: dayOf(150),
      place: '所在单位会议室',
      methods: ['listen', 'observe', 'talk'],
      visitors: VISITORS,
      politicalThinking: '能够主动学习党纪法规，正确对待组织处理，思想稳定。',
      conduct: '处分后严格遵守各项纪律规定，未发现新的违规违纪问题。',
      work: '牵头完成年度重点项目建设任务，所在单位干部群众评价较好。',
      sanctionExecution: '处分决定已当面宣布，相关材料已归入本人档案。',
      attitude: '对所犯错误认识深刻，表示将引以为戒、以实际行动改正。',
      talk: '回访组与本人谈心谈话约一小时，肯定其处分后的表现，勉励其放下包袱、轻装上阵。',
      unitOpinion: '同意回访组意见。',
    }),
  );
  await step(148, 'officer', (u) =>
    performFollowUpAction(seeded, u, visited.id, 'grade', {
      grade: 'good',
      reasons: '认识深刻，转变明显，工作实绩突出，群众评价好。',
    }),
  );
  await step(147, 'officer', (u) =>
    performFollowUpAction(seeded, u, visited.id, 'recommend_reuse', {
      reasons: '回访评定为好，影响期届满后可结合工作需要使用。',
      suggestedUse: '影响期满后可在本系统安排适当岗位',
    }),
  );
  await step(145, 'leader', (u) =>
    performFollowUpAction(seeded, u, visited.id, 'deliver', { note: '同意，送县委组织部。' }),
  );
  await step(140, 'orgdept', (u) =>
    performFollowUpAction(seeded, u, visited.id, 'acknowledge', { note: '已收悉，存入干部档案。' }),
  );

  // 2. A major demerit; the visit is planned for next week.
  const demerited = cadreOf('K-U016');
  const demerit = await sanction('officer', demerited, 58, {
    type: 'public_major_demerit',
    decidedOn: dayOf(62),
    effectiveOn: dayOf(60),
    decidedBy: 'K县监察委员会',
    documentNumber: 'K监处〔演示〕2号',
    summary: '在政府采购中违规指定供应商。',
  });
  at(10);
  await openFollowUp(seeded, as('officer'), {
    sanctionId: demerit.id,
    plannedOn: dayOf(-7),
    visitors: VISITORS,
    outline: '一、对处分的认识；二、整改落实情况；三、工作生活困难。',
  });

  // 3. Admonished last month: in the influence period, no visit planned yet.
  await sanction('leader', cadreOf('K-U020'), 28, {
    type: 'admonishment',
    decidedOn: dayOf(30),
    effectiveOn: dayOf(30),
    decidedBy: '中共K县委组织部',
  });

  // 4. A warning whose six months have run out: the organisation department may propose a promotion.
  const lapsed = cadreOf('K-U024');
  await sanction('officer', lapsed, 295, {
    type: 'public_warning',
    decidedOn: dayOf(300),
    effectiveOn: dayOf(300),
    decidedBy: 'K县监察委员会',
  });
  at(20);
  await recordAppointment(seeded, as('orgdept'), lapsed, {
    kind: 'promotion',
    post: '县政协办公室副主任',
    note: '政务警告影响期已满，经考察拟提拔。',
  });
  return 4;
}
