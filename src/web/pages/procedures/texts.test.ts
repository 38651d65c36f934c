import { describe, expect, it } from 'vitest';
import { PROCEDURES_EN } from '../../i18n/procedures.en.ts';
import { PROCEDURES_ZH } from '../../i18n/procedures.zh-CN.ts';
import type { Me } from '../../api/types.ts';
import { CORRECTION } from './correction/config.tsx';
import type { ProcedureFieldSpec } from './fields.ts';
import { PRE_REGISTRATION } from './pre-registration/config.tsx';
import { FOLLOW_UP } from './follow-up/config.tsx';
import { NAME_CLEARING } from './name-clearing/config.tsx';
import { PROCEDURES } from './registry.tsx';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';

/**
 * The procedure pages build text keys from their configs (field, option, record and clock names), so
 * the compiler cannot check them: this does, in both languages, for every procedure in the registry.
 */
const CONFIGS = [
  CORRECTION,
  PRE_REGISTRATION,
  NAME_CLEARING,
  FOLLOW_UP,
] as unknown as ProcedureConfig<ProcedureDetail>[];

/** What the use cases record and which clocks run (the pages label them). */
const RECORD_KINDS: Record<string, string[]> = {
  correction: [
    'progress_report',
    'completion_report',
    'acceptance',
    'acceptance_failed',
    'escalation',
    'reorder',
    'termination',
    'look_back',
    'closure',
  ],
  pre_registration: ['submission', 'revision', 'review', 'withdrawal'],
  name_clearing: [
    'conclusion',
    'trigger_check',
    'consent',
    'declined',
    'consent_withdrawn',
    'plan',
    'plan_returned',
    'approval',
    'extension',
    'execution',
    'accuser_handling',
    'correction',
    'archive',
    'closure',
  ],
  follow_up: [
    'reschedule',
    'visit',
    'grading',
    'reuse_recommendation',
    'revision_request',
    'delivery',
    'receipt',
    'cancellation',
  ],
};
const CLOCKS: Record<string, string[]> = {
  correction: ['rectification', 'look_back'],
  pre_registration: ['review'],
  name_clearing: ['clearing'],
  follow_up: ['visit'],
};
const PAGE_TEXTS = [
  'title',
  'listTitle',
  'intro',
  'empty',
  'new',
  'newTitle',
  'newIntro',
  'createSubmit',
  'recordsTitle',
  'filesTitle',
  'facts.title',
];

const EVERYONE = {
  roles: (['cadre', 'unit_leader', 'case_officer'] as const).map((role) => ({ role, unitId: 'u' })),
} as unknown as Me;

function lookup(tree: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);
}

/** Every key a form's fields need: the label, and each option of a choice. */
function fieldKeys(specs: readonly ProcedureFieldSpec[]): string[] {
  return specs.flatMap((spec) => {
    if (spec.kind === 'omitted') return [];
    const own = [`fields.${spec.name}`];
    if (spec.kind === 'select') own.push(...spec.options.map((o) => `options.${spec.name}.${o}`));
    if (spec.kind === 'list' || spec.kind === 'group') own.push(...fieldKeys(spec.fields));
    return own;
  });
}

describe.each(CONFIGS)('texts of $type', (config) => {
  const keys = [
    ...PAGE_TEXTS,
    ...Object.values(config.actions).flatMap(fieldKeys),
    ...(config.create ? fieldKeys(config.create.fields(EVERYONE)) : []),
    ...(RECORD_KINDS[config.type] ?? []).map((k) => `records.${k}`),
    ...(CLOCKS[config.type] ?? []).map((k) => `deadlineKinds.${k}`),
  ];

  it.each([
    ['zh-CN', PROCEDURES_ZH],
    ['en', PROCEDURES_EN],
  ] as const)('are all there in %s', (_, bundle) => {
    const subtree = lookup(bundle.procedures, config.type);
    const missing = [...new Set(keys)].filter((key) => typeof lookup(subtree, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('is in the registry, at the path its config uses', () => {
    expect(PROCEDURES.find((p) => p.type === config.type)?.path).toBe(config.path);
  });
});
