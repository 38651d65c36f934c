/**
 * Set-based bulk inserts for the scale generator. Rows travel column by column: each column is one
 * text parameter (values joined by the ASCII unit separator) that PostgreSQL splits with
 * `string_to_array` and `unnest`s back into rows — one statement per chunk, no per-row SQL, and
 * joining a JavaScript array is far cheaper than pg's per-element array escaping (STACK §2 (b)).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import { createHash } from 'node:crypto';
import type { CopyInto } from './bulk-session.ts';

/** [column name, PostgreSQL type]. */
export type ColumnSpec = readonly [name: string, type: string];
export type Cell = string | number | boolean | null | Date;

const SEPARATOR = '\x1f';
const NULL_MARK = '\\N';

function encodeCell(value: Cell): string {
  if (value === null) return NULL_MARK;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** Column-oriented rows: `columns[i]` holds the values of column i, one per row. */
export class ColumnBatch {
  readonly values: Cell[][];
  constructor(readonly columns: readonly ColumnSpec[]) {
    this.values = columns.map(() => []);
  }
  get length(): number {
    return this.values[0]!.length;
  }
  /** Appends one row; cells in the order of `columns`. */
  push(...cells: Cell[]): void {
    for (let i = 0; i < cells.length; i++) this.values[i]!.push(cells[i]!);
  }
  clear(): void {
    for (const column of this.values) column.length = 0;
  }
}

/**
 * `unnest(...) as <alias>(col, …)` over the batch, with its parameters starting at `$firstParam`.
 * A trailing sentinel keeps an empty string in a one-row batch from turning into an empty array.
 */
export function unnestSource(batch: ColumnBatch, alias: string, firstParam = 1): { sql: string; params: string[] } {
  const n = batch.length;
  const params = batch.values.map((column) => column.map(encodeCell).join(SEPARATOR) + SEPARATOR + 'end');
  // An array column (text[], int[]) travels as its literal ({S3}); bulkInsert casts it on the way in.
  const arrays = batch.columns.map(([, type], i) => `(string_to_array($${firstParam + i}, E'\\x1f', E'\\\\N'))[1:${n}]::${type.endsWith('[]') ? 'text' : type}[]`);
  return { sql: `unnest(${arrays.join(', ')}) as ${alias}(${batch.columns.map(([name]) => name).join(', ')})`, params };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema, including work tables
type AnyDb = Kysely<any>;

/** A connection that can take COPY inside its transaction (see bulk-session.ts), by its Kysely handle. */
const copyTargets = new WeakMap<object, CopyInto>();

/** Lets `bulkInsert` on `db` (a transaction of the bulk session) use COPY. */
export function enableCopy(db: AnyDb, copy: CopyInto): void {
  copyTargets.set(db, copy);
}

/** A cell in COPY text format: backslash, tab, newline and carriage return escaped; null as \N. */
function copyCell(value: Cell): string {
  if (value === null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : text;
}
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The batch as COPY text: one line per row (joined from flat strings, so nothing is re-copied). */
export function copyText(batch: ColumnBatch): string {
  const columns = batch.values;
  // Only text and json cells can hold a character COPY would misread.
  const plain = batch.columns.map(([, type]) => PLAIN_TYPES.has(type));
  const lines: string[] = new Array(batch.length + 1);
  const cells: string[] = new Array(columns.length);
  for (let r = 0; r < batch.length; r++) {
    for (let c = 0; c < columns.length; c++) {
      const value = columns[c]![r]!;
      cells[c] = plain[c] ? (value === null ? '\\N' : value instanceof Date ? value.toISOString() : typeof value === 'boolean' ? (value ? 't' : 'f') : String(value)) : copyCell(value);
    }
    lines[r] = cells.join('\t');
  }
  lines[batch.length] = '';
  return lines.join('\n');
}
const PLAIN_TYPES = new Set(['uuid', 'int', 'bigint', 'date', 'timestamptz', 'boolean']);

/**
 * Inserts the batch: by COPY where the connection allows it, otherwise `insert into table (cols)
 * select * from unnest(...)`. Returns the number of rows inserted.
 */
export async function bulkInsert(db: AnyDb, table: string, batch: ColumnBatch): Promise<number> {
  if (batch.length === 0) return 0;
  const copy = copyTargets.get(db);
  if (copy) {
    const t = performance.now();
    await copy(table, batch.columns.map(([name]) => name), copyText(batch));
    if (process.env.SCALE_DEBUG) TIMINGS.set(`copy ${table}`, (TIMINGS.get(`copy ${table}`) ?? 0) + performance.now() - t);
    return batch.length;
  }
  const source = unnestSource(batch, 't');
  const columns = batch.columns.map(([name]) => name).join(', ');
  const values = batch.columns.map(([name, type]) => (type.endsWith('[]') ? `${name}::${type}` : name)).join(', ');
  await run(db, `insert into ${table} (${columns}) select ${values} from ${source.sql}`, source.params);
  return batch.length;
}

/** Runs raw SQL with parameters. */
export async function run(db: AnyDb, text: string, params: unknown[] = []): Promise<void> {
  const t = performance.now();
  await db.executeQuery(CompiledQuery.raw(text, params));
  if (process.env.SCALE_DEBUG) {
    const key = text.slice(0, 40).replace(/\s+/g, ' ');
    TIMINGS.set(key, (TIMINGS.get(key) ?? 0) + performance.now() - t);
  }
}
/** With SCALE_DEBUG set: total ms per kind of statement (queueing on the connection included). */
export const TIMINGS = new Map<string, number>();

/** Runs raw SQL and returns its rows. */
export async function query<R>(db: AnyDb, text: string, params: unknown[] = []): Promise<R[]> {
  return (await db.executeQuery<R>(CompiledQuery.raw(text, params))).rows;
}

/**
 * Keeps up to `limit` inserts in flight while the caller builds the next chunk, so Node (building
 * rows, hashing) and PostgreSQL (inserting) work at the same time. The first failure is rethrown.
 */
export class InsertPipeline {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown = undefined;
  constructor(private readonly limit = 2) {}

  async push(work: () => Promise<unknown>): Promise<void> {
    this.throwIfFailed();
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    this.throwIfFailed();
    const p: Promise<void> = work().then(
      () => undefined,
      (e: unknown) => {
        this.failure ??= e;
      },
    );
    const tracked = p.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/**
 * A v4-shaped uuid from md5(key), the same as SQL's `md5UuidSql(key)`: lets SQL (cadres made by
 * generate_series) and Node (matters naming those cadres) agree on ids without a round trip.
 */
export function md5Uuid(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  const variant = '89ab'[parseInt(h[16]!, 16) % 4]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
}

/** SQL for `md5Uuid`: `expr` is a text expression evaluated once per row. */
export function md5UuidSql(expr: string): string {
  return `(select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', (position(substr(h, 17, 1) in '0123456789abcdef') - 1) % 4 + 1, 1) || substr(h, 18))::uuid from md5(${expr}) h)`;
}

/**
 * Deterministic v4-shaped uuids, unique within a run: the first 32 bits are a bijective mix of a
 * counter (so no two ids of a run can collide, unlike ids drawn from a 32-bit generator), the rest
 * come from the seeded stream, so ids still look random and land all over a btree like real ones.
 */
export class IdSource {
  private counter: number;
  private codes = 0;
  constructor(private readonly next: () => number, start = 0) {
    this.counter = start;
  }
  id(): string {
    const h = fmix32(this.counter++ ^ 0x5bd1e995);
    const a = (this.next() * 0x100000000) >>> 0;
    const b = (this.next() * 0x100000000) >>> 0;
    const c = (this.next() * 0x100000000) >>> 0;
    return (
      hex8(h) + '-' + HEX[(a >>> 24) & 0xff]! + HEX[(a >>> 16) & 0xff]! + '-4' + HEX[(a >>> 8) & 0xff]!.slice(1) + HEX[a & 0xff]! +
      '-' + HEX[((b >>> 24) & 0x3f) | 0x80]! + HEX[(b >>> 16) & 0xff]! + '-' + HEX[(b >>> 8) & 0xff]! + HEX[b & 0xff]! + hex8(c)
    );
  }

  /**
   * A document verification code (XXXX-XXXX-XXXX-XXXX, Crockford base32, 80 bits) unique within the
   * run: its first seven characters spell a bijective mix of a counter, the rest are random.
   */
  code(): string {
    let unique = fmix32(this.codes++ ^ 0x27d4eb2d);
    let chars = '';
    for (let i = 0; i < 7; i++, unique = Math.floor(unique / 32)) chars += CODE_ALPHABET[unique % 32];
    for (let i = 0; i < 9; i++) chars += CODE_ALPHABET[Math.floor(this.next() * 32)];
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12)}`;
  }
}

const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex8 = (x: number) => HEX[(x >>> 24) & 0xff]! + HEX[(x >>> 16) & 0xff]! + HEX[(x >>> 8) & 0xff]! + HEX[x & 0xff]!;

/** murmur3's finaliser: a bijection on 32-bit integers that scatters consecutive inputs. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
