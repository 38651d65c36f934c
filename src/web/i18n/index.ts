import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN } from './zh-CN.ts';
import { en } from './en.ts';

/** zh-CN is the product's language; English is a complete second language. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'rongcuo.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice, else Chinese (not the browser's language: the users are Chinese staff). */
function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyLanguage(language: Language): void {
  dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

const initial = storedLanguage();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': zhCN, en },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(zhCN),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  initAsync: false, // resources are bundled; render the first frame in the right language
  returnNull: false,
});
applyLanguage(initial);
i18n.on('languageChanged', (language) => applyLanguage(isLanguage(language) ? language : 'zh-CN'));

/** The current language, narrowed to the two the product has. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switches language everywhere (texts, antd, dayjs, <html lang>) and remembers it. */
export function setLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    /* private mode: the switch still applies to this page */
  }
  void i18n.changeLanguage(language);
}

export default i18n;
