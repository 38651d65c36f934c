import { Alert, Checkbox, Form, Input, InputNumber, Select, Switch, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { STEPS_ZH } from '../../../i18n/steps.zh-CN.ts';
import { CORRECTION_LIMITS, type FieldSpec, type MembersField } from './actionForms.ts';
import { checkCorrection, checkField, type Problem } from './actionValues.ts';
import { DivergenceInput, type DivergenceContext } from './DivergenceInput.tsx';

type FieldName = keyof (typeof STEPS_ZH)['actions']['fields'];
type HelpName = keyof (typeof STEPS_ZH)['actions']['help'];
type OptionGroup = keyof (typeof STEPS_ZH)['actions']['options'];

/** A member of the deciding body to choose from. */
export type MemberChoice = { userId: string; name: string; recusalReason: string | null };

export type FieldContext = {
  /** Open verification tasks, for complete_task. */
  tasks: { id: string; label: string }[];
  /** Members of the deciding body; null while unknown (no source). */
  members: MemberChoice[] | null;
  membersLoading?: boolean;
  /** Labels for select options that are not in `actions.options` (outcome, stance, task kind). */
  optionLabel: (field: string, value: string) => string;
  /** The settled practice of similar decided matters, for the divergence alert (propose, decide). */
  divergence?: DivergenceContext | undefined;
};

const HELP: ReadonlySet<string> = new Set([
  'appealType',
  'analysis',
  'measure',
  'departureReason',
  'exclusionJustification',
  'minutes',
  'present',
  'receivedOn',
  'grounds',
  'members',
  'dueOn',
  'items',
]);

/** The message for a client-side problem, in the user's language. */
export function problemText(t: TFunction<'actions'>, problem: Problem): string {
  switch (problem.key) {
    case 'tooLong':
    case 'tooMany':
      return t(`validation.${problem.key}`, { max: problem.max ?? 0 });
    case 'tooFew':
      return t('validation.tooFew', { min: problem.min ?? 0 });
    case 'number':
      return t('validation.number', { min: problem.min ?? 0, max: problem.max ?? 0 });
    case 'required':
    case 'control':
    case 'date':
      return t(`validation.${problem.key}`);
  }
}

/** A rule that runs the same check as the server, as the user types. */
export function ruleFor(t: TFunction<'actions'>, check: (value: unknown) => Problem | null): FormRule {
  return {
    validator: (_, value: unknown) => {
      const problem = check(value);
      return problem ? Promise.reject(new Error(problemText(t, problem))) : Promise.resolve();
    },
  };
}

function optionText(t: TFunction<'actions'>, group: OptionGroup, value: string): string {
  // The option keys are the schema's enum values; the table test keeps them in step.
  return t(`options.${group}.${value}` as `options.${OptionGroup}.${never}`, { defaultValue: value });
}

export function fieldLabel(t: TFunction<'actions'>, name: string): string {
  return t(`fields.${name as FieldName}`);
}

type MembersProps = {
  spec: MembersField;
  members: MemberChoice[];
  value?: string[];
  onChange?: (value: string[]) => void;
};

function MembersInput({ spec, members, value, onChange }: MembersProps) {
  const { t } = useTranslation('actions');
  return (
    <Checkbox.Group
      className="rc-check-grid"
      data-testid={`field-${spec.name}`}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
    >
      {members.map((m) => (
        <Checkbox key={m.userId} value={m.userId} disabled={m.recusalReason !== null}>
          {m.name}
          {m.recusalReason ? (
            <span className="rc-muted"> {t('recused', { reason: m.recusalReason })}</span>
          ) : null}
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
}

/** The correction order: a switch, then its three parts. */
function CorrectionInput() {
  const { t } = useTranslation('actions');
  const on = Form.useWatch<boolean | undefined>('withCorrection');
  const part = (name: 'measures' | 'responsible' | 'deadlineWorkingDays') =>
    ruleFor(
      t,
      (value) =>
        checkCorrection({ measures: 'x', responsible: 'x', deadlineWorkingDays: 1, [name]: value })[name],
    );
  return (
    <>
      <Form.Item name="withCorrection" label={fieldLabel(t, 'withCorrection')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {on ? (
        <>
          <Form.Item
            name={['correctionOrder', 'measures']}
            label={fieldLabel(t, 'measures')}
            rules={[part('measures')]}
            required
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              count={{ show: true, max: CORRECTION_LIMITS.measures }}
            />
          </Form.Item>
          <Form.Item
            name={['correctionOrder', 'responsible']}
            label={fieldLabel(t, 'responsible')}
            rules={[part('responsible')]}
            required
          >
            <Input count={{ show: true, max: CORRECTION_LIMITS.responsible }} />
          </Form.Item>
          <Form.Item
            name={['correctionOrder', 'deadlineWorkingDays']}
            label={fieldLabel(t, 'deadlineWorkingDays')}
            rules={[part('deadlineWorkingDays')]}
            required
          >
            <InputNumber min={CORRECTION_LIMITS.minDays} max={CORRECTION_LIMITS.maxDays} precision={0} />
          </Form.Item>
        </>
      ) : null}
    </>
  );
}

/** One field of a step's form, labelled and checked like the server checks it. */
export function FieldInput({ spec, context }: { spec: FieldSpec; context: FieldContext }) {
  const { t } = useTranslation('actions');
  if (spec.kind === 'omitted') return null;
  if (spec.kind === 'correction') return <CorrectionInput />;
  if (spec.kind === 'divergence') return <DivergenceInput spec={spec} divergence={context.divergence} />;
  const label = fieldLabel(t, spec.name);
  const help = HELP.has(spec.name) ? t(`help.${spec.name as HelpName}`) : undefined;
  const rules = [ruleFor(t, (value) => checkField(spec, value))];
  const common = { name: spec.name, label, rules, required: spec.required, extra: help };
  switch (spec.kind) {
    case 'text':
      return (
        <Form.Item {...common}>
          <Input count={{ show: true, max: spec.max }} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item {...common}>
          <Input.TextArea
            autoSize={{ minRows: spec.max > 2000 ? 4 : 2, maxRows: 14 }}
            count={{ show: true, max: spec.max }}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common}>
          <Input type="date" />
        </Form.Item>
      );
    case 'select': {
      const group = spec.name as OptionGroup;
      const known = ['appealType', 'contested', 'method', 'result'].includes(spec.name);
      return (
        <Form.Item {...common}>
          <Select
            allowClear={!spec.required}
            options={spec.options.map((value) => ({
              value,
              label: known ? optionText(t, group, value) : context.optionLabel(spec.name, value),
            }))}
          />
        </Form.Item>
      );
    }
    case 'task':
      if (!context.tasks.length)
        return <Alert type="info" showIcon title={t('noTasks')} className="rc-section" />;
      return (
        <Form.Item {...common}>
          <Select options={context.tasks.map((task) => ({ value: task.id, label: task.label }))} />
        </Form.Item>
      );
    case 'members':
      if (!context.members && context.membersLoading)
        return <p className="rc-muted">{t('membersLoading')}</p>;
      if (!context.members)
        return (
          <Alert
            type="warning"
            showIcon
            title={t('noMembers')}
            className="rc-section"
            data-testid="no-members"
          />
        );
      return (
        <Form.Item {...common}>
          <MembersInput spec={spec} members={context.members} />
        </Form.Item>
      );
  }
}
