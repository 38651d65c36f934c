import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import type { Outcome } from '../policy/types.ts';
import {
  consistencyRecord,
  divergenceByOutcome,
  diverges,
  practiceOf,
  type Neighbour,
} from './divergence.ts';

const n = (id: string, outcome: Outcome, decisive = true): Neighbour => ({
  id,
  kind: 'matter',
  outcome,
  points: decisive ? 1000 : 928,
  decisive,
});

describe('divergence rule', () => {
  it('finds the majority of the five nearest sufficiently similar neighbours', () => {
    const p = practiceOf([
      n('a', 'exempt'),
      n('b', 'exempt'),
      n('c', 'mitigate'),
      n('d', 'exempt'),
      n('e', 'refuse'),
      n('f', 'mitigate'),
      n('g', 'mitigate'),
    ]);
    expect(p.neighbours.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(p.mix).toEqual({ exempt: 3, mitigate: 1, refuse: 1 });
    expect(p.majority).toBe('exempt');
    expect(divergenceByOutcome(p)).toEqual({ exempt: false, mitigate: true, refuse: true });
  });

  it('counts only neighbours with the same gates and exclusions', () => {
    const p = practiceOf([n('a', 'exempt'), n('b', 'exempt'), n('c', 'exempt', false), n('d', 'refuse')]);
    expect(p.neighbours.map((x) => x.id)).toEqual(['a', 'b', 'd']);
    expect(p.majority).toBe('exempt');
    // Three exempt neighbours that differ in a gate are no practice for this matter.
    expect(
      practiceOf([n('a', 'exempt', false), n('b', 'exempt', false), n('c', 'exempt', false)]).majority,
    ).toBeNull();
  });

  it('has no majority with fewer than three neighbours or without more than half agreeing', () => {
    expect(practiceOf([n('a', 'exempt'), n('b', 'exempt')]).majority).toBeNull();
    const split = practiceOf([n('a', 'exempt'), n('b', 'exempt'), n('c', 'mitigate'), n('d', 'mitigate')]);
    expect(split.majority).toBeNull();
    expect(diverges(split, 'refuse')).toBe(false);
    const three = practiceOf([n('a', 'refuse'), n('b', 'refuse'), n('c', 'exempt')]);
    expect(three.majority).toBe('refuse');
  });

  it('requires a reason to diverge, and records it with the neighbours', () => {
    const p = practiceOf([n('a', 'exempt'), n('b', 'exempt'), n('c', 'exempt'), n('d', 'mitigate')]);
    let error: unknown;
    try {
      consistencyRecord(p, 'mitigate', '  ');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'matter.divergence_reason_required', field: 'divergenceReason' });
    expect((error as DomainError).details).toMatchObject({ count: 3, neighbours: 4, majority: '容错免责' });
    const record = consistencyRecord(p, 'mitigate', ' 程序瑕疵较重 ');
    expect(record).toMatchObject({
      outcome: 'mitigate',
      diverges: true,
      majority: 'exempt',
      reason: '程序瑕疵较重',
    });
    expect(record.neighbours.map((x) => x.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(record.mix).toEqual({ exempt: 3, mitigate: 1, refuse: 0 });
  });

  it('takes the fallback reason, and keeps no reason for an outcome that does not diverge', () => {
    const p = practiceOf([n('a', 'exempt'), n('b', 'exempt'), n('c', 'exempt')]);
    expect(consistencyRecord(p, 'refuse', undefined, '拟议时已说明').reason).toBe('拟议时已说明');
    expect(consistencyRecord(p, 'exempt', '无需理由')).toMatchObject({ diverges: false, reason: null });
    expect(consistencyRecord(practiceOf([]), 'refuse', undefined)).toMatchObject({
      diverges: false,
      majority: null,
    });
  });
});
