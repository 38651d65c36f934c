import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseOutcome, CaseStatus } from '../../api/caseLibrary.ts';
import type { Bilingual } from '../../api/matterTypes.ts';
import { useBilingual } from '../matters/labels.tsx';

/** 容错免责 / 容错减责 / 不予容错 (the tolerance pages' colours). */
export function CaseOutcomeTag({ outcome }: { outcome: CaseOutcome }) {
  const { t } = useTranslation('cases');
  return <Tag className={`rc-outcome rc-outcome-${outcome}`}>{t(`outcome.${outcome}`)}</Tag>;
}

/** 草稿 / 待审批 / 已退回 / 已发布 / 已撤下, as the server names it. */
export function CaseStatusTag({ status, label }: { status: CaseStatus; label: Bilingual }) {
  const pick = useBilingual();
  return (
    <Tag className={`rc-cstatus rc-cstatus-${status}`} data-testid="case-status">
      {pick(label)}
    </Tag>
  );
}
