import { useTranslation } from 'react-i18next';
import type { ProcedureText } from './types.ts';

type Loose = (key: string, options?: Record<string, unknown>) => string;

/**
 * The texts of one procedure (`procedures:<type>.<path>`). Keys are built from the procedure's config
 * (field, option and record names), so they are not checked by the compiler; texts.test.ts checks that
 * every name a config uses has a text in both languages. A missing one shows `fallback` (or the key).
 */
export function useProcedureText(type: string): ProcedureText & {
  has: (path: string) => boolean;
  common: Loose;
} {
  const { t, i18n } = useTranslation('procedures');
  const loose = t as unknown as Loose;
  const text = ((path: string, vars?: Record<string, unknown>) =>
    loose(`${type}.${path}`, vars)) as ProcedureText & { has: (path: string) => boolean; common: Loose };
  text.has = (path) => i18n.exists(`procedures:${type}.${path}`);
  text.common = (key, vars) => loose(`common.${key}`, vars);
  return text;
}

/** The label of a form field: the step's own wording if it has one, else the procedure's. */
export function fieldText(
  text: ProcedureText & { has: (path: string) => boolean },
  name: string,
  action?: string,
): string {
  if (action && text.has(`actionFields.${action}.${name}`)) return text(`actionFields.${action}.${name}`);
  return text(`fields.${name}`);
}

/** The help line under a field, if the procedure has one (the step's own first). */
export function helpText(
  text: ProcedureText & { has: (path: string) => boolean },
  name: string,
  action?: string,
): string | undefined {
  if (action && text.has(`actionHelp.${action}.${name}`)) return text(`actionHelp.${action}.${name}`);
  return text.has(`help.${name}`) ? text(`help.${name}`) : undefined;
}
