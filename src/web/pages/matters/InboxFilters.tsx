import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, Select, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listJurisdictions } from '../../api/endpoints.ts';
import type { InboxQuery, MatterRoute, MatterType } from '../../api/matterTypes.ts';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { TOLERANCE_STATES } from '../../../domain/tolerance/procedure.ts';
import { useBilingual } from './labels.tsx';
import { MATTER_ROUTES, MATTER_TYPES } from './inboxQuery.ts';

type Props = { query: InboxQuery; onChange: (patch: Partial<InboxQuery>) => void };

/**
 * Search and filters of the inbox: stage, how the matter began, jurisdiction, overdue only. Filters
 * apply at once; the search on Enter, and the typed text stays whatever happens to the request.
 */
export function InboxFilters({ query, onChange }: Props) {
  const { t } = useTranslation('matters');
  const pick = useBilingual();
  const isPhone = useIsPhone();
  const [text, setText] = useState(query.q ?? '');
  const count = [
    query.status,
    query.route,
    query.jurisdictionId,
    query.overdueOnly,
    query.type !== 'tolerance',
  ].filter(Boolean).length;
  const [open, setOpen] = useState(count > 0);
  useEffect(() => setText(query.q ?? ''), [query.q]);

  const jurisdictions = useApi((signal) => listJurisdictions(signal), []);
  // Matters belong to the handling commission (county or above), so townships would match nothing.
  const places = useMemo(
    () => (jurisdictions.data?.items ?? []).filter((j) => j.level !== 'township'),
    [jurisdictions.data],
  );

  const fields = (
    <>
      <Form.Item label={t('filters.type')} htmlFor="inbox-type">
        <Select<MatterType>
          id="inbox-type"
          value={query.type}
          onChange={(type) => onChange({ type, status: undefined })}
          options={MATTER_TYPES.map((value) => ({ value, label: t(`type.${value}`) }))}
        />
      </Form.Item>
      {query.type === 'tolerance' ? (
        <Form.Item label={t('filters.stage')} htmlFor="inbox-status">
          <Select<string>
            id="inbox-status"
            value={query.status}
            onChange={(status) => onChange({ status })}
            allowClear
            placeholder={t('filters.any')}
            options={Object.entries(TOLERANCE_STATES).map(([value, label]) => ({
              value,
              label: pick(label),
            }))}
            data-testid="inbox-status"
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('filters.route')} htmlFor="inbox-route">
        <Select<MatterRoute>
          id="inbox-route"
          value={query.route}
          onChange={(route) => onChange({ route })}
          allowClear
          placeholder={t('filters.any')}
          options={MATTER_ROUTES.map((value) => ({ value, label: t(`route.${value}`) }))}
        />
      </Form.Item>
      {places.length > 1 ? (
        <Form.Item label={t('filters.jurisdiction')} htmlFor="inbox-jurisdiction">
          <Select<string>
            id="inbox-jurisdiction"
            value={query.jurisdictionId}
            onChange={(jurisdictionId) => onChange({ jurisdictionId })}
            allowClear
            placeholder={t('filters.any')}
            options={places.map((j) => ({ value: j.id, label: j.name }))}
          />
        </Form.Item>
      ) : null}
      <Form.Item label={t('filters.overdueOnly')} htmlFor="inbox-overdue">
        <Switch
          id="inbox-overdue"
          checked={query.overdueOnly === 'true'}
          onChange={(on) => onChange({ overdueOnly: on ? 'true' : undefined })}
        />
      </Form.Item>
    </>
  );

  return (
    <Form layout="vertical" className="rc-filters" role="search" aria-label={t('filters.region')}>
      <Form.Item label={t('filters.search')} htmlFor="inbox-q" className="rc-filter-search">
        <Input.Search
          id="inbox-q"
          value={text}
          maxLength={100}
          onChange={(event) => setText(event.target.value)}
          onSearch={(value) => onChange({ q: value.trim() || undefined })}
          placeholder={t('filters.searchPlaceholder')}
          allowClear
          enterButton={t('filters.search')}
        />
      </Form.Item>
      {isPhone ? (
        <div className="rc-filter-toggle">
          <Badge count={count} size="small">
            <Button
              icon={<FilterOutlined />}
              onClick={() => setOpen((v) => !v)}
              aria-expanded={open}
              aria-controls="inbox-filter-fields"
            >
              {t('filters.toggle')}
            </Button>
          </Badge>
        </div>
      ) : null}
      {!isPhone || open ? (
        <div id="inbox-filter-fields" className="rc-filter-fields">
          {fields}
        </div>
      ) : null}
    </Form>
  );
}
