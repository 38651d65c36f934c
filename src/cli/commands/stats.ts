import type { Command } from 'commander';
import { reportCliError, withPlatform } from '../platform.ts';
import { rebuildMatterStats } from '../../db/repos/stats.ts';
import { rebuildProcedureStats } from '../../db/repos/procedure-stats.ts';
import { loadCalendar } from '../../usecases/policy-context.ts';

/**
 * `rongcuo stats rebuild`: recomputes the dashboard and scorecard counters (matter_stats_daily,
 * procedure_stats_daily) from the matters as they stand — for data recorded before a counter was
 * kept (a database upgraded past migration 0012 starts with empty scorecard event counters) or to
 * repair them. Every step keeps them up to date afterwards, in its own transaction.
 */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('统计计数 / statistics counters')
    .command('rebuild')
    .description(
      '按现有事项重算统计分析和实施力度评价的计数 / recompute the dashboard and scorecard counters from the matters',
    )
    .action(async () => {
      try {
        const { cohorts, events } = await withPlatform(async ({ deps }) => {
          const calendar = await loadCalendar(deps.db);
          return {
            cohorts: await rebuildMatterStats(deps.db, calendar),
            events: await rebuildProcedureStats(deps.db, calendar),
          };
        });
        console.log(
          `已重算 / rebuilt: ${cohorts} 行事项计数 / cohort rows, ${events} 行事件计数 / event rows`,
        );
      } catch (e) {
        reportCliError(e);
      }
    });
}
