import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contracts/common.ts';
import {
  CalendarYear,
  CalendarYearList,
  DeadlineAnswer,
  DeadlineQuery,
  YearParams,
  YearSchedule,
} from '../../contracts/admin.ts';
import {
  deadlineStatus,
  OFFICIAL_SCHEDULES,
  startDeadline,
  type YearSchedule as DomainYearSchedule,
} from '../../domain/calendar/index.ts';
import { endOfBeijingDay } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { enteredCalendarYears } from '../../db/queries/admin.ts';
import { loadCalendar } from '../../usecases/policy-context.ts';
import { saveCalendarYear } from '../../usecases/admin/save-calendar-year.ts';
import { requireUser } from '../plugins/auth.ts';
import type { RouteContext } from '../build-app.ts';

/** The working-day calendar: covered years, entering a year (administrators), and a deadline calculator. */
export function calendarRoutes(app: FastifyInstance, { deps }: RouteContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  const years = async () => {
    const entered = await enteredCalendarYears(deps.db);
    const byYear = new Map<
      number,
      {
        source: 'official' | 'entered';
        schedule: DomainYearSchedule;
        enteredBy: string | null;
        updatedAt: string | null;
      }
    >();
    for (const s of OFFICIAL_SCHEDULES)
      byYear.set(s.year, { source: 'official', schedule: s, enteredBy: null, updatedAt: null });
    for (const row of entered) {
      byYear.set(row.year, {
        source: 'entered',
        schedule: row.schedule as DomainYearSchedule,
        enteredBy: row.username,
        updatedAt: row.updated_at.toISOString(),
      });
    }
    return [...byYear].sort(([a], [b]) => a - b);
  };

  api.get(
    '/api/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: '已有节假日安排的年份 / Years with a holiday schedule',
        response: { 200: CalendarYearList, ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      return {
        items: (await years()).map(([year, y]) => ({
          year,
          source: y.source,
          holidayDays: y.schedule.holidays.reduce((n, block) => n + block.days.length, 0),
          makeupWorkdays: y.schedule.makeupWorkdays.length,
          enteredBy: y.enteredBy,
          updatedAt: y.updatedAt,
        })),
      };
    },
  );

  api.get(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "某年节假日安排 / A year's schedule",
        params: YearParams,
        response: { 200: CalendarYear, ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      const found = (await years()).find(([year]) => year === request.params.year);
      if (!found) throw new DomainError('record.not_found');
      const [year, y] = found;
      return {
        year,
        source: y.source,
        schedule: y.schedule as YearSchedule,
        enteredBy: y.enteredBy,
        updatedAt: y.updatedAt,
      };
    },
  );

  api.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: "录入节假日安排（管理员）/ Enter a year's schedule (administrators)",
        params: YearParams,
        body: YearSchedule,
        response: { 200: CalendarYear, ...errorResponses },
      },
    },
    async (request) => {
      const user = requireUser(request);
      await saveCalendarYear(deps, user, request.params.year, request.body);
      const row = (await enteredCalendarYears(deps.db)).find((r) => r.year === request.params.year)!;
      return {
        year: row.year,
        source: 'entered' as const,
        schedule: row.schedule as YearSchedule,
        enteredBy: row.username,
        updatedAt: row.updated_at.toISOString(),
      };
    },
  );

  api.get(
    '/api/calendar/deadline',
    {
      schema: {
        tags: ['calendar'],
        summary: '计算期限届满日 / When a time limit ends',
        querystring: DeadlineQuery,
        response: { 200: DeadlineAnswer, ...errorResponses },
      },
    },
    async (request) => {
      requireUser(request);
      const { from, amount, unit } = request.query;
      // Seen from the start day itself, only the days of the period are consulted.
      const status = deadlineStatus(
        startDeadline({ unit, amount }, from),
        await loadCalendar(deps.db),
        endOfBeijingDay(from),
      );
      return {
        from,
        rule: { unit, amount },
        dueDate: status.dueDate,
        uncertain: status.uncertain,
        missingYears: status.missingYears,
      };
    },
  );
}
