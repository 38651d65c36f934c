import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromDeclared, type DeclaredField } from './declared.ts';
import { checkProcedureField, isRequired, toProcedureBody } from './fields.ts';

const label = (zh: string) => ({ zh, en: zh });

/** Fields as 澄清正名's API declares its steps (contracts/name-clearing.ts ActionField). */
const CHECK_TRIGGERS: DeclaredField[] = [
  {
    name: 'triggers',
    kind: 'multiselect',
    required: false,
    label: label('符合的启动情形'),
    options: [
      { value: 'T1', label: label('T1 情形'), hint: '第三条' },
      { value: 'T4', label: label('T4 情形') },
    ],
  },
  { name: 'exclusions', kind: 'multiselect', required: false, label: label('不予澄清情形'), options: [] },
  {
    name: 'itemReasons',
    kind: 'record',
    required: false,
    label: label('理由'),
    keyedBy: 'triggers',
    options: [{ value: 'T4', label: label('T4 情形') }],
    max: 2000,
  },
  { name: 'analysis', kind: 'textarea', required: true, label: label('研判意见'), max: 8000 },
];
const ORDER_CORRECTION: DeclaredField[] = [
  {
    name: 'route',
    kind: 'select',
    required: true,
    label: label('方式'),
    options: [
      { value: 'order', label: label('责令纠错') },
      { value: 'recommend', label: label('提出建议') },
    ],
  },
  {
    name: 'responsibleUnitId',
    kind: 'unit',
    required: true,
    label: label('责任单位'),
    when: { field: 'route', equals: 'order' },
  },
  {
    name: 'deadlineWorkingDays',
    kind: 'integer',
    required: true,
    label: label('期限'),
    min: 1,
    max: 250,
    when: { field: 'route', equals: 'order' },
  },
  {
    name: 'recommendTo',
    kind: 'text',
    required: true,
    label: label('建议对象'),
    max: 200,
    when: { field: 'route', equals: 'recommend' },
  },
];

describe('forms from the fields an API declares', () => {
  it('draws every declared kind, keeping labels, choices, hints and limits', () => {
    const { specs, unknown } = fromDeclared([
      ...CHECK_TRIGGERS,
      { name: 'visitors', kind: 'people', required: true, label: label('回访人员') },
    ]);
    expect(unknown).toEqual([]);
    expect(specs.map((s) => [s.name, s.kind])).toEqual([
      ['triggers', 'multi'],
      ['exclusions', 'multi'],
      ['itemReasons', 'keyed'],
      ['analysis', 'textarea'],
      ['visitors', 'list'],
    ]);
    expect(specs[0]).toMatchObject({
      label: { zh: '符合的启动情形' },
      options: ['T1', 'T4'],
      optionHints: { T1: '第三条' },
    });
    expect(specs[3]).toMatchObject({ required: true, max: 8000 });
  });

  it('builds the body the step expects: the reasons only for the chosen items that need one', () => {
    const { specs } = fromDeclared(CHECK_TRIGGERS);
    const schema = z
      .object({
        triggers: z.array(z.string()),
        exclusions: z.array(z.string()),
        itemReasons: z.record(z.string(), z.string().min(1)).optional(),
        analysis: z.string().min(1),
      })
      .strict();
    const body = toProcedureBody(specs, {
      triggers: ['T1', 'T4'],
      itemReasons: { T4: '经核查，举报内容与事实明显不符。', T1: 'stale' },
      analysis: '符合澄清正名情形。',
    });
    expect(schema.parse(body)).toEqual({
      triggers: ['T1', 'T4'],
      exclusions: [],
      itemReasons: { T4: '经核查，举报内容与事实明显不符。' },
      analysis: '符合澄清正名情形。',
    });
  });

  it('asks for a field declared `when` only then, and requires it then', () => {
    const { specs } = fromDeclared(ORDER_CORRECTION);
    const unit = specs.find((s) => s.name === 'responsibleUnitId')!;
    expect(isRequired(unit, { route: 'order' })).toBe(true);
    expect(isRequired(unit, { route: 'recommend' })).toBe(false);
    expect(checkProcedureField(unit, '', isRequired(unit, { route: 'order' }))).toEqual({ key: 'required' });
    expect(
      toProcedureBody(specs, {
        route: 'recommend',
        responsibleUnitId: 'u1',
        deadlineWorkingDays: 5,
        recommendTo: '县农业农村局',
      }),
    ).toEqual({ route: 'recommend', recommendTo: '县农业农村局' });
  });

  it('names the kinds it cannot draw, so the step is not sent short', () => {
    expect(
      fromDeclared([{ name: 'map', kind: 'geo', required: true, label: label('位置') }]).unknown,
    ).toEqual(['map (geo)']);
  });
});
