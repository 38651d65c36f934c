import i18n from './index.ts';
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
import { OUTCOMES_EN } from './outcomes.en.ts';
import { OUTCOMES_ZH } from './outcomes.zh-CN.ts';
import { CONSISTENCY_EN } from './consistency.en.ts';
import { CONSISTENCY_ZH } from './consistency.zh-CN.ts';

/**
 * The texts of the work pages (matters, steps, application, meetings, verification, statistics,
 * administration), added to
 * i18next when the first of those pages loads — they stay out of the login page's bundle. Each such
 * page imports this module; adding is idempotent.
 */
for (const [language, bundles] of [
  ['zh-CN', { ...MATTERS_ZH, ...STEPS_ZH, ...ADMIN_ZH, ...PROCEDURES_ZH, ...CASES_ZH, ...SCORECARD_ZH, ...CONSISTENCY_ZH, ...OUTCOMES_ZH }],
  ['en', { ...MATTERS_EN, ...STEPS_EN, ...ADMIN_EN, ...PROCEDURES_EN, ...CASES_EN, ...SCORECARD_EN, ...CONSISTENCY_EN, ...OUTCOMES_EN }],
] as const) {
  for (const [namespace, texts] of Object.entries(bundles)) {
    if (!i18n.hasResourceBundle(language, namespace))
      i18n.addResourceBundle(language, namespace, texts, true, true);
  }
}
