/**
 * Loads the field-encryption keyring. Sources, in order: DATA_KEY (one hex key), DATA_KEY_FILE
 * (a keyring file), or — embedded default only — `<DATA_DIR>/keys.json`, created on first start.
 * A keyring file holds every key still in use so keys can rotate:
 *   { "active": "k2", "blindIndex": "k1", "keys": { "k1": "<64 hex>", "k2": "<64 hex>" } }
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ConfigError, type Config } from '../config.ts';
import { Keyring, generateKeyMaterial } from '../crypto/field-cipher.ts';

const KeyringFile = z.object({
  active: z.string(),
  blindIndex: z.string(),
  keys: z.record(z.string(), z.string()),
});
export type KeyringFile = z.infer<typeof KeyringFile>;

export function keyringFromFile(file: KeyringFile): Keyring {
  return new Keyring(
    Object.entries(file.keys).map(([id, material]) => ({ id, material })),
    file.active,
    file.blindIndex,
  );
}

export function readKeyringFile(filePath: string): KeyringFile {
  const text = fs.readFileSync(filePath, 'utf8').trim();
  if (/^[0-9a-fA-F]{64}$/.test(text)) return { active: 'k1', blindIndex: 'k1', keys: { k1: text } };
  const parsed = KeyringFile.safeParse(JSON.parse(text));
  if (!parsed.success) throw new ConfigError([`DATA_KEY_FILE: ${filePath} is not a keyring file (${parsed.error.issues[0]?.message})`]);
  return parsed.data;
}

export function embeddedKeyPath(config: Config): string {
  return path.join(config.dataDir, 'keys.json');
}

export function loadKeyring(config: Config): Keyring {
  if (config.dataKeyHex) return keyringFromFile({ active: 'k1', blindIndex: 'k1', keys: { k1: config.dataKeyHex } });
  if (config.dataKeyFile) {
    if (!fs.existsSync(config.dataKeyFile)) throw new ConfigError([`DATA_KEY_FILE: ${config.dataKeyFile} does not exist`]);
    return keyringFromFile(readKeyringFile(config.dataKeyFile));
  }
  if (config.database === 'postgres') {
    throw new ConfigError([
      'DATA_KEY or DATA_KEY_FILE: required with DATABASE_URL (sensitive fields are encrypted with it); generate one with `npx rongcuo keys generate`',
    ]);
  }
  // Embedded default: a key beside the data. Convenient, but a stolen data directory then includes
  // its key — production should keep the key elsewhere (docs/SECURITY.md).
  const file = embeddedKeyPath(config);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const initial: KeyringFile = { active: 'k1', blindIndex: 'k1', keys: { k1: generateKeyMaterial() } };
    fs.writeFileSync(file, JSON.stringify(initial, null, 2), { mode: 0o600, flag: 'wx' });
  }
  return keyringFromFile(readKeyringFile(file));
}
