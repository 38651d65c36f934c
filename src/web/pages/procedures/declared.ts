import type { ProcedureFieldSpec } from './fields.ts';

type Bilingual = { zh: string; en: string };

/**
 * One input of a step's form as an API declares it beside the step in `allowedActions` (the
 * self-describing shape of 澄清正名 and 回访教育: contracts/name-clearing.ts and follow-up.ts
 * `ActionField`): its body key, kind, whether required, its label in both languages, its choices and
 * limits, and when it applies. The kinds are the union of what those contracts declare.
 */
export type DeclaredField = {
  name: string;
  kind: string;
  required: boolean;
  label: Bilingual;
  options?: readonly { value: string; label: Bilingual; hint?: string | undefined }[] | undefined;
  min?: number | undefined;
  max?: number | undefined;
  when?: { field: string; equals: string } | undefined;
  keyedBy?: string | undefined;
};

/** An allowed step as the API sends it: with its form's fields when the procedure declares them. */
export type DescribedStep = { fields?: readonly DeclaredField[] | undefined };

/** Long texts where the API gives no maximum (the schema still checks). */
const TEXT_MAX = 20000;
const PERSON = {
  name: { zh: '姓名', en: 'Name' },
  position: { zh: '职务', en: 'Position' },
};

/** The kinds this page can draw; a step declaring another cannot be done here (the dialog says so). */
export const DRAWABLE_KINDS = new Set([
  'text',
  'textarea',
  'date',
  'integer',
  'select',
  'multiselect',
  'unit',
  'record',
  'people',
]);

function one(field: DeclaredField): ProcedureFieldSpec | null {
  const values = field.options?.map((o) => o.value) ?? [];
  const own = {
    label: field.label,
    ...(field.options
      ? {
          optionLabels: Object.fromEntries(field.options.map((o) => [o.value, o.label])),
          optionHints: Object.fromEntries(
            field.options.filter((o) => o.hint).map((o) => [o.value, o.hint as string]),
          ),
        }
      : {}),
    // "Shown (and required, if `required`) only when another field has this value."
    ...(field.when ? { showWhen: field.when, requiredWhenShown: field.required } : {}),
  };
  const required = field.when ? false : field.required;
  const base = { name: field.name, required, ...own };
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return { ...base, kind: field.kind, max: field.max ?? TEXT_MAX };
    case 'date':
      return { ...base, kind: 'date' };
    case 'integer':
      return { ...base, kind: 'number', min: field.min ?? 0, max: field.max ?? Number.MAX_SAFE_INTEGER };
    case 'select':
      return { ...base, kind: 'select', options: values };
    case 'multiselect':
      return { ...base, kind: 'multi', options: values };
    case 'unit':
      return { ...base, kind: 'unit' };
    case 'record':
      return {
        ...base,
        kind: 'keyed',
        options: values,
        max: field.max ?? TEXT_MAX,
        ...(field.keyedBy ? { keyedBy: field.keyedBy } : {}),
      };
    case 'people':
      return {
        ...base,
        kind: 'list',
        min: field.min ?? 0,
        max: field.max ?? 20,
        fields: [
          { name: 'name', kind: 'text', required: true, max: 50, label: PERSON.name },
          { name: 'position', kind: 'text', required: false, max: 100, label: PERSON.position },
        ],
      };
    default:
      return null;
  }
}

/** The form of a step from the fields its API declares; `unknown` lists kinds this page cannot draw. */
export function fromDeclared(fields: readonly DeclaredField[]): {
  specs: ProcedureFieldSpec[];
  unknown: string[];
} {
  const specs: ProcedureFieldSpec[] = [];
  const unknown: string[] = [];
  for (const field of fields) {
    const spec = one(field);
    if (spec) specs.push(spec);
    else unknown.push(`${field.name} (${field.kind})`);
  }
  return { specs, unknown };
}
