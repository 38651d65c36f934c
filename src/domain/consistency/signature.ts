/**
 * 认定尺度统一 (consistency, DESIGN §3.2 and §3.11, DOMAIN §11.3 "similar facts should get similar
 * outcomes"): the structured signature of a determination — how each gate condition was established,
 * which tolerable situations and which exclusion-list items apply. Two determinations are compared
 * on these before any text; the signature is stored compactly per matter (decision_signatures) so
 * that finding the most similar decided matters is a few index look-ups, not a scan of the history.
 */
import type { Facts, GateAnswer } from '../policy/types.ts';

/** A gate as established: met (G3 `emergency_reported` counts as met, FACTS.md), failed, or unknown. */
export type GateState = 'met' | 'failed' | 'unknown';

export type Signature = {
  /** Every gate of the matter's policy version, in id order, with its state. */
  gates: readonly { id: string; state: GateState }[];
  /** Tolerable situations (S-ids), sorted. */
  situations: readonly string[];
  /** Exclusion-list items (X-ids), sorted. */
  exclusions: readonly string[];
};

/** G2 < G10: ids compare by their letters, then by their number. */
export function compareItemIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function gateState(answer: GateAnswer | undefined): GateState {
  if (answer === undefined) return 'unknown';
  return answer === true || answer === 'yes' || answer === 'emergency_reported' ? 'met' : 'failed';
}

const sortedUnique = (ids: readonly string[]) => [...new Set(ids)].sort(compareItemIds);

/**
 * The signature of established facts. `gateIds` are the gates of the policy version the matter is
 * handled under: a gate the facts leave out is `unknown` (FACTS.md), and a gate the facts name but
 * the policy does not have is kept too, so nothing recorded is silently dropped.
 */
export function signatureOf(
  facts: Pick<Facts, 'gates' | 'situations' | 'exclusions'>,
  gateIds: readonly string[],
): Signature {
  const ids = sortedUnique([...gateIds, ...Object.keys(facts.gates)]);
  return {
    gates: ids.map((id) => ({ id, state: gateState(facts.gates[id]) })),
    situations: sortedUnique(facts.situations),
    exclusions: sortedUnique(facts.exclusions),
  };
}

const STATE_CODE: Record<GateState, string> = { met: 'y', failed: 'n', unknown: 'u' };
const CODE_STATE: Record<string, GateState> = { y: 'met', n: 'failed', u: 'unknown' };

/** The gates as one indexable key: `G1=y,G2=y,G3=n,…` (y met, n failed, u unknown). */
export function gateKey(gates: Signature['gates']): string {
  return gates.map((g) => `${g.id}=${STATE_CODE[g.state]}`).join(',');
}

/** The situations and exclusions as one indexable key: `S2,S3|X1`. */
export function itemKey(sig: Pick<Signature, 'situations' | 'exclusions'>): string {
  return `${sig.situations.join(',')}|${sig.exclusions.join(',')}`;
}

/** Reads a `gateKey` back. Unknown codes read as unknown (never guessed as met). */
export function parseGateKey(key: string): Signature['gates'] {
  if (key === '') return [];
  return key.split(',').map((part) => {
    const [id = '', code = 'u'] = part.split('=');
    return { id, state: CODE_STATE[code] ?? 'unknown' };
  });
}

/**
 * The gate keys one gate away: each gate in each of its two other states (7 gates → 14 keys). With
 * the same key, they are where the structurally nearest matters are found by index.
 */
export function gateNeighbourKeys(gates: Signature['gates']): string[] {
  const keys: string[] = [];
  gates.forEach((gate, i) => {
    for (const state of ['met', 'failed', 'unknown'] as const) {
      if (state === gate.state) continue;
      keys.push(gateKey(gates.map((g, j) => (j === i ? { id: g.id, state } : g))));
    }
  });
  return keys;
}
