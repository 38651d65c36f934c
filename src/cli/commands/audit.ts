import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { auditVerifyOptions, verifyAuditChain } from '../../audit/verify.ts';
import { reportCliError, withPlatform } from '../platform.ts';

/** `rongcuo audit verify`: exit 0 when the chain is intact, 1 naming the first bad event. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('审计日志 / audit log');
  audit
    .command('verify')
    .description('校验审计链（SM3 哈希链）/ verify the SM3 hash chain')
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (opts: { json?: boolean }) => {
      try {
        const showBar = !opts.json && process.stderr.isTTY;
        const bar = new cliProgress.SingleBar({ format: '校验 verifying [{bar}] {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic);
        const result = await withPlatform(({ deps, handle }) =>
          verifyAuditChain(deps.db, {
            ...auditVerifyOptions(handle),
            onProgress: (done, total) => {
              if (!showBar) return;
              if (!bar.isActive) bar.start(total, 0);
              bar.update(done);
            },
          }),
        );
        if (bar.isActive) bar.stop();
        if (opts.json) console.log(JSON.stringify(result));
        else if (result.ok) console.log(`审计链完整 / audit chain intact: ${result.events} 个事件 events, head ${result.headHash.slice(0, 16)}…`);
        else console.error(`审计链被篡改 / audit chain broken at event ${result.problem!.seq} (${result.problem!.reason}): ${result.problem!.detail}`);
        process.exitCode = result.ok ? 0 : 1;
      } catch (e) {
        reportCliError(e);
      }
    });
}
