import { Button, Card, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { listJurisdictions } from '../../api/endpoints.ts';
import type { StatsQuery } from '../../api/stats.ts';
import { useApi } from '../../components/useApi.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function queryOf(params: URLSearchParams): StatsQuery {
  const pick = (key: string, ok: (v: string) => boolean) => {
    const value = params.get(key);
    return value && ok(value) ? value : undefined;
  };
  return {
    jurisdictionId: pick('jurisdictionId', (v) => /^[0-9a-f-]{36}$/i.test(v)),
    from: pick('from', (v) => DATE.test(v)),
    to: pick('to', (v) => DATE.test(v)),
  };
}

/** The jurisdiction and period a statistics page shows, kept in the address so it can be shared. */
export function useStatsQuery() {
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const [draft, setDraft] = useState(query);
  const apply = () => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  return { query, key: JSON.stringify(query), draft, setDraft, apply };
}

type Labels = { filters: string; jurisdiction: string; from: string; to: string; apply: string };

/**
 * The filter card of the statistics pages: jurisdiction (when the viewer has more than one) and
 * period; `shown` is what the page currently answers with, filling fields the user left empty.
 */
export function ScopePeriodFilter(props: {
  idPrefix: string;
  labels: Labels;
  state: ReturnType<typeof useStatsQuery>;
  shown?: { jurisdiction: { id: string }; period: { from: string; to: string } } | null;
}) {
  const { idPrefix, labels, shown } = props;
  const { draft, setDraft, apply } = props.state;
  const places = useApi((signal) => listJurisdictions(signal), []);
  const options = (places.data?.items ?? [])
    .filter((j) => j.level !== 'township')
    .map((j) => ({ value: j.id, label: j.name }));
  return (
    <Card size="small" className="rc-filter-card">
      <Form layout="vertical" className="rc-filters" aria-label={labels.filters} onFinish={apply}>
        <div className="rc-filter-fields">
          {options.length > 1 ? (
            <Form.Item label={labels.jurisdiction} htmlFor={`${idPrefix}-jurisdiction`}>
              <Select
                id={`${idPrefix}-jurisdiction`}
                value={draft.jurisdictionId ?? shown?.jurisdiction.id}
                onChange={(jurisdictionId: string) => setDraft({ ...draft, jurisdictionId })}
                options={options}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={labels.from} htmlFor={`${idPrefix}-from`}>
            <Input
              id={`${idPrefix}-from`}
              type="date"
              value={draft.from ?? shown?.period.from ?? ''}
              onChange={(e) => setDraft({ ...draft, from: e.target.value || undefined })}
            />
          </Form.Item>
          <Form.Item label={labels.to} htmlFor={`${idPrefix}-to`}>
            <Input
              id={`${idPrefix}-to`}
              type="date"
              value={draft.to ?? shown?.period.to ?? ''}
              onChange={(e) => setDraft({ ...draft, to: e.target.value || undefined })}
            />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit">
              {labels.apply}
            </Button>
          </Form.Item>
        </div>
      </Form>
    </Card>
  );
}
