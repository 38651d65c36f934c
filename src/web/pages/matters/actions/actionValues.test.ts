import { describe, expect, it } from 'vitest';
import { ACTION_BODIES } from '../../../../contracts/tolerance.ts';
import { ACTION_FORMS } from './actionForms.ts';
import { checkCorrection, checkField, checkText, formPath, toBody } from './actionValues.ts';

describe('client checks', () => {
  it('refuse blank required text but accept blank optional text', () => {
    expect(checkText('   ', true, 10)).toEqual({ key: 'required' });
    expect(checkText('', false, 10)).toBeNull();
  });
  it('count length like the server (UTF-16 units) and refuse control characters', () => {
    expect(checkText('一二三', true, 3)).toBeNull();
    expect(checkText('一二三四', true, 3)).toEqual({ key: 'tooLong', max: 3 });
    expect(checkText('a\u0007b', true, 10)).toEqual({ key: 'control' });
    expect(checkText('第一行\n第二行\t', true, 10)).toBeNull();
  });
  it('check member counts and dates', () => {
    const members = ACTION_FORMS.assign_review_panel[0]!;
    expect(checkField(members, [])).toEqual({ key: 'required' });
    expect(checkField(members, ['a'])).toEqual({ key: 'tooFew', min: 2 });
    expect(checkField(members, ['a', 'b'])).toBeNull();
    const heldOn = ACTION_FORMS.convene_meeting[0]!;
    expect(checkField(heldOn, '2026-3-2')).toEqual({ key: 'date' });
    expect(checkField(heldOn, '')).toEqual({ key: 'required' });
  });
  it('check the correction order parts', () => {
    expect(checkCorrection({ measures: '整改', responsible: '', deadlineWorkingDays: 0 })).toEqual({
      measures: null,
      responsible: { key: 'required' },
      deadlineWorkingDays: { key: 'number', min: 1, max: 250 },
    });
  });
});

describe('toBody', () => {
  it('leaves out empty optional fields so the strict schema accepts the body', () => {
    const body = toBody(ACTION_FORMS.propose, {
      outcome: 'exempt',
      analysis: '分析',
      measure: '  ',
      departureReason: '',
    });
    expect(body).toEqual({ outcome: 'exempt', analysis: '分析' });
    expect(ACTION_BODIES.propose.safeParse(body).success).toBe(true);
  });
  it('includes the correction order only when switched on, with a number of days', () => {
    const values = {
      minutes: '纪要',
      correctionOrder: { measures: '补办手续', responsible: '单位负责人', deadlineWorkingDays: '20' },
    };
    expect(toBody(ACTION_FORMS.decide, values)).toEqual({ minutes: '纪要' });
    const body = toBody(ACTION_FORMS.decide, { ...values, withCorrection: true });
    expect(body.correctionOrder).toEqual({
      measures: '补办手续',
      responsible: '单位负责人',
      deadlineWorkingDays: 20,
    });
    expect(ACTION_BODIES.decide.safeParse(body).success).toBe(true);
  });
  it('makes bodies every table form accepts when filled minimally', () => {
    const filled = (action: keyof typeof ACTION_FORMS) =>
      Object.fromEntries(
        ACTION_FORMS[action].map((s) => {
          if (s.kind === 'select') return [s.name, s.options[0]];
          if (s.kind === 'date') return [s.name, '2026-03-02'];
          if (s.kind === 'members') return [s.name, Array.from({ length: s.min }, () => crypto.randomUUID())];
          if (s.kind === 'task') return [s.name, crypto.randomUUID()];
          return [s.name, s.kind === 'omitted' || s.kind === 'correction' ? undefined : '内容'];
        }),
      );
    for (const action of Object.keys(ACTION_FORMS) as (keyof typeof ACTION_FORMS)[]) {
      const result = ACTION_BODIES[action].safeParse(toBody(ACTION_FORMS[action], filled(action)));
      expect({ action, ok: result.success }).toEqual({ action, ok: true });
    }
  });
});

describe('formPath', () => {
  it('maps server field names to form paths', () => {
    expect(formPath('body.correctionOrder.measures')).toEqual(['correctionOrder', 'measures']);
    expect(formPath('present[0]')).toEqual(['present']);
    expect(formPath('facts.gates.G3')).toEqual(['facts', 'gates', 'G3']);
    expect(formPath(undefined)).toBeNull();
  });
});
