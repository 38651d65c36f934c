import { describe, expect, it } from 'vitest';
import { checkProcedureField, groupSwitch, toFormValues, toProcedureBody } from './fields.ts';
import { area, choice, day, group, line, list, omitted, toggle, whole } from './specs.ts';

const risks = list('risks', 1, 20, [area('risk', 2000), area('controls', 4000)]);
const decided = group('collectiveDecision', [
  line('body', 200),
  day('heldOn'),
  line('reference', 200, false),
]);

describe('procedure form values to request bodies', () => {
  it('leaves out empty optional texts and omitted fields, sends numbers as numbers and switches as booleans', () => {
    const specs = [
      area('progress', 8000),
      whole('percentDone', 0, 100, false),
      line('note', 10, false),
      omitted('unitId', 'x'),
      toggle('submit'),
    ];
    expect(
      toProcedureBody(specs, { progress: '已完成一半', percentDone: '50', note: '  ', unitId: 'u1' }),
    ).toEqual({
      progress: '已完成一半',
      percentDone: 50,
      submit: false,
    });
  });

  it('builds lists item by item and groups only when switched on', () => {
    const values = {
      risks: [{ risk: '资产流失', controls: '第三方评估', extra: 'x' }],
      collectiveDecision: { body: '镇党委会', heldOn: '2026-03-01', reference: '' },
    };
    expect(toProcedureBody([risks, decided], values)).toEqual({
      risks: [{ risk: '资产流失', controls: '第三方评估' }],
    });
    expect(
      toProcedureBody([risks, decided], { ...values, [groupSwitch('collectiveDecision')]: true }),
    ).toEqual({
      risks: [{ risk: '资产流失', controls: '第三方评估' }],
      collectiveDecision: { body: '镇党委会', heldOn: '2026-03-01' },
    });
  });

  it('sends a nullable group switched off as null (a revision removes it)', () => {
    const nullable = group('collectiveDecision', [line('body', 200)], { nullable: true });
    expect(toProcedureBody([nullable], {})).toEqual({ collectiveDecision: null });
  });

  it('sends a conditional field only while its condition holds', () => {
    const specs = [
      choice('result', ['sustained', 'relapsed']),
      { ...whole('deadlineWorkingDays', 1, 250, false), showWhen: { field: 'result', equals: 'relapsed' } },
    ];
    expect(toProcedureBody(specs, { result: 'sustained', deadlineWorkingDays: 10 })).toEqual({
      result: 'sustained',
    });
    expect(toProcedureBody(specs, { result: 'relapsed', deadlineWorkingDays: 10 })).toEqual({
      result: 'relapsed',
      deadlineWorkingDays: 10,
    });
  });

  it('fills the form from a stored filing, groups switched on', () => {
    expect(
      toFormValues([line('title', 200), decided, risks], {
        title: '试点',
        collectiveDecision: { body: '镇党委会', heldOn: '2026-03-01', reference: null },
        risks: [{ risk: 'a', controls: 'b' }],
      }),
    ).toEqual({
      title: '试点',
      [groupSwitch('collectiveDecision')]: true,
      collectiveDecision: { body: '镇党委会', heldOn: '2026-03-01' },
      risks: [{ risk: 'a', controls: 'b' }],
    });
  });
});

describe('procedure field checks', () => {
  it('checks numbers, list sizes and required texts like the schema', () => {
    expect(checkProcedureField(whole('d', 1, 250), '0')).toEqual({ key: 'number', min: 1, max: 250 });
    expect(checkProcedureField(whole('d', 1, 250), '')).toEqual({ key: 'required' });
    expect(checkProcedureField(whole('d', 1, 250, false), '')).toBeNull();
    expect(checkProcedureField(risks, [])).toEqual({ key: 'required' });
    expect(checkProcedureField(area('x', 5), '123456')).toEqual({ key: 'tooLong', max: 5 });
    expect(checkProcedureField(area('x', 5, false), '', true)).toEqual({ key: 'required' });
  });
});
