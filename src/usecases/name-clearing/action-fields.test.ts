import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NAME_CLEARING_ACTION_BODIES } from '../../contracts/name-clearing.ts';
import { NAME_CLEARING_PROCEDURE, type NameClearingAction } from '../../domain/name-clearing/procedure.ts';
import { resolvePolicy, SHIPPED_POLICIES } from '../../domain/policy/index.ts';
import { day } from '../../domain/tolerance/test-matter.ts';
import { actionFields } from './action-fields.ts';
import { EMPTY_CLEARING, type StoredClearing } from './stored.ts';

const policy = resolvePolicy(SHIPPED_POLICIES, 'k-county', '2024-01-01');
const consented: StoredClearing = {
  ...EMPTY_CLEARING,
  consent: {
    forms: ['written', 'meeting'],
    scope: 'unit',
    consentedOn: day('2026-03-03'),
    recordedBy: 'cadre',
    consultedVia: 'online',
  },
  plan: { forms: ['written'], scope: 'party_organisation', submittedOn: day('2026-03-04'), plannedOn: null },
};
const ACTIONS = Object.keys(NAME_CLEARING_PROCEDURE.actions) as NameClearingAction[];

/** The objects a body may be: one, or each member of a discriminated union. */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  const s = schema as unknown as { shape?: Record<string, z.ZodType>; options?: z.ZodType[] };
  return s.shape ? [s.shape] : s.options!.flatMap(shapesOf);
}

describe('the fields each step’s form asks for', () => {
  it.each(ACTIONS)(
    '%s: names only keys of its body, and every required key (officer and cadre alike)',
    (action) => {
      for (const byCadre of [false, true]) {
        const fields = actionFields(action, { clearing: consented, policy, byCadre });
        const shapes = shapesOf(NAME_CLEARING_ACTION_BODIES[action]);
        const keys = new Set(shapes.flatMap((s) => Object.keys(s)));
        expect(fields.map((f) => f.name).filter((n) => !keys.has(n))).toEqual([]);
        for (const shape of shapes) {
          const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
          const discriminator = shapes.length > 1 ? 'route' : null;
          for (const key of required)
            expect(
              fields.find((f) => f.name === key),
              `${action}.${key}`,
            ).toMatchObject(key === discriminator ? { required: true } : { name: key });
        }
      }
    },
  );

  it('lists the policy’s triggers and exclusions for the check, with the open trigger needing a reason', () => {
    const fields = actionFields('check_triggers', { clearing: EMPTY_CLEARING, policy, byCadre: false });
    expect(fields.find((f) => f.name === 'triggers')!.options!.map((o) => o.value)).toEqual([
      'T1',
      'T2',
      'T3',
      'T4',
    ]);
    expect(fields.find((f) => f.name === 'exclusions')!.options!.map((o) => o.value)).toEqual([
      'E1',
      'E2',
      'E3',
    ]);
    expect(fields.find((f) => f.name === 'itemReasons')!.options!.map((o) => o.value)).toEqual(['T4']);
  });

  it('offers the plan only what the cadre consented to, and the clearing only what was approved', () => {
    const plan = actionFields('submit_for_approval', { clearing: consented, policy, byCadre: false });
    expect(plan.find((f) => f.name === 'forms')!.options!.map((o) => o.value)).toEqual([
      'written',
      'meeting',
    ]);
    expect(plan.find((f) => f.name === 'scope')!.options!.map((o) => o.value)).toEqual([
      'self',
      'party_organisation',
      'unit',
    ]);
    const execute = actionFields('execute', { clearing: consented, policy, byCadre: false });
    expect(execute.find((f) => f.name === 'forms')!.options!.map((o) => o.value)).toEqual(['written']);
    expect(execute.find((f) => f.name === 'scope')!.options!.map((o) => o.value)).toEqual([
      'self',
      'party_organisation',
    ]);
  });

  it('asks how the cadre was consulted only when the officer records for them', () => {
    const names = (byCadre: boolean) =>
      actionFields('record_consent', { clearing: EMPTY_CLEARING, policy, byCadre }).map((f) => f.name);
    expect(names(false)).toEqual(['forms', 'scope', 'opinion', 'consultedVia', 'consultedOn']);
    expect(names(true)).toEqual(['forms', 'scope', 'opinion']);
  });

  it('limits an extension to the policy’s period', () => {
    const [amount] = actionFields('extend_deadline', { clearing: EMPTY_CLEARING, policy, byCadre: false });
    expect(amount).toMatchObject({ name: 'amount', kind: 'integer', min: 1, max: 20 });
  });
});
