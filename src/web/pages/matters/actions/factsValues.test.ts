import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTION_BODIES } from '../../../../contracts/tolerance.ts';
import { FINDINGS_MAX, toFacts } from './factsValues.ts';

describe('facts form values', () => {
  it('leave unknown gates out, keep G3’s three answers, and make a body the contract accepts', () => {
    const facts = toFacts({
      conductDate: '2026-01-15',
      gates: { G1: 'yes', G2: 'no', G3: 'emergency_reported', G4: 'unknown' },
      situations: ['S3'],
      exclusions: [],
      breachOutstanding: false,
      mitigating: ['M1'],
      aggravating: [],
    });
    expect(facts.gates).toEqual({ G1: true, G2: false, G3: 'emergency_reported' });
    expect(facts.preRegistration).toBe('not_required');
    expect(ACTION_BODIES.record_facts.safeParse({ facts, findings: '查明' }).success).toBe(true);
  });
  it('limit the findings like the contract', () => {
    const schema = z.toJSONSchema(ACTION_BODIES.record_facts, {
      unrepresentable: 'any',
      io: 'input',
    }) as unknown as { properties: { findings: { maxLength: number } } };
    expect(schema.properties.findings.maxLength).toBe(FINDINGS_MAX);
  });
});
