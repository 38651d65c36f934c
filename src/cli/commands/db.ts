import type { Command } from 'commander';
import { reportCliError, withPlatform } from '../platform.ts';
import { isDatabaseEmpty, loadDemoData } from '../../db/seed/load-demo.ts';

/** `rongcuo migrate` and `rongcuo seed demo`. Opening the platform migrates it. */
export function registerDb(program: Command): void {
  program
    .command('migrate')
    .description('将数据库升级到最新结构 / migrate the database to the latest schema')
    .action(async () => {
      try {
        await withPlatform(async () => undefined);
        console.log('数据库已是最新结构 / database schema is up to date');
      } catch (e) {
        reportCliError(e);
      }
    });
  program
    .command('seed')
    .description('载入数据 / load data')
    .command('demo')
    .description('在空数据库中载入 K 县演示数据 / load the K County demo data into an empty database')
    .action(async () => {
      try {
        await withPlatform(async ({ deps }) => {
          if (!(await isDatabaseEmpty(deps.db))) throw new Error('数据库非空，未载入演示数据 / the database is not empty; demo data not loaded');
          await loadDemoData(deps);
        });
        console.log('已载入 K 县演示数据 / K County demo data loaded');
      } catch (e) {
        reportCliError(e);
      }
    });
}
