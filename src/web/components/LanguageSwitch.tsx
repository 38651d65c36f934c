import { GlobalOutlined } from '@ant-design/icons';
import { Button, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n/index.ts';

// Each language is named in itself, as language pickers conventionally do.
const NAMES: Record<Language, string> = { 'zh-CN': '中文', en: 'English' };

type Props = {
  /** `segmented` shows both choices (login page); `button` toggles to the other one (header). */
  variant?: 'segmented' | 'button';
  /** Icon-only button, for narrow headers. */
  iconOnly?: boolean;
  className?: string;
};

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch({ variant = 'button', iconOnly = false, className }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  if (variant === 'segmented') {
    return (
      <Segmented<Language>
        className={className}
        aria-label={t('language.label')}
        value={language}
        onChange={setLanguage}
        options={(['zh-CN', 'en'] as const).map((value) => ({
          value,
          label: <span lang={value}>{NAMES[value]}</span>,
        }))}
      />
    );
  }
  const other: Language = language === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      className={className}
      type="text"
      icon={<GlobalOutlined />}
      aria-label={t('language.switchTo', { language: NAMES[other] })}
      title={t('language.switchTo', { language: NAMES[other] })}
      onClick={() => setLanguage(other)}
      data-testid="language-switch"
    >
      {iconOnly ? null : <span lang={other}>{NAMES[other]}</span>}
    </Button>
  );
}
