/**
 * A year of comparison for the county scorecard (实施力度评价): K County's own demo matters cover the
 * past four months; this adds the months before them in K and a year of work in its neighbours L and
 * M, through the real use cases on a clock that walks back over the past year (like demo-matters.ts),
 * so the city supervisor's scorecard compares three counties that implement the mechanism differently
 * — the K County thesis' "each county's progress and implementation strength differ":
 * - K: more applications for the unit, accepted within two days, some matters opened ex officio that
 *   have stayed in verification past the limit;
 * - L: a handful of unit applications, each accepted only after its time limit, none taken further,
 *   no accountability case screened ex officio;
 * - M: unit applications accepted the next day, and accountability cases screened ex officio, all
 *   left in verification past the limit.
 * Each neighbour gets a case officer and a unit leader to do it (not on the login page's list).
 */
import type { Deps } from '../../app/deps.ts';
import { SYSTEM_ACTOR } from '../../audit/append.ts';
import { fixedClock } from '../../clock.ts';
import { deadlineStatus, type DeadlineClock } from '../../domain/calendar/deadline.ts';
import { addCalendarDays, startOfBeijingDay, toBeijingDate } from '../../domain/calendar/local-date.ts';
import { openMatter } from '../../usecases/tolerance/open-matter.ts';
import { performAction } from '../../usecases/tolerance/perform-action.ts';
import { loadCalendar } from '../../usecases/policy-context.ts';
import { addUser } from '../../usecases/users/manage-users.ts';
import { loadPrincipal, type UserWithGrants } from '../queries/principal.ts';
import { DEMO_PEOPLE, generateKCounty, unitId } from './k-county.ts';

const DAY_MS = 86_400_000;

/** The neighbours' staff: a case officer and the leader of a township unit (the applicant). */
const NEIGHBOUR_STAFF = [
  { username: 'officer_l_demo', displayName: 'L县纪委监委承办人', role: 'case_officer', county: 'L' },
  { username: 'unit_l_demo', displayName: 'L县河西镇党委', role: 'unit_leader', county: 'L', unit: 'L-U007' },
  { username: 'officer_m_demo', displayName: 'M县纪委监委承办人', role: 'case_officer', county: 'M' },
  { username: 'unit_m_demo', displayName: 'M县城南镇党委', role: 'unit_leader', county: 'M', unit: 'M-U007' },
] as const;

type Plan = {
  county: 'K' | 'L' | 'M';
  /** Days before today each matter is opened. */
  unitApplications: number[];
  /** When acceptance comes: days after filing, or 'late' (three days after the time limit ran out). */
  accept: number | 'late';
  /** Days after acceptance the unit withdraws its application (K: the matter is settled otherwise). */
  withdrawAfter?: number;
  exOfficio: number[];
};

const PLANS: Plan[] = [
  {
    county: 'K',
    unitApplications: [300, 270, 240, 210, 180],
    accept: 2,
    withdrawAfter: 20,
    exOfficio: [320, 260, 200, 140, 100],
  },
  { county: 'L', unitApplications: [330, 280, 220, 160, 90], accept: 'late', exOfficio: [] },
  { county: 'M', unitApplications: [310, 250, 190, 130, 70], accept: 1, exOfficio: [290, 230, 170, 110, 50] },
];

const TITLES = [
  '关于村级集体经济项目先行投入的容错申请',
  '关于防汛物资紧急调拨的容错申请',
  '关于人居环境整治先行施工的容错申请',
  '关于特色产业扶持资金提前拨付的容错申请',
  '关于便民服务点临时选址的容错申请',
];

export async function loadDemoScorecardHistory(deps: Deps): Promise<number> {
  const data = generateKCounty();
  const realNow = deps.clock.now();
  const clock = fixedClock(realNow);
  const seeded: Deps = { ...deps, clock };
  const password = 'rongcuo-demo-2026';
  for (const s of NEIGHBOUR_STAFF)
    await addUser(deps, SYSTEM_ACTOR, {
      username: s.username,
      displayName: s.displayName,
      password,
      roles: [
        { role: s.role, jurisdictionCode: s.county, ...('unit' in s ? { unitId: unitId(s.unit) } : {}) },
      ],
    });
  const principal = async (username: string): Promise<UserWithGrants> => {
    const row = await deps.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    return (await loadPrincipal(deps.db, row.id))!;
  };
  const staff = {
    K: {
      officer: await principal('officer'),
      unit: await principal('unit'),
      unitId: DEMO_PEOPLE.unitLeader.unitId,
    },
    L: {
      officer: await principal('officer_l_demo'),
      unit: await principal('unit_l_demo'),
      unitId: unitId('L-U007'),
    },
    M: {
      officer: await principal('officer_m_demo'),
      unit: await principal('unit_m_demo'),
      unitId: unitId('M-U007'),
    },
  };
  const demoIds = new Set(Object.values(DEMO_PEOPLE).map((p) => p.cadreId));
  const calendar = await loadCalendar(deps.db);
  /** 09:30 Beijing, `daysAgo` days before today (plus a minute per matter, to keep the order). */
  const dayAt = (daysAgo: number, minute: number) =>
    new Date(
      startOfBeijingDay(toBeijingDate(new Date(realNow.getTime() - daysAgo * DAY_MS))).getTime() +
        9.5 * 3_600_000 +
        minute * 60_000,
    );
  let count = 0;
  for (const plan of PLANS) {
    const people = staff[plan.county];
    // Colleagues in the applying unit, never the demo's own people; the K unit's first few are used by demo-matters.
    const colleagues = data.cadres.filter(
      (c) => c.unit_id === people.unitId && !demoIds.has(c.id) && c.status === 'in_office',
    );
    const offset = plan.county === 'K' ? 5 : 0;
    for (const [i, daysAgo] of plan.unitApplications.entries()) {
      const openedAt = dayAt(daysAgo, count);
      clock.set(openedAt);
      const { id } = await openMatter(seeded, people.unit, {
        route: 'unit_application',
        subjectCadreId: colleagues[(i + offset) % colleagues.length]!.id,
        title: TITLES[i % TITLES.length]!,
        summary: '为推进工作先行实施，事后已补办相关手续，单位集体研究后代为申请。',
        submit: true,
      });
      let acceptedAt: Date;
      if (plan.accept === 'late') {
        const row = await deps.db
          .selectFrom('matters')
          .select('clocks')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const acceptance = (row.clocks as { acceptance: DeadlineClock }).acceptance;
        const due = deadlineStatus(acceptance, calendar, openedAt).dueDate;
        acceptedAt = new Date(startOfBeijingDay(addCalendarDays(due, 3)).getTime() + 10 * 3_600_000);
      } else acceptedAt = new Date(openedAt.getTime() + plan.accept * DAY_MS);
      clock.set(acceptedAt);
      await performAction(seeded, people.officer, id, 'accept', {});
      if (plan.withdrawAfter !== undefined) {
        clock.set(new Date(acceptedAt.getTime() + plan.withdrawAfter * DAY_MS));
        await performAction(seeded, people.unit, id, 'withdraw', {
          reason: '问题已经单位整改到位，经与纪委沟通，撤回申请。',
        });
      }
      count += 1;
    }
    // Accountability cases about cadres of other units of the county, never of a demo account's unit
    // (the officer would have to recuse).
    const countyUnits = new Set(
      data.units.filter((u) => u.code.startsWith(`${plan.county}-`)).map((u) => u.id),
    );
    const staffUnits = new Set(Object.values(DEMO_PEOPLE).map((p) => p.unitId));
    const inCounty = data.cadres.filter(
      (c) =>
        countyUnits.has(c.unit_id) &&
        c.unit_id !== people.unitId &&
        !staffUnits.has(c.unit_id) &&
        !demoIds.has(c.id) &&
        c.status === 'in_office',
    );
    for (const [i, daysAgo] of plan.exOfficio.entries()) {
      clock.set(dayAt(daysAgo, count));
      await openMatter(seeded, people.officer, {
        route: 'ex_officio',
        subjectCadreId: inCounty[(i * 7 + 3) % inCounty.length]!.id,
        title: '对问责线索开展容错情形审查',
        summary: '问责线索反映先行实施有关项目，需审查是否符合容错情形。',
        submit: false,
      });
      count += 1;
    }
  }
  return count;
}
