import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './bilingual-errors.ts';
import { FOLLOW_UP_PROCEDURE } from '../domain/follow-up/procedure.ts';
import { VISIT_GRADES, VISIT_METHODS } from '../domain/follow-up/procedure.ts';
import {
  FOLLOW_UP_ACTION_BODIES,
  FOLLOW_UP_ACTION_FIELDS,
  OpenFollowUpBody,
  PLAN_FOLLOW_UP_FIELDS,
  RECORD_APPOINTMENT_FIELDS,
  RECORD_SANCTION_FIELDS,
  RecordAppointmentBody,
  RecordSanctionBody,
} from './follow-up.ts';

/** The keys a body schema takes, and which of them it requires. */
function shapeOf(schema: z.ZodObject) {
  const keys = Object.keys(schema.shape).sort();
  const required = keys.filter((k) => !(schema.shape[k] as z.ZodType).safeParse(undefined).success).sort();
  return { keys, required };
}
const described = (fields: { name: string; required: boolean }[]) => ({
  keys: fields.map((f) => f.name).sort(),
  required: fields
    .filter((f) => f.required)
    .map((f) => f.name)
    .sort(),
});

describe('the fields each follow-up action describes to the pages', () => {
  it('has a body schema and a field list for every action of the table', () => {
    expect(Object.keys(FOLLOW_UP_ACTION_BODIES).sort()).toEqual(
      Object.keys(FOLLOW_UP_PROCEDURE.actions).sort(),
    );
    expect(Object.keys(FOLLOW_UP_ACTION_FIELDS).sort()).toEqual(
      Object.keys(FOLLOW_UP_PROCEDURE.actions).sort(),
    );
  });

  it.each(Object.keys(FOLLOW_UP_ACTION_BODIES) as (keyof typeof FOLLOW_UP_ACTION_BODIES)[])(
    '%s: names exactly the body’s fields, required where the schema requires them',
    (action) => {
      expect(described(FOLLOW_UP_ACTION_FIELDS[action])).toEqual(
        shapeOf(FOLLOW_UP_ACTION_BODIES[action] as z.ZodObject),
      );
    },
  );

  it('describes the forms of planning, recording a sanction and recording an appointment the same way', () => {
    const plan = shapeOf(OpenFollowUpBody);
    expect(described(PLAN_FOLLOW_UP_FIELDS)).toEqual({
      keys: plan.keys.filter((k) => k !== 'sanctionId'),
      required: plan.required.filter((k) => k !== 'sanctionId'),
    });
    expect(described(RECORD_SANCTION_FIELDS)).toEqual(shapeOf(RecordSanctionBody));
    expect(described(RECORD_APPOINTMENT_FIELDS)).toEqual(shapeOf(RecordAppointmentBody));
  });

  it('offers exactly the grades and methods the domain knows', () => {
    const options = (action: keyof typeof FOLLOW_UP_ACTION_FIELDS, name: string) =>
      FOLLOW_UP_ACTION_FIELDS[action].find((f) => f.name === name)!.options!.map((o) => o.value);
    expect(options('grade', 'grade')).toEqual([...VISIT_GRADES]);
    expect(options('record_visit', 'methods')).toEqual([...VISIT_METHODS]);
  });
});

describe('follow-up bodies', () => {
  it('refuse an empty reason and an impossible date, naming the field', () => {
    const grade = FOLLOW_UP_ACTION_BODIES.grade.safeParse({ grade: 'good', reasons: '  ' });
    expect(grade.success).toBe(false);
    expect(grade.error?.issues[0]?.path).toEqual(['reasons']);
    const visit = FOLLOW_UP_ACTION_BODIES.reschedule.safeParse({ plannedOn: '2026-02-30', reason: '改期' });
    expect(visit.error?.issues[0]?.path).toEqual(['plannedOn']);
    expect(
      RecordSanctionBody.safeParse({
        type: 'party_warning',
        decidedOn: '2026-01-01',
        effectiveOn: '2026-01-01',
        decidedBy: 'X',
        extra: 1,
      }).success,
    ).toBe(false);
  });
});
