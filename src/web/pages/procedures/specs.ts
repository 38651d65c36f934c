import type { ProcedureFieldSpec } from './fields.ts';

/**
 * Short builders for the field tables of the procedures' configs, named like what the contract says:
 * `area('report', 8000)` is `report: Required(8000)` in a body schema, `area('note', 2000, false)` an
 * optional `Text(2000)`.
 */
export const line = (name: string, max: number, required = true): ProcedureFieldSpec => ({
  name,
  kind: 'text',
  required,
  max,
});
export const area = (name: string, max: number, required = true): ProcedureFieldSpec => ({
  name,
  kind: 'textarea',
  required,
  max,
});
export const whole = (name: string, min: number, max: number, required = true): ProcedureFieldSpec => ({
  name,
  kind: 'number',
  required,
  min,
  max,
});
export const choice = (name: string, options: readonly string[], required = true): ProcedureFieldSpec => ({
  name,
  kind: 'select',
  required,
  options,
});
export const day = (name: string, required = true): ProcedureFieldSpec => ({ name, kind: 'date', required });
export const unit = (name: string, required = true): ProcedureFieldSpec => ({ name, kind: 'unit', required });
export const cadre = (name: string, required: boolean, unitFrom?: string): ProcedureFieldSpec => ({
  name,
  kind: 'cadre',
  required,
  ...(unitFrom ? { unitFrom } : {}),
});
export const files = (name: string, min: number, max: number): ProcedureFieldSpec => ({
  name,
  kind: 'files',
  required: false,
  min,
  max,
});
export const toggle = (name: string): ProcedureFieldSpec => ({ name, kind: 'switch', required: false });
export const list = (
  name: string,
  min: number,
  max: number,
  fields: readonly ProcedureFieldSpec[],
): ProcedureFieldSpec => ({ name, kind: 'list', required: min > 0, min, max, fields });
export const group = (
  name: string,
  fields: readonly ProcedureFieldSpec[],
  options: { required?: boolean; nullable?: boolean } = {},
): ProcedureFieldSpec => ({
  name,
  kind: 'group',
  required: options.required ?? false,
  ...(options.nullable ? { nullable: true } : {}),
  fields,
});
/** In the schema but not asked for in the form, with the reason. */
export const omitted = (name: string, why: string): ProcedureFieldSpec => ({
  name,
  kind: 'omitted',
  required: false,
  why,
});
