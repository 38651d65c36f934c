import { Button, Card, Form, Input, Table, type TableProps } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { listAuditEvents } from '../../api/endpoints.ts';
import type { AuditEvent } from '../../api/types.ts';
import { EmptyState, ErrorAlert } from '../../components/PageStates.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { formatDateTime } from '../../format/datetime.ts';

const PAGE_SIZE = 50;

/** 审计日志 (admin): every recorded change and sensitive view, newest first, filterable by record. */
export default function AuditLogPage() {
  const { t, i18n } = useTranslation('audit');
  const english = i18n.language === 'en';
  const [params, setParams] = useSearchParams();
  const entityType = params.get('entityType') ?? '';
  const entityId = params.get('entityId') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const events = useApi(
    (signal) =>
      listAuditEvents(
        { entityType: entityType || undefined, entityId: entityId || undefined, page, pageSize: PAGE_SIZE },
        signal,
      ),
    [entityType, entityId, page],
  );
  const [form] = Form.useForm<{ entityType: string; entityId: string }>();

  useEffect(() => form.setFieldsValue({ entityType, entityId }), [form, entityType, entityId]);

  const apply = (values: { entityType?: string; entityId?: string }) => {
    const next = new URLSearchParams();
    if (values.entityType?.trim()) next.set('entityType', values.entityType.trim());
    if (values.entityId?.trim()) next.set('entityId', values.entityId.trim());
    setParams(next);
  };

  const columns: TableProps<AuditEvent>['columns'] = useMemo(
    () => [
      { key: 'seq', title: t('fields.seq'), dataIndex: 'seq', width: 80 },
      {
        key: 'occurredAt',
        title: t('fields.occurredAt'),
        render: (_, e) => formatDateTime(e.occurredAt),
        width: 150,
      },
      { key: 'actor', title: t('fields.actor'), dataIndex: 'actor' },
      {
        key: 'action',
        title: t('fields.action'),
        render: (_, e) => <span title={e.action}>{english ? e.actionLabel.en : e.actionLabel.zh}</span>,
      },
      { key: 'entityType', title: t('fields.entityType'), dataIndex: 'entityType' },
      {
        key: 'entityId',
        title: t('fields.entityId'),
        dataIndex: 'entityId',
        render: (v: string | null) => v ?? '',
      },
    ],
    [t, english],
  );

  return (
    <>
      <PageTitle title={t('title')} />
      <Card size="small" className="rc-filter-card">
        <Form
          form={form}
          layout="vertical"
          onFinish={apply}
          className="rc-audit-filters"
          role="search"
          aria-label={t('filters')}
        >
          <Form.Item label={t('fields.entityType')} name="entityType">
            <Input allowClear placeholder={t('entityTypePlaceholder')} />
          </Form.Item>
          <Form.Item label={t('fields.entityId')} name="entityId">
            <Input allowClear />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('search')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" className="rc-list-card">
        {events.error && !events.data ? (
          <ErrorState error={events.error} onRetry={events.reload} />
        ) : (
          <>
            {events.error ? <ErrorAlert error={events.error} onRetry={events.reload} /> : null}
            <Table<AuditEvent>
              rowKey={(e) => String(e.seq)}
              columns={columns}
              dataSource={events.data?.items ?? []}
              loading={events.loading}
              size="small"
              scroll={{ x: 'max-content' }}
              expandable={{
                expandedRowRender: (e) => <pre className="rc-json">{JSON.stringify(e.data, null, 2)}</pre>,
                rowExpandable: (e) => e.data !== null && e.data !== undefined,
              }}
              locale={{ emptyText: events.loading ? ' ' : <EmptyState description={t('empty')} /> }}
              pagination={{
                current: page,
                pageSize: PAGE_SIZE,
                total: events.data?.total ?? 0,
                showSizeChanger: false,
                showTotal: (total) => t('total', { count: total }),
                onChange: (next) => {
                  const copy = new URLSearchParams(params);
                  if (next === 1) copy.delete('page');
                  else copy.set('page', String(next));
                  setParams(copy);
                },
              }}
              data-testid="audit-table"
            />
          </>
        )}
      </Card>
    </>
  );
}
