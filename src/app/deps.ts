/** What use cases are given: explicit, small, no container. */
import type { Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import type { Keyring } from '../crypto/field-cipher.ts';

export type Deps = {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  /** Where the public verification page lives; printed on every document. */
  publicBaseUrl: string;
};
