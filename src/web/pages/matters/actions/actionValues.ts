import { CORRECTION_LIMITS, type FieldSpec } from './actionForms.ts';

/**
 * Client-side checks that mirror the server's Zod rules (required and non-blank, maximum length, no
 * control characters, whole numbers in range, how many members), and the conversion of form values
 * into the request body. The server still checks everything; this only tells the user sooner.
 */

/** Why a value is refused, as an i18n key of `actions:validation` with its variables. */
export type Problem = {
  key: 'required' | 'tooLong' | 'control' | 'number' | 'tooFew' | 'tooMany' | 'date';
  max?: number;
  min?: number;
};

// The same characters common.ts `Text` refuses: C0 controls except tab and newlines, and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks one text value against the limits of a text field. */
export function checkText(value: unknown, required: boolean, max: number): Problem | null {
  const text = typeof value === 'string' ? value : '';
  if (text.trim() === '') return required ? { key: 'required' } : null;
  if (text.length > max) return { key: 'tooLong', max };
  if (CONTROL.test(text)) return { key: 'control' };
  return null;
}

/** Checks a whole number in [min, max]. */
export function checkInteger(value: unknown, min: number, max: number): Problem | null {
  if (value === undefined || value === null || value === '') return { key: 'required' };
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? null : { key: 'number', min, max };
}

/** Checks one field's value; `null` when it is acceptable. */
export function checkField(spec: FieldSpec, value: unknown): Problem | null {
  switch (spec.kind) {
    case 'text':
    case 'textarea':
      return checkText(value, spec.required, spec.max);
    case 'divergence':
      return checkText(value, false, spec.max);
    case 'select':
    case 'task':
      return spec.required && (typeof value !== 'string' || value === '') ? { key: 'required' } : null;
    case 'date':
      if (typeof value !== 'string' || value === '') return spec.required ? { key: 'required' } : null;
      return LOCAL_DATE.test(value) ? null : { key: 'date' };
    case 'members': {
      const count = Array.isArray(value) ? value.length : 0;
      if (count < spec.min) return count === 0 ? { key: 'required' } : { key: 'tooFew', min: spec.min };
      return count > spec.max ? { key: 'tooMany', max: spec.max } : null;
    }
    case 'correction':
    case 'omitted':
      return null;
  }
}

/** The correction order's three parts, checked when the order is switched on. */
export function checkCorrection(order: {
  measures?: unknown;
  responsible?: unknown;
  deadlineWorkingDays?: unknown;
}) {
  return {
    measures: checkText(order.measures, true, CORRECTION_LIMITS.measures),
    responsible: checkText(order.responsible, true, CORRECTION_LIMITS.responsible),
    deadlineWorkingDays: checkInteger(
      order.deadlineWorkingDays,
      CORRECTION_LIMITS.minDays,
      CORRECTION_LIMITS.maxDays,
    ),
  };
}

export type FormValues = Record<string, unknown> & {
  /** Whether the correction order is included (a switch in the form, not part of the body). */
  withCorrection?: boolean;
  correctionOrder?: { measures?: string; responsible?: string; deadlineWorkingDays?: number | string };
};

/**
 * The request body from the form values: optional fields left empty are left out (the schemas are
 * strict and treat "" as a value), texts are sent as typed, the correction order only when on.
 */
export function toBody(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const spec of specs) {
    const value = values[spec.name];
    if (spec.kind === 'omitted') continue;
    if (spec.kind === 'correction') {
      const order = values.correctionOrder;
      if (values.withCorrection && order) {
        body.correctionOrder = {
          measures: order.measures ?? '',
          responsible: order.responsible ?? '',
          deadlineWorkingDays: Number(order.deadlineWorkingDays),
        };
      }
      continue;
    }
    if (spec.kind === 'members') {
      body[spec.name] = Array.isArray(value) ? value : [];
      continue;
    }
    if (value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '' && !spec.required) continue;
    body[spec.name] = value;
  }
  return body;
}

/**
 * The form path of a field the server names: "body.correctionOrder.measures" → ["correctionOrder",
 * "measures"], "present[0]" → ["present"] (the list as a whole), "facts.gates.G3" unchanged in parts.
 */
export function formPath(serverField: string | undefined): (string | number)[] | null {
  if (!serverField) return null;
  const parts = serverField
    .replace(/^body\./, '')
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(Boolean);
  return parts.length ? parts : null;
}
