import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from '../../config.ts';
import { embeddedKeyPath, readKeyringFile } from '../../app/keys.ts';
import { systemClock } from '../../clock.ts';
import { connect } from '../../db/connect.ts';
import { DataDirLockedError } from '../../db/lock.ts';
import { DomainError } from '../../domain/errors.ts';
import { createBackup } from '../../usecases/backup/backup.ts';
import { readBackupHeader, restoreBackup } from '../../usecases/backup/restore.ts';
import { CLI_ACTOR, reportCliError, withPlatform } from '../platform.ts';

const LOCK_HINT =
  '嵌入式数据库（PGlite）同一时间只允许一个进程打开数据目录：请先停止服务，再备份或恢复；使用 PostgreSQL（DATABASE_URL）时可在服务运行时备份。\n' +
  'The embedded database (PGlite) lets one process open its data directory at a time: stop the server first, then back up or restore. With PostgreSQL (DATABASE_URL), backups run while the server is running.';

function report(error: unknown): void {
  if (error instanceof DataDirLockedError) {
    console.error(`${error.message}\n${LOCK_HINT}`);
    process.exitCode = 2;
  } else reportCliError(error);
}

/** Key ids the configured keyring holds — without creating a fresh embedded key as a normal start would. */
function configuredKeyIds(config: Config): string[] {
  if (config.dataKeyHex) return ['k1'];
  if (config.dataKeyFile) return Object.keys(readKeyringFile(config.dataKeyFile).keys);
  if (config.database === 'postgres')
    throw new ConfigError(['DATA_KEY or DATA_KEY_FILE: required with DATABASE_URL']);
  const file = embeddedKeyPath(config);
  return fs.existsSync(file) ? Object.keys(readKeyringFile(file).keys) : [];
}

function progressBar(format: string) {
  return new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
}

/** `rongcuo backup FILE` and `rongcuo restore FILE`. */
export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description(
      '备份全部数据为一致性快照（不含密钥）/ write a consistent snapshot of all data (keys not included)',
    )
    .option('--force', '覆盖已有文件 / overwrite an existing file')
    .action(async (file: string, opts: { force?: boolean }) => {
      try {
        if (fs.existsSync(file) && !opts.force)
          throw new ConfigError([
            `${file}: 文件已存在（如需覆盖请加 --force）/ file exists (add --force to overwrite)`,
          ]);
        const summary = await withPlatform(({ deps, handle }) =>
          createBackup(deps, handle.engine, file, CLI_ACTOR, {
            onProgress: (table, rows) => {
              if (process.stderr.isTTY) process.stderr.write(`\r备份 backing up ${table}: ${rows}\x1b[K`);
            },
          }),
        );
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        console.log(
          [
            `备份完成 / backup written: ${path.resolve(file)} (${fs.statSync(file).size} bytes)`,
            `  ${summary.header.tables.length} 张表 tables, ${summary.rows} 行 rows; 审计链头 audit head #${summary.header.audit.seq} ${summary.header.audit.hash.slice(0, 16)}…`,
            `  SM3 ${summary.sm3}`,
            `  本文件不含加密密钥，恢复时须提供密钥（keys.json / DATA_KEY_FILE: ${summary.header.keyIds.join(', ') || '-'}）。`,
            `  The file does not contain the encryption keys; restoring needs them (keys.json / DATA_KEY_FILE: ${summary.header.keyIds.join(', ') || '-'}).`,
          ].join('\n'),
        );
      } catch (e) {
        report(e);
      }
    });

  program
    .command('restore <file>')
    .description(
      '将备份恢复到空数据库，并校验审计链 / restore a backup into an EMPTY database, then verify the audit chain',
    )
    .action(async (file: string) => {
      try {
        const config = loadConfig();
        const header = await readBackupHeader(file);
        const have = configuredKeyIds(config);
        const missing = header.keyIds.filter((k) => !have.includes(k));
        if (missing.length > 0) throw new DomainError('backup.keys_missing', { keyIds: missing });
        const handle = await connect(
          config.databaseUrl
            ? { engine: 'postgres', url: config.databaseUrl }
            : { engine: 'pglite', dataDir: config.dataDir },
        );
        const bar = progressBar('恢复 restoring [{bar}] {percentage}% {value}/{total}');
        try {
          const summary = await restoreBackup(handle.db, systemClock, file, CLI_ACTOR, {
            onProgress: (rows) => {
              if (!process.stderr.isTTY) return;
              if (!bar.isActive) bar.start(Math.max(rows, 1), 0);
              bar.setTotal(Math.max(bar.getTotal(), rows));
              bar.update(rows);
            },
          });
          if (bar.isActive) bar.stop();
          console.log(
            [
              `恢复完成 / restored: ${summary.rows} 行 rows into ${config.database === 'pglite' ? config.dataDir : 'PostgreSQL'}`,
              `  备份时间 taken at ${summary.header.createdAt} (${summary.header.engine})`,
              `审计链完整，止于备份时的链头 / audit chain intact, ending at the backup's head #${summary.header.audit.seq} ${summary.header.audit.hash.slice(0, 16)}…`,
            ].join('\n'),
          );
        } finally {
          if (bar.isActive) bar.stop();
          await handle.close();
        }
      } catch (e) {
        report(e);
      }
    });
}
