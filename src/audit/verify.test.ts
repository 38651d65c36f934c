import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, chainInput, type AuditEventContent } from '../domain/audit/canonical.ts';
import { canonicalEventJson, eventChainInput } from './verify.ts';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '"', '\\', '\n', '\u001f', '容', '错', '😀', ' ', '/', '\u2028') });
const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(text, tie('value'), { maxKeys: 4 })),
})).value;
const event: fc.Arbitrary<AuditEventContent> = fc.record({
  seq: fc.integer({ min: 1, max: 2 ** 40 }),
  id: fc.uuid(),
  occurredAt: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actorUserId: fc.option(fc.uuid(), { nil: null }),
  actor: text,
  action: text,
  entityType: text,
  entityId: fc.option(text, { nil: null }),
  jurisdictionId: fc.option(fc.uuid(), { nil: null }),
  data: fc.dictionary(text, json, { maxKeys: 6 }),
});

describe('canonicalEventJson', () => {
  it('writes exactly what canonicalJson writes for any event', () => {
    fc.assert(
      fc.property(event, (e) => {
        expect(canonicalEventJson(e)).toBe(canonicalJson(e));
        expect(eventChainInput('ab'.repeat(32), e)).toBe(chainInput('ab'.repeat(32), e));
      }),
      { numRuns: 2000 },
    );
  });

  it('sorts the keys of nested data', () => {
    const e: AuditEventContent = { seq: 1, id: 'x', occurredAt: '2026-01-01T00:00:00.000Z', actorUserId: null, actor: 'a', action: 'b', entityType: 'c', entityId: null, jurisdictionId: null, data: { z: 1, a: { y: 2, b: 3 } } };
    expect(canonicalEventJson(e)).toContain('"data":{"a":{"b":3,"y":2},"z":1}');
  });
});

