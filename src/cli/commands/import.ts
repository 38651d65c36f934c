import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DomainError } from '../../domain/errors.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { Db } from '../../db/connect.ts';
import { importCadres } from '../../usecases/roster/import-cadres.ts';
import { reportCliError, withPlatform, CLI_ACTOR } from '../platform.ts';

const PHASES = { parse: '读取 parsing', plan: '比对 planning', write: '写入 writing' } as const;

/** The CLI acts as the operator of the installation: an administrator of the chosen jurisdiction. */
async function operatorFor(db: Db, code: string | undefined): Promise<UserWithGrants> {
  const candidates = await db
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'name', 'level', 'path'])
    .$if(code !== undefined, (q) => q.where('code', '=', code!))
    .$if(code === undefined, (q) => q.where('level', '=', 'county'))
    .execute();
  if (candidates.length !== 1) throw new DomainError('jurisdiction.unknown', { code: code ?? '(--jurisdiction)' }, 'jurisdiction');
  const j = candidates[0]!;
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    username: CLI_ACTOR.label,
    displayName: CLI_ACTOR.label,
    cadreId: null,
    system: true,
    grants: [{ role: 'admin', jurisdictionId: j.id, jurisdictionPath: j.path, unitId: null }],
    grantsDetail: [{ role: 'admin', jurisdiction: { id: j.id, code: j.code, name: j.name, level: j.level }, unitId: null }],
  };
}

/** `rongcuo import cadres FILE` */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('导入 / import')
    .command('cadres <file>')
    .description('导入干部名册（.xlsx / .csv，UTF-8 或 GBK）/ import the cadre roster')
    .option('--jurisdiction <code>', '辖区代码（仅有一个县时可省略）/ jurisdiction code')
    .option('--valid-rows', '只导入正确的行（默认全部正确才导入）/ import valid rows only (default: all or nothing)')
    .option('--dry-run', '只检查不写入 / check without writing')
    .action(async (file: string, opts: { jurisdiction?: string; validRows?: boolean; dryRun?: boolean }) => {
      try {
        const bytes = fs.readFileSync(file);
        const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% {value}/{total}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        const { report } = await withPlatform(async ({ deps }) => {
          const operator = await operatorFor(deps.db, opts.jurisdiction);
          let current = '';
          const result = await importCadres(
            deps,
            operator,
            { bytes, filename: path.basename(file), mode: opts.validRows ? 'valid_rows' : 'all_or_nothing', dryRun: opts.dryRun ?? false },
            (phase, done, total) => {
              if (current !== phase) {
                if (bar.isActive) bar.stop();
                bar.start(total, 0, { phase: PHASES[phase] });
                current = phase;
              }
              bar.update(done, { phase: PHASES[phase] });
            },
          );
          if (bar.isActive) bar.stop();
          return result;
        });
        for (const e of report.errors) {
          console.error(`第 ${e.row} 行 row ${e.row}, ${e.column}${e.columnLetter ? ` (${e.columnLetter})` : ''}: ${e.messageZh} / ${e.messageEn}${e.value ? ` [${e.value}]` : ''}`);
        }
        const summary = `新增 created ${report.created}, 更新 updated ${report.updated}, 未变 unchanged ${report.unchanged}, 跳过 skipped ${report.skipped}`;
        if (report.status === 'rejected') {
          console.error(`有错误，未导入任何数据 / errors found; nothing imported (${report.errors.length} errors)`);
          process.exitCode = 1;
        } else {
          console.log(`${report.status === 'preview' ? '检查结果 / preview' : '导入完成 / imported'}: ${summary}`);
        }
      } catch (e) {
        reportCliError(e);
      }
    });
}
