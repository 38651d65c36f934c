import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { MATTERS_EN } from './matters.en.ts';
import { MATTERS_ZH } from './matters.zh-CN.ts';
import { STEPS_EN } from './steps.en.ts';
import { STEPS_ZH } from './steps.zh-CN.ts';
import { ADMIN_EN } from './admin.en.ts';
import { ADMIN_ZH } from './admin.zh-CN.ts';
import { PROCEDURES_EN } from './procedures.en.ts';
import { PROCEDURES_ZH } from './procedures.zh-CN.ts';
import { CASES_EN } from './cases.en.ts';
import { CASES_ZH } from './cases.zh-CN.ts';
import { SCORECARD_EN } from './scorecard.en.ts';
import { SCORECARD_ZH } from './scorecard.zh-CN.ts';
import { CONSISTENCY_EN } from './consistency.en.ts';
import { CONSISTENCY_ZH } from './consistency.zh-CN.ts';
import { OUTCOMES_EN } from './outcomes.en.ts';
import { OUTCOMES_ZH } from './outcomes.zh-CN.ts';
import { zhCN } from './zh-CN.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  // The base bundle and the tolerance pages' bundle (added on demand by work.ts) together.
  const zh = flatten({ ...zhCN, ...MATTERS_ZH, ...STEPS_ZH, ...ADMIN_ZH, ...PROCEDURES_ZH, ...CASES_ZH, ...SCORECARD_ZH, ...CONSISTENCY_ZH, ...OUTCOMES_ZH });
  const english = flatten({ ...en, ...MATTERS_EN, ...STEPS_EN, ...ADMIN_EN, ...PROCEDURES_EN, ...CASES_EN, ...SCORECARD_EN, ...CONSISTENCY_EN, ...OUTCOMES_EN });

  it('have the same keys in both languages', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  it('have no empty texts', () => {
    const empty = [...zh, ...english].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const mismatched = [...zh].filter(
      ([key, text]) => variables(text).join() !== variables(english.get(key) ?? '').join(),
    );
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  it('keep English free of Chinese characters (a forgotten translation)', () => {
    // The product name in the logo and language names are drawn outside these texts.
    const untranslated = [...english].filter(([, text]) => /[\u4e00-\u9fff]/.test(text)).map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
