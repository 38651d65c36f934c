import type { Command } from 'commander';
import { generateKeyMaterial } from '../../crypto/field-cipher.ts';

/** `rongcuo keys generate`: fresh key material for DATA_KEY or a keyring file. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('敏感字段加密密钥 / field-encryption keys');
  keys
    .command('generate')
    .description('生成新的 32 字节密钥（十六进制）/ print new 32-byte key material (hex)')
    .action(() => {
      console.log(generateKeyMaterial());
    });
}
