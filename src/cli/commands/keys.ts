import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { loadConfig, ConfigError } from '../../config.ts';
import { embeddedKeyPath, keyringFromFile, readKeyringFile, type KeyringFile } from '../../app/keys.ts';
import { generateKeyMaterial } from '../../crypto/field-cipher.ts';
import { countStaleTokens, rotateKeys } from '../../usecases/keys/rotate-keys.ts';
import { CLI_ACTOR, reportCliError, withPlatform } from '../platform.ts';

/** The keyring file this installation reads: DATA_KEY_FILE, or the embedded default's keys.json. */
function keyringFilePath(): string {
  const config = loadConfig();
  if (config.dataKeyHex) {
    throw new ConfigError([
      'DATA_KEY 只能容纳一个密钥，无法轮换。请改用密钥环文件：把原密钥作为 k1 写入 {"active":"k1","blindIndex":"k1","keys":{"k1":"<DATA_KEY>"}}，设置 DATA_KEY_FILE 并去掉 DATA_KEY，再运行本命令。',
      'DATA_KEY holds one key and cannot rotate. Move to a keyring file: write {"active":"k1","blindIndex":"k1","keys":{"k1":"<DATA_KEY>"}}, set DATA_KEY_FILE, unset DATA_KEY, then run this again.',
    ]);
  }
  if (config.dataKeyFile) return config.dataKeyFile;
  if (config.database === 'postgres')
    throw new ConfigError(['DATA_KEY_FILE: required to manage keys with DATABASE_URL']);
  return embeddedKeyPath(config);
}

/** Writes the keyring atomically (temp file, then rename) and readable by the owner only. */
function writeKeyringFile(filePath: string, file: KeyringFile): void {
  keyringFromFile(file); // refuse to write a keyring that would not load
  const temp = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.tmp`);
  fs.writeFileSync(temp, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temp, filePath);
}

/** `rongcuo keys generate|add|status|rotate` */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('敏感字段加密密钥 / field-encryption keys');
  keys
    .command('generate')
    .description('生成新的 32 字节密钥（十六进制）/ print new 32-byte key material (hex)')
    .action(() => {
      console.log(generateKeyMaterial());
    });

  keys
    .command('add')
    .description(
      '在密钥环文件中加入新密钥并设为当前密钥（随后重启服务、运行 keys rotate）/ add a new key to the keyring file and make it active (then restart, then keys rotate)',
    )
    .option('--id <id>', '新密钥编号，默认 k<N+1> / id of the new key (default k<N+1>)')
    .action((opts: { id?: string }) => {
      try {
        const filePath = keyringFilePath();
        if (!fs.existsSync(filePath))
          throw new ConfigError([`${filePath}: 密钥环文件不存在 / keyring file does not exist`]);
        const file = readKeyringFile(filePath);
        let n = Object.keys(file.keys).length + 1;
        while (file.keys[`k${n}`]) n++;
        const id = opts.id ?? `k${n}`;
        if (file.keys[id]) throw new ConfigError([`--id: 密钥 ${id} 已存在 / key ${id} already exists`]);
        writeKeyringFile(filePath, {
          ...file,
          active: id,
          keys: { ...file.keys, [id]: generateKeyMaterial() },
        });
        console.log(
          [
            `已加入密钥 ${id} 并设为当前密钥 / key ${id} added and made active: ${filePath}`,
            `盲索引密钥仍为 ${file.blindIndex} / the blind-index key stays ${file.blindIndex}`,
            '下一步 / next: 重启服务使新密钥生效，然后运行 `rongcuo keys rotate` / restart the server so it uses the new key, then run `rongcuo keys rotate`',
          ].join('\n'),
        );
      } catch (e) {
        reportCliError(e);
      }
    });

  keys
    .command('status')
    .description(
      '显示当前密钥及仍由旧密钥加密的字段数 / show the active key and how many fields are still under older keys',
    )
    .action(async () => {
      try {
        await withPlatform(async ({ deps }) => {
          const stale = await countStaleTokens(deps);
          console.log(
            `当前密钥 / active key: ${deps.keyring.activeKeyId}; 盲索引密钥 / blind-index key: ${deps.keyring.blindIndexKeyId}`,
          );
          for (const [column, n] of Object.entries(stale))
            console.log(`  ${column.padEnd(32)} 旧密钥 / under older keys: ${n}`);
        });
      } catch (e) {
        reportCliError(e);
      }
    });

  keys
    .command('rotate')
    .description(
      '用当前密钥重新加密所有敏感字段（可重复运行）/ re-encrypt every sensitive field under the active key (safe to re-run)',
    )
    .option('--batch-size <n>', '每批行数 / rows per batch', '500')
    .option('--json', '以 JSON 输出 / JSON output')
    .action(async (opts: { batchSize: string; json?: boolean }) => {
      try {
        const bar = new cliProgress.SingleBar(
          {
            format: '重新加密 re-encrypting [{bar}] {percentage}% {value}/{total}',
            stream: process.stderr,
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        const report = await withPlatform(({ deps }) =>
          rotateKeys(deps, CLI_ACTOR, {
            batchSize: Math.max(1, Number.parseInt(opts.batchSize, 10) || 500),
            onProgress: (done, total) => {
              if (opts.json || !process.stderr.isTTY) return;
              if (!bar.isActive) bar.start(total, 0);
              bar.update(done);
            },
          }),
        );
        if (bar.isActive) bar.stop();
        if (opts.json) console.log(JSON.stringify(report));
        else {
          console.log(`当前密钥 / active key: ${report.activeKeyId}`);
          for (const [column, c] of Object.entries(report.columns)) {
            console.log(
              `  ${column.padEnd(32)} 检查 scanned ${c.scanned}, 重新加密 re-encrypted ${c.reencrypted}, 剩余 remaining ${c.remaining}`,
            );
          }
          console.log(`共重新加密 / re-encrypted in total: ${report.reencrypted}`);
        }
        if (report.remaining > 0) {
          console.error(
            `仍有 ${report.remaining} 个字段由旧密钥加密：可能有服务进程仍在使用旧密钥环写入，请重启所有服务后再运行一次。\n` +
              `${report.remaining} fields are still under older keys: a server may still be writing with the old keyring; restart every server and run this again.`,
          );
          process.exitCode = 1;
        }
      } catch (e) {
        reportCliError(e);
      }
    });
}
