import { Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listMatters } from '../../../api/matters.ts';
import type { MatterSummary } from '../../../api/matterTypes.ts';
import { useApi } from '../../../components/useApi.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { useBilingual } from '../../matters/labels.tsx';

/** Filings a tolerance matter may link to: filed (never a draft or a withdrawn one). */
const LINKABLE = new Set(['submitted', 'returned', 'acknowledged']);

/**
 * Which of the filings the user sees may back a matter about `cadreId`: the cadre's own filings and
 * the filings of units (a unit's filing covers its cadres; the server checks the unit). Acknowledged
 * ones first: only those count as filed and acknowledged in the assessment.
 */
export function linkableFilings(
  items: readonly MatterSummary[],
  cadreId: string | undefined,
): MatterSummary[] {
  return items
    .filter((m) => LINKABLE.has(m.status))
    .filter((m) => !cadreId || m.subject === null || m.subject.id === cadreId)
    .sort((a, b) => Number(b.status === 'acknowledged') - Number(a.status === 'acknowledged'));
}

type Props = {
  id: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The cadre the tolerance matter is about (filters the filings); none yet: all that are filed. */
  cadreId?: string | undefined;
};

/** 关联事前报备: picks a filing the user may see, so the engine's pre-registration fact comes from it. */
export function PreRegistrationLinkPicker({ id, value, onChange, cadreId }: Props) {
  const { t } = useTranslation('procedures');
  const pick = useBilingual();
  const errorText = useErrorText();
  const filings = useApi(
    (signal) => listMatters({ type: 'pre_registration', page: 1, pageSize: 100 }, signal),
    [],
  );
  const options = useMemo(
    () =>
      linkableFilings(filings.data?.items ?? [], cadreId).map((m) => ({
        value: m.id,
        label: `${m.number} ${m.title}（${pick(m.statusLabel)}）`,
      })),
    [filings.data, cadreId, pick],
  );
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      loading={filings.loading}
      placeholder={t('common.preRegistrationLink.placeholder')}
      notFoundContent={
        filings.error
          ? t('common.preRegistrationLink.unavailable', { reason: errorText(filings.error) })
          : t('common.preRegistrationLink.none')
      }
      options={options}
      data-testid="pre-registration-link"
    />
  );
}
