/**
 * The shape of the authorization matrix (see authz-matrix.ts): who asks, how they stand to the
 * record, and the answer they must get — written as small aligned grids that read like the spec.
 */
import type { AnyStage, MatterType } from './authz-fixtures.ts';

/** The eight roles of DESIGN §2 as the demo users hold them, and a request without a session. */
export const WHO = [
  'anonymous',
  'admin',
  'officer',
  'leader',
  'committee1',
  'cadre',
  'unit',
  'orgdept',
  'supervisor',
] as const;
export type Who = (typeof WHO)[number];

/**
 * How the asker stands to the record: their own (matter about or filed by them, their own cadre
 * record or account), an unrelated one in K County, one in L County, or one they must recuse from
 * (a matter about a cadre of their own unit). `any` for routes that address no record.
 */
export const RELATIONS = ['own', 'same', 'other', 'recused', 'any'] as const;
export type Relation = (typeof RELATIONS)[number];

/** An expected status; `spec` when the server's answer (kept, so the suite stays green) disagrees with DESIGN. */
export type Cell = { status: number; spec: boolean };
export type Grid = Partial<Record<Who, Partial<Record<Relation, Cell>>>>;

/**
 * Parses a grid: a header naming the relation columns, then one row per asker; `.` is "no such
 * record can exist" (no cell); a trailing `?` marks a SPEC? disagreement listed in SPEC_NOTES.
 * Without an `anonymous` row, anonymous gets 401 in every column but `own`.
 */
export function grid(text: string): Grid {
  const [header, ...rows] = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const columns = header!.map((name) => {
    if (!(RELATIONS as readonly string[]).includes(name)) throw new Error(`grid: unknown relation ${name}`);
    return name as Relation;
  });
  const result: Grid = {};
  for (const [who, ...cells] of rows) {
    if (!(WHO as readonly string[]).includes(who!)) throw new Error(`grid: unknown asker ${who}`);
    if (cells.length !== columns.length)
      throw new Error(`grid: row ${who} has ${cells.length} cells for ${columns.length} columns`);
    const row: Partial<Record<Relation, Cell>> = {};
    cells.forEach((cell, i) => {
      if (cell === '.') return;
      const status = Number(cell.replace('?', ''));
      if (!Number.isInteger(status)) throw new Error(`grid: bad cell ${cell} for ${who}`);
      row[columns[i]!] = { status, spec: cell.endsWith('?') };
    });
    result[who as Who] = row;
  }
  if (!result.anonymous) {
    result.anonymous = Object.fromEntries(
      columns.filter((c) => c !== 'own').map((c) => [c, { status: 401, spec: false }]),
    );
  }
  for (const who of WHO) if (!result[who]) throw new Error(`grid: no row for ${who}`);
  return result;
}

/** What the relation columns point at (resolved per asker by the runner). */
export type Target =
  | { kind: 'none' }
  /** A matter of the type (tolerance by default) in the stage (see authz-fixtures*.ts). */
  | { kind: 'matter'; stage: AnyStage; type?: MatterType }
  /** own: the asker's cadre record; same: a K County cadre; other: an L County cadre */
  | { kind: 'cadre' }
  /** the cadre a new matter would be about (own: themself, or for the unit one of its cadres) */
  | { kind: 'subject' }
  /** own: the asker's account; same: a K County account; other: an L County account */
  | { kind: 'account' }
  /** same: K County; other: L County */
  | { kind: 'jurisdiction' }
  /** a unit and one of its cadres: own, the asker's unit (and themself); recused, 县纪委监委 */
  | { kind: 'unit' }
  /** a sanction recorded against a cadre: the same kinds as follow-ups (authz-fixtures-follow-up.ts) */
  | { kind: 'sanction' }
  /** a webhook subscription: same, of K County; other, of L County (authz-outcomes.ts) */
  | { kind: 'webhook' };

/** Ids a cell's request is built from: the record the relation points at, or random ones (missing). */
export type Resolved = {
  id: string;
  fileId: string;
  documentId: string;
  taskId: string;
  documentCode: string;
  assignmentId: string;
  jurisdictionId: string;
  /** A cadre the request names beside the record (the unit's cadre for a correction order). */
  subjectId: string;
};

/** Everything a body may depend on. */
export type BodyContext = {
  who: Who;
  relation: Relation;
  t: Resolved;
  userId: (username: string) => string;
  today: string;
  serial: number;
};

export type Entry = {
  /** `METHOD /url` exactly as the app registers it. */
  route: string;
  grid: Grid;
  target: Target;
  body?: object | ((c: BodyContext) => object);
  query?: (c: BodyContext) => Record<string, string>;
  /** URL parameters other than the target's id (policy ids, years). */
  params?: Record<string, string>;
  /** Which id fills `:id` (default the record's own: the matter, cadre or account). */
  idFrom?: keyof Resolved;
  /** multipart/form-data instead of JSON. */
  form?: 'evidence' | 'roster' | 'document';
  /** Sign in afresh for each cell (the cell ends its session), and sign in again afterwards. */
  endsSession?: boolean;
  /** Statuses (besides 404) that must read exactly like the answer for a missing record. */
  hidden?: number[];
  /** Sent before the cell, as the same asker (e.g. start the authenticator set-up before confirming). */
  before?: { route: string };
  /** The asker entitled to the step, on a matter in a state the step does not start from: 409. */
  wrongState?: { who: Who; relation: Relation; stage: AnyStage };
};

/** Cells of an entry (the wrong-state cell included). */
export function cellsOf(entry: Entry): number {
  let n = entry.wrongState ? 1 : 0;
  for (const who of WHO) n += Object.keys(entry.grid[who] ?? {}).length;
  return n;
}

/** `'officer/same@verifying'` → the wrong-state cell of a step: that asker, relation and stage. */
export function wrongState(spec: string): NonNullable<Entry['wrongState']> {
  const match = /^(\w+)\/(\w+)@(\w+)$/.exec(spec);
  if (!match) throw new Error(`wrong state: ${spec}`);
  return { who: match[1] as Who, relation: match[2] as Relation, stage: match[3] as AnyStage };
}
