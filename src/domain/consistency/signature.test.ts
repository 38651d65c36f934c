import { describe, expect, it } from 'vitest';
import { gateKey, gateNeighbourKeys, gateState, itemKey, parseGateKey, signatureOf } from './signature.ts';

const GATES = ['G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7'];
const ALL_MET = { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true } as const;

describe('signature of established facts', () => {
  it('reads gates as met, failed or unknown; an emergency reported afterwards counts as met', () => {
    expect(
      [true, 'yes', 'emergency_reported', false, 'no', undefined].map((a) => gateState(a as never)),
    ).toEqual(['met', 'met', 'met', 'failed', 'failed', 'unknown']);
  });

  it('lists every gate of the policy, in numeric order, a gate left out as unknown', () => {
    const sig = signatureOf(
      { gates: { G3: 'no', G1: true }, situations: ['S3', 'S2', 'S3'], exclusions: [] },
      ['G10', ...GATES],
    );
    expect(sig.gates.map((g) => `${g.id}=${g.state}`)).toEqual([
      'G1=met',
      'G2=unknown',
      'G3=failed',
      'G4=unknown',
      'G5=unknown',
      'G6=unknown',
      'G7=unknown',
      'G10=unknown',
    ]);
    expect(sig.situations).toEqual(['S2', 'S3']);
  });

  it('keys the gates and the items compactly, and reads the gate key back', () => {
    const sig = signatureOf(
      { gates: { ...ALL_MET, G3: 'no' }, situations: ['S3', 'S2'], exclusions: ['X10', 'X2'] },
      GATES,
    );
    expect(gateKey(sig.gates)).toBe('G1=y,G2=y,G3=n,G4=y,G5=y,G6=y,G7=y');
    expect(itemKey(sig)).toBe('S2,S3|X2,X10');
    expect(parseGateKey(gateKey(sig.gates))).toEqual(sig.gates);
    expect(parseGateKey('G1=?')).toEqual([{ id: 'G1', state: 'unknown' }]);
    expect(itemKey({ situations: [], exclusions: [] })).toBe('|');
  });

  it('names the 14 gate keys one gate away, none of them its own', () => {
    const sig = signatureOf({ gates: ALL_MET, situations: [], exclusions: [] }, GATES);
    const keys = gateNeighbourKeys(sig.gates);
    expect(keys).toHaveLength(14);
    expect(new Set(keys).size).toBe(14);
    expect(keys).not.toContain(gateKey(sig.gates));
    expect(keys).toContain('G1=y,G2=y,G3=n,G4=y,G5=y,G6=y,G7=y');
    expect(keys).toContain('G1=u,G2=y,G3=y,G4=y,G5=y,G6=y,G7=y');
  });
});
