import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OpenMatterBody } from '../../../contracts/tolerance.ts';
import { APPLICATION_LIMITS } from './applicationLimits.ts';

describe('application form limits', () => {
  it('match OpenMatterBody', () => {
    const schema = z.toJSONSchema(OpenMatterBody, { unrepresentable: 'any', io: 'input' }) as unknown as {
      properties: Record<string, { maxLength?: number }>;
      required: string[];
    };
    for (const [field, max] of Object.entries(APPLICATION_LIMITS))
      expect({ field, max: schema.properties[field]?.maxLength }).toEqual({ field, max });
    expect(schema.required.sort()).toEqual(['route', 'summary', 'title']);
  });
});
