import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CadreQuery } from '../../api/endpoints.ts';
import {
  CADRE_STATUSES,
  GENDERS,
  PARTY_MEMBERSHIPS,
  type CadreStatus,
  type Gender,
  type PartyMembership,
} from '../../api/types.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { activeFilterCount } from './rosterQuery.ts';
import { ScopeTreeSelect } from './ScopeTreeSelect.tsx';

type Props = {
  query: CadreQuery;
  onChange: (patch: Partial<CadreQuery>) => void;
};

/**
 * Search box and filters. Filters apply at once; the search applies on Enter or the search button,
 * and the typed text stays in the box whatever happens to the request.
 */
export function CadreFilters({ query, onChange }: Props) {
  const { t } = useTranslation('roster');
  const isPhone = useIsPhone();
  const [text, setText] = useState(query.q ?? '');
  const filterCount = activeFilterCount(query);
  const [showFilters, setShowFilters] = useState(filterCount > 0);

  // Back/forward navigation changes the URL; follow it.
  useEffect(() => setText(query.q ?? ''), [query.q]);

  const search = (
    <Form.Item label={t('filters.search')} htmlFor="roster-q" className="rc-filter-search">
      <Input.Search
        id="roster-q"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        placeholder={t('filters.searchPlaceholder')}
        allowClear
        enterButton={t('filters.searchButton')}
        data-testid="roster-search"
      />
    </Form.Item>
  );

  const filters = (
    <>
      <Form.Item label={t('filters.unit')} htmlFor="roster-unit">
        <ScopeTreeSelect
          id="roster-unit"
          value={{ unitId: query.unitId, jurisdictionId: query.jurisdictionId }}
          onChange={(scope) => onChange({ unitId: scope.unitId, jurisdictionId: scope.jurisdictionId })}
        />
      </Form.Item>
      <Form.Item label={t('filters.status')} htmlFor="roster-status">
        <Select<CadreStatus>
          id="roster-status"
          value={query.status}
          onChange={(status) => onChange({ status })}
          allowClear
          placeholder={t('filters.any')}
          options={CADRE_STATUSES.map((value) => ({ value, label: t(`status.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('filters.gender')} htmlFor="roster-gender">
        <Select<Gender>
          id="roster-gender"
          value={query.gender}
          onChange={(gender) => onChange({ gender })}
          allowClear
          placeholder={t('filters.any')}
          options={GENDERS.map((value) => ({ value, label: t(`gender.${value}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('filters.party')} htmlFor="roster-party">
        <Select<PartyMembership>
          id="roster-party"
          value={query.partyMembership}
          onChange={(partyMembership) => onChange({ partyMembership })}
          allowClear
          placeholder={t('filters.any')}
          options={PARTY_MEMBERSHIPS.map((value) => ({ value, label: t(`party.${value}`) }))}
        />
      </Form.Item>
    </>
  );

  return (
    <Form layout="vertical" className="rc-filters" role="search" aria-label={t('filters.region')}>
      {search}
      {isPhone ? (
        <div className="rc-filter-toggle">
          <Badge count={filterCount} size="small">
            <Button
              icon={<FilterOutlined />}
              onClick={() => setShowFilters((open) => !open)}
              aria-expanded={showFilters}
              aria-controls="roster-filter-fields"
            >
              {t('filters.toggle')}
            </Button>
          </Badge>
          {filterCount > 0 ? (
            <Button
              type="link"
              onClick={() =>
                onChange({
                  unitId: undefined,
                  jurisdictionId: undefined,
                  status: undefined,
                  gender: undefined,
                  partyMembership: undefined,
                })
              }
            >
              {t('filters.clear')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {!isPhone || showFilters ? (
        <div id="roster-filter-fields" className="rc-filter-fields">
          {filters}
        </div>
      ) : null}
    </Form>
  );
}
