/**
 * Zod writes one message per issue; users need it in Chinese and English. This error map renders
 * both with Zod's own locales and joins them with a separator the HTTP error mapper splits again.
 * Import it once wherever schemas are parsed (server, CLI).
 */
import { z } from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';

export const BILINGUAL_SEPARATOR = '\u241E';

const zh = zhCN().localeError;
const english = en().localeError;

type Issue = Parameters<typeof zh>[0];

function render(map: typeof zh, issue: Issue): string {
  const out = map(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
}

z.config({
  customError: (issue) =>
    `${render(zh, issue as Issue)}${BILINGUAL_SEPARATOR}${render(english, issue as Issue)}`,
});

/** Splits a message made by the map above; a plain message (a custom refine text) serves both languages. */
export function splitBilingual(message: string): { zh: string; en: string } {
  const [zhText = '', enText] = message.split(BILINGUAL_SEPARATOR);
  return { zh: zhText, en: enText ?? zhText };
}
