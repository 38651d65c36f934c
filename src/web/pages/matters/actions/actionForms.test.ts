import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTION_BODIES, CorrectionOrder } from '../../../../contracts/tolerance.ts';
import { ACTION_FORMS, CORRECTION_LIMITS, type FieldSpec } from './actionForms.ts';

type JsonProperty = {
  type?: string;
  maxLength?: number;
  enum?: string[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
};
type JsonObject = { properties: Record<string, JsonProperty>; required?: string[] };

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as unknown as JsonObject;

/** What the form table says about one field, in the terms of the JSON schema. */
function expected(spec: FieldSpec): Partial<JsonProperty> {
  switch (spec.kind) {
    case 'text':
    case 'textarea':
    case 'divergence':
      return { type: 'string', maxLength: spec.max };
    case 'select':
      return { type: 'string', enum: [...spec.options] };
    case 'date':
      return { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
    case 'members':
      return { type: 'array', minItems: spec.min, maxItems: spec.max };
    case 'task':
    case 'omitted':
      return { type: 'string' };
    case 'correction':
      return { type: 'object' };
  }
}

describe('action forms mirror ACTION_BODIES', () => {
  const withForms = Object.keys(ACTION_FORMS) as (keyof typeof ACTION_FORMS)[];

  it('cover every step except the two with their own forms', () => {
    const all = Object.keys(ACTION_BODIES).filter((a) => a !== 'record_facts' && a !== 'add_evidence');
    expect([...withForms].sort()).toEqual(all.sort());
  });

  it.each(withForms)('%s: same fields, required ones, lengths and choices', (action) => {
    const schema = json(ACTION_BODIES[action]);
    const specs = ACTION_FORMS[action];
    expect(specs.map((s) => s.name).sort()).toEqual(Object.keys(schema.properties).sort());
    expect(
      specs
        .filter((s) => s.required)
        .map((s) => s.name)
        .sort(),
    ).toEqual([...(schema.required ?? [])].sort());
    for (const spec of specs) {
      const property = schema.properties[spec.name]!;
      const picked = Object.fromEntries(
        Object.keys(expected(spec)).map((key) => [key, property[key as keyof JsonProperty]]),
      );
      expect({ field: spec.name, ...picked }).toEqual({ field: spec.name, ...expected(spec) });
    }
  });

  it('correction order limits match the contract', () => {
    const schema = json(CorrectionOrder);
    expect(schema.properties.measures?.maxLength).toBe(CORRECTION_LIMITS.measures);
    expect(schema.properties.responsible?.maxLength).toBe(CORRECTION_LIMITS.responsible);
    expect(schema.properties.deadlineWorkingDays?.minimum).toBe(CORRECTION_LIMITS.minDays);
    expect(schema.properties.deadlineWorkingDays?.maximum).toBe(CORRECTION_LIMITS.maxDays);
  });
});
