import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { keyringFromFile, loadKeyring } from '../../app/keys.ts';
import { BENCH_DATA_KEY, BENCH_PASSWORD } from '../../db/seed/scale/accounts.ts';
import { generateScale, type GeneratePhase } from '../../db/seed/scale/generate.ts';
import { SCALES, type ScaleName } from '../../db/seed/scale/spec.ts';
import { reportCliError } from '../platform.ts';

const PHASES: Record<GeneratePhase, string> = { geography: '辖区与单位 jurisdictions', cadres: '干部 cadres', matters: '事项与审计 matters+audit', finalize: '统计信息 analyze' };

/**
 * `rongcuo generate --scale county|province|national`: synthetic data for benchmarks and capacity
 * planning. Never on the default ./data: it needs an explicit DATABASE_URL/--database-url or DATA_DIR.
 */
export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('生成规模测试数据 / generate synthetic data at county, province or national scale')
    .requiredOption('--scale <scale>', 'county | province | national')
    .option('--database-url <url>', 'PostgreSQL 地址（默认 DATABASE_URL）/ PostgreSQL URL (default: DATABASE_URL)')
    .option('--seed <n>', '随机种子 / random seed', '2026')
    .option('--now <iso>', '历史截止时间（默认现在）/ end of the generated history (default: now)')
    .option('--force', '数据库非空时仍然生成（追加）/ add to a database that already holds data')
    .option('--json', '以 JSON 输出结果 / JSON output')
    .action(async (opts: { scale: string; databaseUrl?: string; seed: string; now?: string; force?: boolean; json?: boolean }) => {
      try {
        if (!Object.hasOwn(SCALES, opts.scale)) throw new ConfigError([`--scale: must be county, province or national (got "${opts.scale}")`]);
        const databaseUrl = opts.databaseUrl ?? process.env.DATABASE_URL;
        if (!databaseUrl && !process.env.DATA_DIR) {
          throw new ConfigError(['generate: 需明确指定数据库 / name the database explicitly — --database-url, DATABASE_URL or DATA_DIR (it never writes to the default ./data)']);
        }
        const config = loadConfig({ ...process.env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
        const withoutKey = config.database === 'postgres' && !config.dataKeyHex && !config.dataKeyFile;
        const keyring = withoutKey ? keyringFromFile({ active: 'k1', blindIndex: 'k1', keys: { k1: BENCH_DATA_KEY } }) : loadKeyring(config);
        const handle = await connect(config.databaseUrl ? { engine: 'postgres', url: config.databaseUrl } : { engine: 'pglite', dataDir: config.dataDir });
        const bar = new cliProgress.SingleBar({ format: '{phase} [{bar}] {percentage}% {value}/{total} {duration_formatted}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
        let current: GeneratePhase | null = null;
        const showBar = !opts.json && process.stderr.isTTY;
        try {
          await migrateToLatest(handle.db);
          const result = await generateScale(handle, {
            spec: SCALES[opts.scale as ScaleName],
            keyring,
            seed: Number(opts.seed),
            ...(opts.now ? { now: new Date(opts.now) } : {}),
            force: opts.force ?? false,
            onProgress: (phase, done, total) => {
              if (!showBar) return;
              if (current !== phase) {
                if (bar.isActive) bar.stop();
                bar.start(total, 0, { phase: PHASES[phase] });
                current = phase;
              }
              bar.update(done);
            },
          });
          if (bar.isActive) bar.stop();
          if (opts.json) console.log(JSON.stringify(result));
          else {
            console.log(`已生成 / generated (${opts.scale}): ${result.counties} 个县 counties, ${result.cadres} 名干部 cadres, ${result.matters} 件事项 matters, ${result.auditEvents} 条审计事件 audit events, ${result.ledgerEntries} 条结果运用台账 ledger entries`);
            console.log(`耗时 / seconds: ${JSON.stringify(result.seconds)}; 状态 / by status: ${JSON.stringify(result.byStatus)}`);
            console.log(`样本县 / sample county ${result.sample.county}: 办案人员 officer ${result.sample.officer}, 监督 supervisor ${result.sample.supervisor}; 所有生成账号的密码 / password of every generated account: ${BENCH_PASSWORD}`);
            if (withoutKey) console.log(`字段密钥 / field key used: start the app with DATA_KEY=${BENCH_DATA_KEY} (benchmark key, not for real data)`);
          }
        } finally {
          if (bar.isActive) bar.stop();
          await handle.close();
        }
      } catch (e) {
        reportCliError(e);
      }
    });
}
