/**
 * Test helper: checks a procedure table cell by cell (state × actor × action) against a hand-written
 * expectation. A cell the expectation does not allow must be refused with the most specific reason:
 * `procedure.wrong_state` when the actor may take the action in some other state,
 * `procedure.recused` when only the actor's relation to the matter stands in the way, and
 * `auth.forbidden` otherwise.
 */
import { allowedActions, refusal, type Actor, type MatterState, type ProcedureTable } from './engine.ts';

export type Matrix<S extends string, A extends string, K extends string> = Record<
  S,
  Partial<Record<K, readonly A[]>>
>;

export type MatrixSpec<S extends string, A extends string, M extends MatterState<S>, K extends string> = {
  table: ProcedureTable<S, A, M>;
  states: readonly S[];
  actions: readonly A[];
  actors: Record<K, Actor>;
  /** The unrelated counterpart of a related commission key: what it could do were it not recused. */
  unrelated: Partial<Record<K, K>>;
  expected: Matrix<S, A, K>;
  /** A matter in `state` on which `action`'s guard passes. */
  matterFor: (state: S, action: A) => M;
  now: Date;
};

/** Every cell that differs from the expectation, as readable lines; and how many cells were checked. */
export function matrixMismatches<
  S extends string,
  A extends string,
  M extends MatterState<S>,
  K extends string,
>(spec: MatrixSpec<S, A, M, K>): { mismatches: string[]; checked: number } {
  const keys = Object.keys(spec.actors) as K[];
  const anywhere = (key: K, action: A) => spec.states.some((s) => spec.expected[s][key]?.includes(action));
  const mismatches: string[] = [];
  let checked = 0;
  for (const state of spec.states) {
    for (const key of keys) {
      for (const action of spec.actions) {
        checked += 1;
        const counterpart = spec.unrelated[key];
        const expected = spec.expected[state][key]?.includes(action)
          ? null
          : anywhere(key, action)
            ? 'procedure.wrong_state'
            : counterpart && anywhere(counterpart, action)
              ? 'procedure.recused'
              : 'auth.forbidden';
        const actual =
          refusal(spec.table, spec.matterFor(state, action), spec.actors[key], action, spec.now)?.code ??
          null;
        if (actual !== expected)
          mismatches.push(`${state} × ${key} × ${action}: expected ${expected}, got ${actual}`);
      }
    }
  }
  return { mismatches, checked };
}

/** Where `allowedActions` (the buttons) differs from the expectation, on a matter where all guards pass. */
export function offeredMismatches<
  S extends string,
  A extends string,
  M extends MatterState<S>,
  K extends string,
>(spec: MatrixSpec<S, A, M, K>, matterIn: (state: S) => M): string[] {
  const out: string[] = [];
  for (const state of spec.states) {
    for (const key of Object.keys(spec.actors) as K[]) {
      const offered = allowedActions(spec.table, matterIn(state), spec.actors[key], spec.now).sort();
      const expected = [...(spec.expected[state][key] ?? [])].sort();
      if (offered.join() !== expected.join())
        out.push(`${state} × ${key}: offered [${offered.join()}] expected [${expected.join()}]`);
    }
  }
  return out;
}
