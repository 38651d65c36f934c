import type { ChoiceField, DateField, OmittedField, TextField } from '../matters/actions/actionForms.ts';
import { checkField, checkInteger, checkText, type Problem } from '../matters/actions/actionValues.ts';

/**
 * The fields of a procedure's forms (a step's dialog, the create form), declared per procedure in its
 * config and mirrored from the contract's Zod schema: forms.test.ts compares every declared form with
 * its schema (names, required ones, lengths, ranges, choices, nested lists and groups), so a contract
 * change the form does not follow fails the unit tests. The plain kinds are those of the tolerance
 * steps (actionForms.ts); the procedures add numbers, a unit or cadre to pick, the matter's files,
 * lists of small records (risks and their controls), optional groups and a yes/no switch.
 */

/** A whole number in [min, max] (working days, a percentage). */
export type NumberField = { name: string; kind: 'number'; required: boolean; min: number; max: number };
/** A unit in the user's scope (GET /api/units). */
export type UnitField = { name: string; kind: 'unit'; required: boolean };
/** A cadre in the roster, optionally of the unit chosen in another field. */
export type CadreField = { name: string; kind: 'cadre'; required: boolean; unitFrom?: string };
/** Some of this matter's files (ids); none chosen is sent as nothing (the schema's default). */
export type FilesField = { name: string; kind: 'files'; required: false; min: number; max: number };
/** A yes/no the form asks (not a text); `required` when the schema has no default (always sent). */
export type SwitchField = { name: string; kind: 'switch'; required: boolean };
/** A list of small records, each with its own fields (risks and their controls). */
export type ListField = {
  name: string;
  kind: 'list';
  required: boolean;
  min: number;
  max: number;
  fields: readonly ProcedureFieldSpec[];
};
/**
 * A group of fields sent as one object, switched on by the user when optional (the collective
 * decision). `nullable`: switched off is sent as null (a revision removes it) instead of left out.
 */
export type GroupField = {
  name: string;
  kind: 'group';
  required: boolean;
  nullable?: boolean;
  fields: readonly ProcedureFieldSpec[];
};

/** Several of a fixed set of choices (an array of the chosen values; empty sent as []). */
export type MultiField = { name: string; kind: 'multi'; required: boolean; options: readonly string[] };
/**
 * A text for each value chosen in another field (`keyedBy`), sent as `{ value: text }` (the reasons
 * for the policy items that need one); only the keys in `options` ask for a text.
 */
export type KeyedField = {
  name: string;
  kind: 'keyed';
  required: boolean;
  keyedBy?: string;
  options: readonly string[];
  max: number;
};

type Base = TextField | ChoiceField | DateField | OmittedField;

type Bilingual = { zh: string; en: string };

/**
 * Labels a field may carry itself: the fields an API declares for its steps come labelled in both
 * languages; the fields a config declares take theirs from the procedure's texts.
 */
export type OwnLabels = {
  label?: Bilingual;
  help?: Bilingual;
  optionLabels?: Readonly<Record<string, Bilingual>>;
  /** A short note under an option (e.g. what a policy clause says). */
  optionHints?: Readonly<Record<string, string>>;
};

/**
 * Shown only when another field of the form has a given value (a relapse found on looking back asks
 * for a new deadline); then required when `requiredWhenShown`. Hidden fields are never sent.
 */
export type Condition = { showWhen?: { field: string; equals: string }; requiredWhenShown?: boolean };

export type ProcedureFieldSpec = (
  | Base
  | NumberField
  | UnitField
  | CadreField
  | FilesField
  | SwitchField
  | ListField
  | GroupField
  | MultiField
  | KeyedField
) &
  Condition &
  OwnLabels;

export type FormValues = Record<string, unknown>;

/** Whether a conditional field is shown for the current values. */
export function isShown(spec: ProcedureFieldSpec, values: FormValues): boolean {
  if (!spec.showWhen) return true;
  const value = values[spec.showWhen.field];
  // A switch is compared as 'true' / 'false' (a named accuser's name, shown when not anonymous).
  return (typeof value === 'boolean' ? String(value) : value) === spec.showWhen.equals;
}

/** Whether the field must be filled in the form as it stands. */
export function isRequired(spec: ProcedureFieldSpec, values: FormValues): boolean {
  return spec.required || (spec.requiredWhenShown === true && isShown(spec, values));
}

/** The switch a group's form shows ("with a collective decision"), kept beside the group's values. */
export const groupSwitch = (name: string) => `${name}__on`;

/** Checks one value the way the server will; `null` when it is acceptable. */
export function checkProcedureField(
  spec: ProcedureFieldSpec,
  value: unknown,
  required = spec.required,
): Problem | null {
  switch (spec.kind) {
    case 'number':
      if (value === undefined || value === null || value === '') return required ? { key: 'required' } : null;
      return checkInteger(value, spec.min, spec.max);
    case 'unit':
    case 'cadre':
      return required && (typeof value !== 'string' || value === '') ? { key: 'required' } : null;
    case 'files': {
      const count = Array.isArray(value) ? value.length : 0;
      return count > spec.max ? { key: 'tooMany', max: spec.max } : null;
    }
    case 'list': {
      const count = Array.isArray(value) ? value.length : 0;
      if (count < spec.min) return count === 0 ? { key: 'required' } : { key: 'tooFew', min: spec.min };
      return count > spec.max ? { key: 'tooMany', max: spec.max } : null;
    }
    case 'multi': {
      const count = Array.isArray(value) ? value.length : 0;
      return required && count === 0 ? { key: 'required' } : null;
    }
    case 'switch':
    case 'group':
    case 'keyed':
      return null;
    case 'text':
    case 'textarea':
      return checkText(value, required, spec.max);
    case 'select':
    case 'date':
    case 'omitted':
      return checkField({ ...spec, required } as Base, value);
  }
}

function valueOf(spec: ProcedureFieldSpec, values: FormValues): unknown {
  const value = values[spec.name];
  switch (spec.kind) {
    case 'omitted':
      return undefined;
    case 'switch':
      return Boolean(value);
    case 'number':
      return value === undefined || value === null || value === '' ? undefined : Number(value);
    case 'files':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    case 'multi':
      return Array.isArray(value) ? value : [];
    case 'keyed': {
      const chosen = spec.keyedBy ? values[spec.keyedBy] : spec.options;
      const texts = (value ?? {}) as Record<string, unknown>;
      const entries = (Array.isArray(chosen) ? (chosen as string[]) : [])
        .filter((key) => spec.options.includes(key))
        .map((key) => [key, texts[key]] as const)
        .filter(([, text]) => typeof text === 'string' && text.trim() !== '');
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    case 'list':
      return (Array.isArray(value) ? value : []).map((item) =>
        toProcedureBody(spec.fields, (item ?? {}) as FormValues),
      );
    case 'group': {
      const on = spec.required || values[groupSwitch(spec.name)] === true;
      if (!on) return spec.nullable ? null : undefined;
      return toProcedureBody(spec.fields, (value ?? {}) as FormValues);
    }
    case 'text':
    case 'textarea':
    case 'select':
    case 'date':
    case 'unit':
    case 'cadre':
      if (value === undefined || value === null) return undefined;
      // Optional fields left empty are left out: the schemas are strict and treat "" as a value.
      if (typeof value === 'string' && value.trim() === '' && !spec.required) return undefined;
      return value;
  }
}

/**
 * The request body from the form's values: hidden, omitted and empty optional fields left out,
 * numbers as numbers, lists and groups built from their own fields.
 */
export function toProcedureBody(
  specs: readonly ProcedureFieldSpec[],
  values: FormValues,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of specs) {
    if (!isShown(spec, values)) continue;
    const value = valueOf(spec, values);
    if (value !== undefined) body[spec.name] = value;
  }
  return body;
}

/** Form values from a stored object (a filing to revise): groups switched on when present. */
export function toFormValues(specs: readonly ProcedureFieldSpec[], stored: FormValues): FormValues {
  const values: FormValues = {};
  for (const spec of specs) {
    const value = stored[spec.name];
    if (value === undefined || value === null) continue;
    if (spec.kind === 'group') {
      values[groupSwitch(spec.name)] = true;
      values[spec.name] = toFormValues(spec.fields, value as FormValues);
    } else if (spec.kind === 'list' && Array.isArray(value)) {
      values[spec.name] = value.map((item) => toFormValues(spec.fields, item as FormValues));
    } else values[spec.name] = value;
  }
  return values;
}
