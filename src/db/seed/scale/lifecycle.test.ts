import { describe, expect, it } from 'vitest';
import { TOLERANCE_PROCEDURE, TOLERANCE_STATES, type ToleranceState } from '../../../domain/tolerance/procedure.ts';
import { createRng } from '../prng.ts';
import { PATHS, beijingDate, officeTime, pickPath, planCourse } from './lifecycle.ts';

const DAY = 86_400_000;
const START = Date.parse('2024-03-04T01:00:00Z');
const deadlineIn30Days = (at: number) => at + 30 * DAY;

describe('matter paths', () => {
  it('every step of every path is allowed from the state the path is in, and lands where the procedure table says', () => {
    for (const path of PATHS) {
      for (let seed = 0; seed < 40; seed++) {
        const course = planCourse(createRng(seed, path.name), path, START, Number.POSITIVE_INFINITY, deadlineIn30Days);
        let state: ToleranceState = path.opensAs;
        for (const step of course.steps) {
          const spec = TOLERANCE_PROCEDURE.actions[step.action];
          expect(spec.from as readonly string[], `${path.name}: ${step.action} from ${state}`).toContain(state);
          if (typeof spec.to === 'string') expect(step.to, `${path.name}: ${step.action}`).toBe(spec.to);
          state = step.to;
        }
        expect(course.status).toBe(state);
      }
    }
  });

  it('finished paths end in a terminal state, and steps never go back in time', () => {
    for (const path of PATHS) {
      const course = planCourse(createRng(1, path.name), path, START, Number.POSITIVE_INFINITY, deadlineIn30Days);
      if (path.name !== 'long-suspension') expect('terminal' in TOLERANCE_STATES[course.status], path.name).toBe(true);
      let at = START;
      for (const step of course.steps) {
        expect(step.at).toBeGreaterThan(at);
        at = step.at;
      }
    }
  });

  it('closes only after the appeal window and completes only tasks that were added', () => {
    for (let seed = 0; seed < 200; seed++) {
      const rng = createRng(seed, 'paths');
      const path = pickPath(rng);
      const course = planCourse(rng, path, START, Number.POSITIVE_INFINITY, deadlineIn30Days);
      const receipt = course.steps.find((s) => s.action === 'acknowledge_receipt' || s.action === 'record_delivery');
      const close = course.steps.find((s) => s.action === 'close');
      if (close) expect(close.at).toBeGreaterThan(deadlineIn30Days(receipt!.at));
      const complete = course.steps.findIndex((s) => s.action === 'complete_task');
      if (complete >= 0) expect(course.steps.slice(0, complete).some((s) => s.action === 'add_task')).toBe(true);
    }
  });

  it('cut at `now`, a population of matters is found in every state except awaiting_approval', () => {
    const now = START + 400 * DAY;
    const seen = new Set<string>();
    for (let i = 0; i < 4000; i++) {
      const rng = createRng(3, `m${i}`);
      const opened = now - rng.next() * 120 * DAY;
      seen.add(planCourse(rng, pickPath(rng), officeTime(rng, opened, 0), now, deadlineIn30Days).status);
    }
    const expected = Object.keys(TOLERANCE_STATES).filter((s) => s !== 'awaiting_approval');
    expect([...seen].sort()).toEqual(expected.sort());
  });
});

describe('officeTime', () => {
  it('lands on a weekday between 08:30 and 17:30 Beijing time', () => {
    const rng = createRng(9, 'office');
    for (let i = 0; i < 500; i++) {
      const at = officeTime(rng, START + rng.next() * 365 * DAY, rng.int(0, 5));
      const beijing = new Date(at + 8 * 3_600_000);
      expect([1, 2, 3, 4, 5]).toContain(beijing.getUTCDay());
      const minutes = beijing.getUTCHours() * 60 + beijing.getUTCMinutes();
      expect(minutes).toBeGreaterThanOrEqual(8 * 60 + 30);
      expect(minutes).toBeLessThan(17 * 60 + 30);
    }
  });

  it('beijingDate agrees with the calendar module', () => {
    expect(beijingDate(Date.parse('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(beijingDate(Date.parse('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });
});
