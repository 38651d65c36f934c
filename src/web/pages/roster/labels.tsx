import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CadreStatus } from '../../api/types.ts';

/** 在职 / 退休 / 调出 / 去世 as a quiet tag; colours are in styles.css (antd's presets are below AA contrast). */
export function StatusTag({ status }: { status: CadreStatus }) {
  const { t } = useTranslation('roster');
  return <Tag className={`rc-status-tag rc-status-${status}`}>{t(`status.${status}`)}</Tag>;
}

/** ID numbers and phone numbers in tabular digits so masked values line up. */
export function Masked({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <span className="rc-muted">{t('none')}</span>;
  return <span className="rc-mono">{value}</span>;
}
