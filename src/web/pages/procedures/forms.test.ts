import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CORRECTION_ACTION_BODIES, OpenCorrectionBody } from '../../../contracts/correction.ts';
import {
  OpenPreRegistrationBody,
  PRE_REGISTRATION_ACTION_BODIES,
} from '../../../contracts/pre-registration.ts';
import { OpenNameClearingBody } from '../../../contracts/name-clearing.ts';
import { CORRECTION_PROCEDURE } from '../../../domain/correction/procedure.ts';
import { PRE_REGISTRATION_PROCEDURE } from '../../../domain/pre-registration/procedure.ts';
import type { Me } from '../../api/types.ts';
import { CORRECTION } from './correction/config.tsx';
import type { ProcedureFieldSpec } from './fields.ts';
import { FOLLOW_UP } from './follow-up/config.tsx';
import { NAME_CLEARING } from './name-clearing/config.tsx';
import { PRE_REGISTRATION } from './pre-registration/config.tsx';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';

/**
 * Every procedure's forms against its contract: a step's dialog against its action body, the create
 * form against the open body — the same fields, required ones, lengths, ranges and choices, nested
 * lists and groups included. A new procedure adds one line to PROCEDURES below.
 */
type Procedure = {
  config: ProcedureConfig<ProcedureDetail>;
  bodies: Record<string, z.ZodType>;
  open: z.ZodType | null;
  /** The procedure table's steps: every one has a form. */
  steps: readonly string[];
};

const PROCEDURES: Procedure[] = [
  {
    config: CORRECTION as unknown as ProcedureConfig<ProcedureDetail>,
    bodies: CORRECTION_ACTION_BODIES,
    open: OpenCorrectionBody,
    steps: Object.keys(CORRECTION_PROCEDURE.actions),
  },
  {
    config: PRE_REGISTRATION as unknown as ProcedureConfig<ProcedureDetail>,
    bodies: PRE_REGISTRATION_ACTION_BODIES,
    open: OpenPreRegistrationBody,
    steps: Object.keys(PRE_REGISTRATION_PROCEDURE.actions),
  },
];

type Json = {
  type?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  items?: Json;
  properties?: Record<string, Json>;
  required?: string[];
  anyOf?: Json[];
};

const json = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as unknown as Json;

/** A nullable property is `anyOf: [X, {type: 'null'}]`: the non-null side. */
const unwrap = (p: Json): Json => p.anyOf?.find((x) => x.type !== 'null') ?? p;

/** A user holding every role, so the create form shows every choice the contract has. */
const EVERYONE = {
  roles: (['cadre', 'unit_leader', 'case_officer'] as const).map((role) => ({
    role,
    jurisdiction: { id: 'j', code: 'K', name: 'K县', level: 'county' as const },
    unitId: 'u',
  })),
} as unknown as Me;

/** Checks a form's fields against an object schema, recursing into lists and groups. */
function compare(where: string, specs: readonly ProcedureFieldSpec[], schema: Json): void {
  const properties = schema.properties ?? {};
  expect({ where, fields: specs.map((s) => s.name).sort() }).toEqual({
    where,
    fields: Object.keys(properties).sort(),
  });
  expect({
    where,
    required: specs
      .filter((s) => s.required)
      .map((s) => s.name)
      .sort(),
  }).toEqual({ where, required: [...(schema.required ?? [])].sort() });
  for (const spec of specs) {
    const raw = properties[spec.name]!;
    const p = unwrap(raw);
    const at = `${where}.${spec.name}`;
    switch (spec.kind) {
      case 'text':
      case 'textarea':
        expect({ at, type: p.type, maxLength: p.maxLength }).toEqual({
          at,
          type: 'string',
          maxLength: spec.max,
        });
        break;
      case 'select':
        expect({ at, enum: p.enum }).toEqual({ at, enum: [...spec.options] });
        break;
      case 'date':
        expect({ at, pattern: p.pattern }).toEqual({ at, pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
        break;
      case 'number':
        expect({ at, type: p.type, minimum: p.minimum, maximum: p.maximum }).toEqual({
          at,
          type: 'integer',
          minimum: spec.min,
          maximum: spec.max,
        });
        break;
      case 'unit':
      case 'cadre':
      case 'omitted':
        expect({ at, type: p.type }).toEqual({ at, type: 'string' });
        break;
      case 'files':
        expect({ at, type: p.type, minItems: p.minItems, maxItems: p.maxItems }).toEqual({
          at,
          type: 'array',
          minItems: spec.min,
          maxItems: spec.max,
        });
        break;
      case 'switch':
        expect({ at, type: p.type }).toEqual({ at, type: 'boolean' });
        break;
      case 'multi':
        expect({ at, type: p.type, enum: p.items?.enum }).toEqual({
          at,
          type: 'array',
          enum: [...spec.options],
        });
        break;
      case 'keyed':
        expect({ at, type: p.type }).toEqual({ at, type: 'object' });
        break;
      case 'list':
        expect({ at, type: p.type, minItems: p.minItems, maxItems: p.maxItems }).toEqual({
          at,
          type: 'array',
          minItems: spec.min,
          maxItems: spec.max,
        });
        compare(at, spec.fields, p.items!);
        break;
      case 'group':
        expect({ at, type: p.type, nullable: raw.anyOf !== undefined }).toEqual({
          at,
          type: 'object',
          nullable: spec.nullable === true,
        });
        compare(at, spec.fields, p);
        break;
    }
  }
}

describe.each(PROCEDURES)('$config.type forms mirror the contract', ({ config, bodies, open, steps }) => {
  it('has a form for every step of the procedure table, and no other', () => {
    expect(Object.keys(config.actions).sort()).toEqual([...steps].sort());
    expect(Object.keys(bodies).sort()).toEqual([...steps].sort());
  });

  it.each(steps)('%s: same fields, required ones, lengths, ranges and choices', (action) => {
    compare(action, config.actions[action]!, json(bodies[action]!));
  });

  it('the create form has the open body’s fields', () => {
    if (!open || !config.create) return;
    compare('create', config.create.fields(EVERYONE), json(open));
  });

  it('conditional fields name a field of the same form, with one of its choices', () => {
    for (const [action, specs] of Object.entries(config.actions))
      for (const spec of specs) {
        if (!spec.showWhen) continue;
        const other = specs.find((s) => s.name === spec.showWhen!.field);
        expect({ action, field: other?.kind }).toEqual({ action, field: 'select' });
        expect(other?.kind === 'select' && other.options.includes(spec.showWhen.equals)).toBe(true);
      }
  });
});

// 澄清正名 and 回访教育 declare each step's form beside the step in the API (contracts' ActionField,
// checked against the bodies by usecases/name-clearing/action-fields.test.ts and
// contracts/follow-up.test.ts): their pages declare no step form, only 澄清正名's opening form.
describe('procedures whose steps come declared by the API', () => {
  it('declare no step forms of their own', () => {
    expect(NAME_CLEARING.actions).toEqual({});
    expect(FOLLOW_UP.actions).toEqual({});
  });

  it('name_clearing: the opening form has the open body’s fields, required ones, lengths and choices', () => {
    compare('create', NAME_CLEARING.create!.fields(EVERYONE), json(OpenNameClearingBody));
  });
});
