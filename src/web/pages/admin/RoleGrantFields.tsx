import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { listJurisdictions, listUnits } from '../../api/endpoints.ts';
import { ROLES, type Role } from '../../../domain/roles.ts';
import { useApi } from '../../components/useApi.ts';

/**
 * Role, jurisdiction and (for a unit leader) unit: one scoped role grant. `prefix` nests the fields
 * (e.g. ['roles', 0] in the new-user form).
 */
export function RoleGrantFields({ prefix = [] }: { prefix?: (string | number)[] }) {
  const { t } = useTranslation(['admin', 'roles', 'actions']);
  const form = Form.useFormInstance();
  const role = Form.useWatch<Role | undefined>([...prefix, 'role'], form);
  const jurisdictionId = Form.useWatch<string | undefined>([...prefix, 'jurisdictionId'], form);
  const places = useApi((signal) => listJurisdictions(signal), []);
  const units = useApi(
    (signal) =>
      role === 'unit_leader' && jurisdictionId ? listUnits(jurisdictionId, signal) : Promise.resolve(null),
    [role, jurisdictionId],
  );
  const required = [{ required: true, message: t('actions:validation.required') }];
  const id = (name: string) => ['grant', ...prefix, name].join('-');
  return (
    <>
      <Form.Item name={[...prefix, 'role']} label={t('users.role')} rules={required} htmlFor={id('role')}>
        <Select<Role>
          id={id('role')}
          options={ROLES.map((value) => ({ value, label: t(`roles:${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'jurisdictionId']}
        label={t('users.jurisdiction')}
        rules={required}
        htmlFor={id('jurisdiction')}
      >
        <Select
          id={id('jurisdiction')}
          loading={places.loading}
          showSearch={{ optionFilterProp: 'label' }}
          options={(places.data?.items ?? []).map((j) => ({ value: j.id, label: j.name }))}
        />
      </Form.Item>
      {role === 'unit_leader' ? (
        <Form.Item name={[...prefix, 'unitId']} label={t('users.unit')} rules={required} htmlFor={id('unit')}>
          <Select
            id={id('unit')}
            loading={units.loading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}
