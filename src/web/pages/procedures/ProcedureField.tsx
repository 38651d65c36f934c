import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, InputNumber, Radio, Select, Switch, type GetProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { listUnits } from '../../api/endpoints.ts';
import type { MatterFile } from '../../api/matterTypes.ts';
import { useApi } from '../../components/useApi.ts';
import { ruleFor } from '../matters/actions/FieldInput.tsx';
import { CadrePicker } from '../matters/CadrePicker.tsx';
import { checkText } from '../matters/actions/actionValues.ts';
import { useBilingual } from '../matters/labels.tsx';
import { formatSize } from '../matters/parts/Documents.tsx';
import { checkProcedureField, groupSwitch, isRequired, isShown, type ProcedureFieldSpec } from './fields.ts';
import { fieldText, helpText, useProcedureText } from './text.ts';

export type FieldPlace = {
  /** The procedure (for its texts). */
  type: string;
  /** The step the form is for (labels may differ per step); absent on the create form. */
  action?: string;
  /** The matter's files, for a field that picks some of them. */
  files?: readonly MatterFile[];
  /** Prefix for ids, so two forms on a page never share one. */
  idPrefix: string;
};

type NamePath = (string | number)[];

/** A unit in the user's scope, searched by name (GET /api/units). */
function UnitPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value?: string;
  onChange?: (v?: string) => void;
}) {
  const { t } = useTranslation('procedures');
  const units = useApi((signal) => listUnits(undefined, signal), []);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={units.loading}
      placeholder={t('common.unitPlaceholder')}
      notFoundContent={units.error ? t('common.unitsFailed') : undefined}
      options={(units.data?.items ?? []).map((u) => ({
        value: u.id,
        // The township only where the unit's name does not already say it (城关镇 of 城关镇).
        label: u.name.includes(u.jurisdictionName) ? u.name : `${u.name} · ${u.jurisdictionName}`,
      }))}
      data-testid={`field-${id}`}
    />
  );
}

/** A cadre of the unit chosen in another field (all in scope when none is chosen yet). */
function ScopedCadrePicker({
  id,
  unitFrom,
  value,
  onChange,
}: {
  id: string;
  unitFrom?: string;
  value?: string;
  onChange?: (v?: string) => void;
}) {
  const form = Form.useFormInstance();
  const unitId = Form.useWatch<string | undefined>(unitFrom ?? '__none', form);
  return (
    <CadrePicker
      id={id}
      unitId={unitFrom ? unitId : undefined}
      {...(value !== undefined ? { value } : {})}
      {...(onChange ? { onChange } : {})}
    />
  );
}

type Props = { spec: ProcedureFieldSpec; place: FieldPlace; path?: NamePath };

/**
 * Checkboxes as one labelled group. The form marks a required field's input `aria-required`, which
 * a group may not carry (the asterisk and the error say it instead), so it is left off here.
 */
function CheckGroup({
  'aria-required': _required,
  ...props
}: GetProps<typeof Checkbox.Group> & { 'aria-required'?: unknown }) {
  return <Checkbox.Group role="group" {...props} />;
}

/** A choice's label: the API's own (declared fields), else the procedure's texts, else the value. */
function optionText(
  spec: ProcedureFieldSpec,
  value: string,
  text: ReturnType<typeof useProcedureText>,
  pick: (label: { zh: string; en: string }) => string,
): string {
  const own = spec.optionLabels?.[value];
  if (own) return pick(own);
  return text.has(`options.${spec.name}.${value}`) ? text(`options.${spec.name}.${value}`) : value;
}

/**
 * A radio or checkbox label, with the option's hint (a policy clause…) under it when there is one,
 * after what the procedure's texts say the option means (`optionHelp.<field>.<value>`), if they do.
 */
function OptionLabel({
  spec,
  value,
  text,
  explanation,
}: {
  spec: ProcedureFieldSpec;
  value: string;
  text: string;
  explanation?: string | undefined;
}) {
  const hints = [explanation, spec.optionHints?.[value]].filter(Boolean);
  return hints.length > 0 ? (
    <span>
      {text}
      {hints.map((hint) => (
        <span key={hint} className="rc-proc-option-hint">
          {hint}
        </span>
      ))}
    </span>
  ) : (
    <>{text}</>
  );
}

/** A text for each chosen value of another field that needs one (reasons for open policy items). */
function KeyedInput({
  spec,
  path,
  label,
  help,
  option,
  idPrefix,
}: {
  spec: Extract<ProcedureFieldSpec, { kind: 'keyed' }>;
  path: NamePath;
  label: string;
  help: string | undefined;
  option: (value: string) => string;
  idPrefix: string;
}) {
  const { t: tActions } = useTranslation('actions');
  const form = Form.useFormInstance();
  const chosen = Form.useWatch<string[] | undefined>(spec.keyedBy ? [...path, spec.keyedBy] : '__none', form);
  const keys = (spec.keyedBy ? (chosen ?? []) : spec.options).filter((key) => spec.options.includes(key));
  if (keys.length === 0) return null;
  return (
    <fieldset className="rc-fieldset">
      <legend>{label}</legend>
      {help ? <p className="rc-field-help">{help}</p> : null}
      {keys.map((key) => (
        <Form.Item
          key={key}
          name={[...path, spec.name, key]}
          label={option(key)}
          htmlFor={`${idPrefix}-${key}`}
          required
          rules={[ruleFor(tActions, (value) => checkText(value, true, spec.max))]}
        >
          <Input.TextArea
            id={`${idPrefix}-${key}`}
            autoSize={{ minRows: 2, maxRows: 8 }}
            count={{ show: true, max: spec.max }}
          />
        </Form.Item>
      ))}
    </fieldset>
  );
}

/**
 * One field of a procedure's form, labelled from the procedure's texts and checked as the server
 * checks it (the same limits as its schema). Lists and groups draw their own fields inside.
 */
export function ProcedureField({ spec, place, path = [] }: Props) {
  const { t: tActions } = useTranslation('actions');
  const text = useProcedureText(place.type);
  const pick = useBilingual();
  const form = Form.useFormInstance();
  // Inside a group the condition names a field of the same group (its path is the group's).
  const watched = Form.useWatch<unknown>(spec.showWhen ? [...path, spec.showWhen.field] : '__none', form);
  if (spec.kind === 'omitted') return null;
  const values = spec.showWhen ? { [spec.showWhen.field]: watched } : {};
  if (!isShown(spec, values)) return null;
  const required = isRequired(spec, values);
  const name: NamePath = [...path, spec.name];
  const id = `${place.idPrefix}-${name.join('-')}`;
  // Fields an API declares carry their own labels; a config's take them from the procedure's texts.
  const label = spec.label ? pick(spec.label) : fieldText(text, spec.name, place.action);
  const help = spec.help ? pick(spec.help) : helpText(text, spec.name, place.action);
  const rules = [ruleFor(tActions, (value) => checkProcedureField(spec, value, required))];
  const common = { name, label, rules, required, extra: help, htmlFor: id };
  const option = (value: string) => optionText(spec, value, text, pick);
  const explain = (value: string) =>
    text.has(`optionHelp.${spec.name}.${value}`) ? text(`optionHelp.${spec.name}.${value}`) : undefined;
  const choices = (options: readonly string[]) =>
    options.map((value) => ({
      value,
      label: <OptionLabel spec={spec} value={value} text={option(value)} explanation={explain(value)} />,
    }));

  switch (spec.kind) {
    case 'text':
      return (
        <Form.Item {...common}>
          <Input id={id} count={{ show: true, max: spec.max }} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item {...common}>
          <Input.TextArea
            id={id}
            autoSize={{ minRows: spec.max > 2000 ? 4 : 2, maxRows: 14 }}
            count={{ show: true, max: spec.max }}
          />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common}>
          <Input id={id} type="date" />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item {...common}>
          <InputNumber id={id} min={spec.min} max={spec.max} precision={0} />
        </Form.Item>
      );
    case 'select':
      // Few choices read better as radio buttons (and need no second tap on a phone), and so do
      // choices that each come with an explanation (a dropdown would hide it).
      return spec.options.length <= 3 || spec.options.some((value) => explain(value)) ? (
        <Form.Item {...common} htmlFor={undefined}>
          <Radio.Group
            id={id}
            aria-label={label}
            className="rc-proc-radios"
            options={choices(spec.options)}
          />
        </Form.Item>
      ) : (
        <Form.Item {...common}>
          <Select
            id={id}
            allowClear={!required}
            options={spec.options.map((value) => ({ value, label: option(value) }))}
          />
        </Form.Item>
      );
    case 'unit':
      return (
        <Form.Item {...common}>
          <UnitPicker id={id} />
        </Form.Item>
      );
    case 'cadre':
      return (
        <Form.Item {...common}>
          <ScopedCadrePicker id={id} {...(spec.unitFrom ? { unitFrom: spec.unitFrom } : {})} />
        </Form.Item>
      );
    case 'files': {
      const files = place.files ?? [];
      if (files.length === 0) return null;
      return (
        <Form.Item {...common} htmlFor={undefined}>
          <CheckGroup
            className="rc-check-grid"
            aria-label={label}
            options={files.map((f) => ({ value: f.id, label: `${f.filename} · ${formatSize(f.size)}` }))}
          />
        </Form.Item>
      );
    }
    case 'multi':
      return (
        <Form.Item {...common} htmlFor={undefined}>
          <CheckGroup className="rc-check-grid" aria-label={label} options={choices(spec.options)} />
        </Form.Item>
      );
    case 'keyed':
      return <KeyedInput spec={spec} path={path} label={label} help={help} option={option} idPrefix={id} />;
    case 'switch':
      return (
        <Form.Item name={name} valuePropName="checked" extra={help}>
          <Checkbox id={id}>{label}</Checkbox>
        </Form.Item>
      );
    case 'group':
      return <GroupInput spec={spec} place={place} path={path} label={label} help={help} />;
    case 'list':
      return <ListInput spec={spec} place={place} path={path} label={label} help={help} />;
  }
}

function GroupInput({
  spec,
  place,
  path,
  label,
  help,
}: {
  spec: Extract<ProcedureFieldSpec, { kind: 'group' }>;
  place: FieldPlace;
  path: NamePath;
  label: string;
  help: string | undefined;
}) {
  const { t } = useTranslation('procedures');
  const form = Form.useFormInstance();
  const toggle = [...path, groupSwitch(spec.name)];
  const on = Form.useWatch<boolean | undefined>(toggle, form);
  const id = `${place.idPrefix}-${toggle.join('-')}`;
  return (
    <fieldset className="rc-fieldset">
      <legend>{label}</legend>
      {help ? <p className="rc-field-help">{help}</p> : null}
      {spec.required ? null : (
        <Form.Item
          name={toggle}
          valuePropName="checked"
          label={t('common.fillIn', { label })}
          htmlFor={id}
          className="rc-proc-toggle"
        >
          <Switch id={id} />
        </Form.Item>
      )}
      {spec.required || on
        ? spec.fields.map((field) => (
            <ProcedureField key={field.name} spec={field} place={place} path={[...path, spec.name]} />
          ))
        : null}
    </fieldset>
  );
}

function ListInput({
  spec,
  place,
  path,
  label,
  help,
}: {
  spec: Extract<ProcedureFieldSpec, { kind: 'list' }>;
  place: FieldPlace;
  path: NamePath;
  label: string;
  help: string | undefined;
}) {
  const { t: tActions } = useTranslation('actions');
  const { t } = useTranslation('procedures');
  const name = [...path, spec.name];
  return (
    <fieldset className="rc-fieldset" data-testid={`field-${spec.name}`}>
      <legend>
        {label}
        {spec.required ? <span className="rc-proc-required"> *</span> : null}
      </legend>
      {help ? <p className="rc-field-help">{help}</p> : null}
      <Form.List
        name={name}
        rules={[
          {
            validator: async (_, value: unknown[] | undefined) => {
              const problem = checkProcedureField(spec, value ?? []);
              if (problem)
                throw new Error(tActions(`validation.${problem.key}`, { min: spec.min, max: spec.max }));
            },
          },
        ]}
      >
        {(items, { add, remove }, { errors }) => (
          <>
            {items.map((item, index) => (
              <Card
                key={item.key}
                size="small"
                className="rc-proc-list-item"
                title={t('common.itemN', { label, n: index + 1 })}
                extra={
                  items.length > spec.min ? (
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(item.name)}
                      aria-label={t('common.removeItem', { label, n: index + 1 })}
                    />
                  ) : null
                }
              >
                {spec.fields.map((field) => (
                  <ProcedureField key={field.name} spec={field} place={place} path={[item.name]} />
                ))}
              </Card>
            ))}
            <Form.ErrorList errors={errors} />
            {items.length < spec.max ? (
              <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid={`add-${spec.name}`}>
                {t('common.addItem', { label })}
              </Button>
            ) : null}
          </>
        )}
      </Form.List>
    </fieldset>
  );
}
