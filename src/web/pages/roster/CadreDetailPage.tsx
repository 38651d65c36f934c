import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Descriptions, type DescriptionsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { getCadre } from '../../api/endpoints.ts';
import type { CadreDetail } from '../../api/types.ts';
import { PageLoading } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatDateTime, formatYearMonth } from '../../format/datetime.ts';
import { CadreInfluence } from './CadreInfluence.tsx';
import { OutcomeLedgerBlock } from '../outcomes/OutcomeLedgerBlock.tsx';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole, OUTCOME_LEDGER_READERS } from '../../auth/roles.ts';
import { StatusTag } from './labels.tsx';
import { SensitiveValue } from './SensitiveValue.tsx';

/** The list's query string, if we came from the list, so "back" restores its filters and page. */
function useBackToList(): string {
  const state: unknown = useLocation().state;
  const search =
    typeof state === 'object' &&
    state !== null &&
    'listSearch' in state &&
    typeof state.listSearch === 'string'
      ? state.listSearch
      : '';
  return `/cadres${search.startsWith('?') ? search : ''}`;
}

function items(cadre: CadreDetail, canReveal: boolean, t: TFunction<['roster', 'common']>, language: string) {
  const list: DescriptionsProps['items'] = [
    { key: 'name', label: t('fields.name'), children: cadre.name },
    { key: 'gender', label: t('fields.gender'), children: t(`gender.${cadre.gender}`) },
    {
      key: 'birthMonth',
      label: t('fields.birthMonth'),
      children: formatYearMonth(cadre.birthMonth, language),
    },
    { key: 'party', label: t('fields.party'), children: t(`party.${cadre.partyMembership}`) },
    { key: 'unit', label: t('fields.unit'), children: cadre.unit.name },
    { key: 'jurisdiction', label: t('fields.jurisdiction'), children: cadre.jurisdiction.name },
    { key: 'position', label: t('fields.position'), children: cadre.position || t('common:none') },
    { key: 'rank', label: t('fields.rank'), children: cadre.rank || t('common:none') },
    { key: 'status', label: t('fields.status'), children: <StatusTag status={cadre.status} /> },
    {
      key: 'idNumber',
      label: t('fields.idNumber'),
      children: (
        <SensitiveValue
          cadreId={cadre.id}
          field="idNumber"
          masked={cadre.idNumberMasked}
          canReveal={canReveal}
        />
      ),
    },
    {
      key: 'mobile',
      label: t('fields.mobile'),
      children: (
        <SensitiveValue cadreId={cadre.id} field="mobile" masked={cadre.mobileMasked} canReveal={canReveal} />
      ),
    },
    { key: 'updatedAt', label: t('fields.updatedAt'), children: formatDateTime(cadre.updatedAt) },
    {
      key: 'createdAt',
      label: t('fields.createdAt'),
      children: formatDateTime(cadre.createdAt),
      span: 'filled',
    },
  ];
  return list;
}

/**
 * 干部详情: the cadre's record, with audited reveal of the ID and phone numbers for those allowed;
 * and, for those who read sanctions, the influence-period block on promotion, the sanctions and the
 * appointment proposals (CadreInfluence).
 */
export default function CadreDetailPage() {
  const { t, i18n } = useTranslation(['roster', 'common']);
  const { id = '' } = useParams();
  const backTo = useBackToList();
  const detail = useApi((signal) => getCadre(id, signal), [id]);
  const isPhone = useIsPhone();
  const user = useCurrentUser();

  const back = (
    <Link to={backTo} className="rc-back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {t('detail.back')}
    </Link>
  );

  if (detail.error) {
    return (
      <>
        <PageTitle title={t('detail.title')} before={back} />
        <ErrorState error={detail.error} onRetry={detail.reload} />
      </>
    );
  }
  if (!detail.data) return <PageLoading />;

  const { cadre, allowedActions, influence } = detail.data;
  const canReveal = allowedActions.includes('reveal_sensitive');
  return (
    <>
      <PageTitle title={cadre.name} tags={<StatusTag status={cadre.status} />} before={back} />
      <Card>
        <Descriptions
          bordered
          size={isPhone ? 'small' : 'middle'}
          // Fixed label width on desktop; on phones a share of the width, wrapping long English labels.
          styles={{ label: isPhone ? { width: '36%' } : { width: 116, whiteSpace: 'nowrap' } }}
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
          items={items(cadre, canReveal, t, i18n.language)}
          data-testid="cadre-detail"
        />
      </Card>
      {/* 影响期、处分和提拔任用: for those who read sanctions (the server sends null to the others). */}
      {influence ? (
        <CadreInfluence cadreId={cadre.id} influence={influence} onChanged={detail.reload} />
      ) : null}
      {/* 结果运用记录: the organisation department's ledger entries of this cadre. */}
      {hasAnyRole(user, OUTCOME_LEDGER_READERS) ? <OutcomeLedgerBlock cadreId={cadre.id} /> : null}
      <p className="rc-footnote">{t('detail.timeNote')}</p>
    </>
  );
}
