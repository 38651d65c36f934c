import '../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Radio } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { openMatter } from '../../api/matters.ts';
import type { MatterRoute } from '../../api/matterTypes.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole } from '../../auth/roles.ts';
import { useErrorText } from '../../components/errorText.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useLocalDraft } from '../../components/useLocalDraft.ts';
import { beijingToday } from '../../format/localDate.ts';
import { checkText } from './actions/actionValues.ts';
import { ruleFor } from './actions/FieldInput.tsx';
import { APPLICATION_LIMITS } from '../apply/applicationLimits.ts';
import { CadrePicker } from './CadrePicker.tsx';
import { PreRegistrationLinkPicker } from '../procedures/pre-registration/LinkPicker.tsx';
import './matters.css';

type Values = {
  route: MatterRoute;
  subjectCadreId?: string;
  title?: string;
  summary?: string;
  conductDate?: string;
  accountabilityRef?: string;
  /** 关联事前报备: the filing made before acting, if any. */
  preRegistrationId?: string;
  submit?: boolean;
};

/**
 * 新建事项: the case officer opens a tolerance check ex officio for any cadre in scope (found in the
 * roster), or the unit leader applies for a cadre of the unit.
 */
export default function NewMatterPage() {
  const { t } = useTranslation(['matters', 'apply', 'actions', 'procedures']);
  const { t: tActions } = useTranslation('actions');
  const errorText = useErrorText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const routes: MatterRoute[] = [
    ...(hasAnyRole(user, ['case_officer']) ? (['ex_officio'] as const) : []),
    ...(hasAnyRole(user, ['unit_leader']) ? (['unit_application'] as const) : []),
  ];
  const unitId = user.roles.find((g) => g.role === 'unit_leader')?.unitId ?? undefined;
  const draft = useLocalDraft<Values>(`${user.id}.new-matter`);
  const [form] = Form.useForm<Values>();
  const route = Form.useWatch('route', form) ?? routes[0];
  const subjectCadreId = Form.useWatch('subjectCadreId', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  const today = beijingToday();
  const rule = (max: number, required: boolean) => ruleFor(tActions, (v) => checkText(v, required, max));

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const linked = values.preRegistrationId;
      const created = await openMatter(
        {
          // A unit's application on a pre-registered initiative comes in by that route (事前报备转入);
          // the commission's own check keeps its route and carries the link.
          route: linked && values.route === 'unit_application' ? 'pre_registration' : values.route,
          ...(linked ? { preRegistrationId: linked } : {}),
          subjectCadreId: values.subjectCadreId,
          title: values.title ?? '',
          summary: values.summary ?? '',
          ...(values.conductDate ? { conductDate: values.conductDate } : {}),
          ...(values.accountabilityRef?.trim() ? { accountabilityRef: values.accountabilityRef } : {}),
          submit: values.route === 'unit_application' ? Boolean(values.submit) : false,
        },
        key.current,
      );
      draft.clear();
      void navigate(`/matters/${encodeURIComponent(created.id)}`, { replace: true });
    } catch (failure) {
      setError(failure);
      const field = failure instanceof ApiError ? failure.field?.replace(/^body\./, '') : undefined;
      if (
        field &&
        [
          'subjectCadreId',
          'title',
          'summary',
          'conductDate',
          'accountabilityRef',
          'preRegistrationId',
        ].includes(field)
      ) {
        form.setFields([{ name: field as keyof Values, errors: [errorText(failure)] }]);
      }
      setBusy(false);
    }
  };

  return (
    <div className="rc-apply">
      <PageTitle
        title={t('new.title')}
        before={
          <Link to="/matters" className="rc-back-link">
            <ArrowLeftOutlined aria-hidden="true" /> {t('detail.back')}
          </Link>
        }
      />
      <Card>
        {draft.initial ? (
          <Alert type="info" showIcon title={tActions('draftRestored')} className="rc-section" />
        ) : null}
        {error ? (
          <Alert type="error" showIcon role="alert" title={errorText(error)} className="rc-section" />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ route: routes[0], submit: true, ...draft.initial }}
          disabled={busy}
          onValuesChange={(_, all) => {
            key.current = crypto.randomUUID();
            draft.save(all);
          }}
          data-testid="new-matter-form"
        >
          <Form.Item name="route" label={t('new.route')} required>
            <Radio.Group>
              {routes.map((r) => (
                <Radio key={r} value={r}>
                  {r === 'ex_officio' ? t('new.exOfficio') : t('new.unit')}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {unavailable ? (
            <Alert
              type="warning"
              showIcon
              title={t('new.cadreUnavailable', { reason: unavailable })}
              className="rc-section"
            />
          ) : null}
          <Form.Item
            name="subjectCadreId"
            label={t('new.cadre')}
            htmlFor="new-cadre"
            required
            rules={[{ required: true, message: tActions('validation.required') }]}
          >
            <CadrePicker
              id="new-cadre"
              unitId={route === 'unit_application' ? unitId : undefined}
              onUnavailable={setUnavailable}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('apply:form.title')}
            required
            rules={[rule(APPLICATION_LIMITS.title, true)]}
          >
            <Input count={{ show: true, max: APPLICATION_LIMITS.title }} />
          </Form.Item>
          <Form.Item
            name="summary"
            label={t('apply:form.summary')}
            required
            rules={[rule(APPLICATION_LIMITS.summary, true)]}
          >
            <Input.TextArea
              autoSize={{ minRows: 5, maxRows: 18 }}
              count={{ show: true, max: APPLICATION_LIMITS.summary }}
            />
          </Form.Item>
          <Form.Item
            name="conductDate"
            label={t('apply:form.conductDate')}
            rules={[
              {
                validator: (_, v: string | undefined) =>
                  v && v > today ? Promise.reject(new Error(t('apply:form.futureDate'))) : Promise.resolve(),
              },
            ]}
          >
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item
            name="accountabilityRef"
            label={t('apply:form.accountabilityRef')}
            rules={[rule(APPLICATION_LIMITS.accountabilityRef, false)]}
          >
            <Input count={{ show: true, max: APPLICATION_LIMITS.accountabilityRef }} />
          </Form.Item>
          <Form.Item
            name="preRegistrationId"
            label={t('procedures:common.preRegistrationLink.label')}
            extra={t('procedures:common.preRegistrationLink.help')}
            htmlFor="new-pre-registration"
          >
            <PreRegistrationLinkPicker id="new-pre-registration" cadreId={subjectCadreId} />
          </Form.Item>
          {route === 'unit_application' ? (
            <Form.Item name="submit" valuePropName="checked">
              <Checkbox>{t('new.submitNow')}</Checkbox>
            </Form.Item>
          ) : null}
        </Form>
        <div className="rc-apply-buttons">
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="new-matter-submit">
            {tActions('submit')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
