import '../../i18n/work.ts';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { createUnit, UNIT_KINDS, type CreateUnitBody, type UnitKind } from '../../api/admin.ts';
import { listJurisdictions, listUnits } from '../../api/endpoints.ts';
import type { Unit } from '../../api/types.ts';
import { useErrorText } from '../../components/errorText.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { EmptyState } from '../../components/PageStates.tsx';
import { ScrollRegion } from '../../components/ScrollRegion.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';

type Kind = UnitKind;

function CreateUnitDialog({
  units,
  onClose,
  onDone,
}: {
  units: Unit[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation(['admin', 'actions', 'common']);
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<CreateUnitBody>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const places = useApi((signal) => listJurisdictions(signal), []);
  const jurisdictionId = Form.useWatch('jurisdictionId', form);
  const required = [{ required: true, whitespace: true, message: t('actions:validation.required') }];
  const submit = async () => {
    let values: CreateUnitBody;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const created = await createUnit(values);
      void message.success(t('units.created', { name: created.name }));
      onDone();
    } catch (failure) {
      setError(failure);
      const field = failure instanceof ApiError ? failure.field?.replace(/^body\./, '') : undefined;
      if (field && ['jurisdictionId', 'code', 'name', 'kind', 'parentId'].includes(field))
        form.setFields([{ name: field as keyof CreateUnitBody, errors: [errorText(failure)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('units.create')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('units.create')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
      maskClosable={false}
    >
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(error)} className="rc-section" />
      ) : null}
      <Form<CreateUnitBody> form={form} layout="vertical" disabled={busy}>
        <Form.Item
          name="jurisdictionId"
          label={t('units.jurisdiction')}
          rules={required}
          htmlFor="unit-jurisdiction"
        >
          <Select
            id="unit-jurisdiction"
            showSearch={{ optionFilterProp: 'label' }}
            options={(places.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[...required, { max: 100, message: t('actions:validation.tooLong', { max: 100 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('units.code')}
          rules={[...required, { pattern: /^[A-Za-z0-9_-]{1,40}$/, message: 'A–Z a–z 0–9 _ -' }]}
        >
          <Input className="rc-mono" />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={required} htmlFor="unit-kind">
          <Select<Kind>
            id="unit-kind"
            options={UNIT_KINDS.map((value) => ({ value, label: t(`units.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="parentId" label={t('units.parent')} htmlFor="unit-parent">
          <Select
            id="unit-parent"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={units
              .filter((u) => u.jurisdictionId === jurisdictionId)
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 单位: the units of the administrator's jurisdictions, and adding one. */
export default function UnitsPage() {
  const { t } = useTranslation('admin');
  const units = useApi((signal) => listUnits(undefined, signal), []);
  const [creating, setCreating] = useState(false);
  const kindLabel = (kind: string) =>
    (UNIT_KINDS as readonly string[]).includes(kind) ? t(`units.kinds.${kind as Kind}`) : kind;
  const columns: TableColumnsType<Unit> = [
    { key: 'name', title: t('units.name'), dataIndex: 'name' },
    { key: 'code', title: t('units.code'), render: (_, u) => <span className="rc-mono">{u.code}</span> },
    { key: 'kind', title: t('units.kind'), render: (_, u) => kindLabel(u.kind) },
    { key: 'jurisdiction', title: t('units.jurisdiction'), dataIndex: 'jurisdictionName' },
    { key: 'cadres', title: t('units.cadres'), dataIndex: 'cadreCount', align: 'right' },
  ];
  return (
    <>
      <PageTitle
        title={t('units.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('units.create')}
          </Button>
        }
      />
      <Card size="small" className="rc-list-card">
        {units.error && !units.data ? (
          <ErrorState error={units.error} onRetry={units.reload} />
        ) : (
          <ScrollRegion label={t('units.title')}>
            <Table<Unit>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={units.data?.items ?? []}
              loading={units.loading}

              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: <EmptyState description={t('units.empty')} /> }}
              data-testid="units-table"
            />
          </ScrollRegion>
        )}
      </Card>
      {creating ? (
        <CreateUnitDialog
          units={units.data?.items ?? []}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            units.reload();
          }}
        />
      ) : null}
    </>
  );
}
