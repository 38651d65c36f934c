import { Alert, Button, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { openMatter } from '../../api/matters.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { useErrorText } from '../../components/errorText.ts';
import { useLocalDraft } from '../../components/useLocalDraft.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { beijingToday } from '../../format/localDate.ts';
import { checkText } from '../matters/actions/actionValues.ts';
import { ruleFor } from '../matters/actions/FieldInput.tsx';
import { PreRegistrationLinkPicker } from '../procedures/pre-registration/LinkPicker.tsx';
import { APPLICATION_LIMITS } from './applicationLimits.ts';

export type ApplicationValues = {
  title?: string;
  summary?: string;
  conductDate?: string;
  accountabilityRef?: string;
  /** 关联事前报备: the cadre's own filing made before acting, if any. */
  preRegistrationId?: string;
};

type Props = { onBack: () => void; onSaved: (matter: { id: string; number: string }) => void };

/**
 * 填写情况: what happened, in the cadre's words. Typed text is kept on the device as it is typed; the
 * step ends by saving a draft on the server (so evidence can be attached), never by submitting.
 */
export function DescribeStep({ onBack, onSaved }: Props) {
  const { t } = useTranslation('apply');
  const { t: tActions } = useTranslation('actions');
  const { t: tProcedures } = useTranslation('procedures');
  const errorText = useErrorText();
  const user = useCurrentUser();
  const draft = useLocalDraft<ApplicationValues>(`${user.id}.apply`);
  const [form] = Form.useForm<ApplicationValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // One key per submission; a retry of the same text reuses it, an edit makes a new one.
  const idempotencyKey = useRef(crypto.randomUUID());
  const today = beijingToday();

  const save = async () => {
    let values: ApplicationValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      // On a pre-registered initiative the application comes in by that route, about the cadre themself.
      const linked = values.preRegistrationId && user.cadreId ? values.preRegistrationId : undefined;
      const created = await openMatter(
        {
          ...(linked
            ? { route: 'pre_registration' as const, subjectCadreId: user.cadreId!, preRegistrationId: linked }
            : { route: 'own_application' as const }),
          title: values.title ?? '',
          summary: values.summary ?? '',
          ...(values.conductDate ? { conductDate: values.conductDate } : {}),
          ...(values.accountabilityRef?.trim() ? { accountabilityRef: values.accountabilityRef } : {}),
          submit: false,
        },
        idempotencyKey.current,
      );
      draft.clear();
      onSaved(created);
    } catch (failure) {
      setError(failure);
      const field = failure instanceof ApiError ? failure.field?.replace(/^body\./, '') : undefined;
      if (
        field &&
        ['title', 'summary', 'conductDate', 'accountabilityRef', 'preRegistrationId'].includes(field)
      ) {
        form.setFields([{ name: field as keyof ApplicationValues, errors: [errorText(failure)] }]);
      }
      setBusy(false);
    }
  };

  return (
    <>
      {draft.initial ? (
        <Alert type="info" showIcon title={tActions('draftRestored')} className="rc-section" />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(error)}
          className="rc-section"
          data-testid="apply-error"
        />
      ) : null}
      <Form<ApplicationValues>
        form={form}
        layout="vertical"
        initialValues={draft.initial}
        disabled={busy}
        onValuesChange={(_, all) => {
          idempotencyKey.current = crypto.randomUUID();
          draft.save(all);
        }}
        data-testid="apply-form"
      >
        <Form.Item
          name="title"
          label={t('form.title')}
          extra={t('form.titleHelp')}
          required
          rules={[ruleFor(tActions, (v) => checkText(v, true, APPLICATION_LIMITS.title))]}
        >
          <Input count={{ show: true, max: APPLICATION_LIMITS.title }} size="large" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('form.summary')}
          extra={t('form.summaryHelp')}
          required
          rules={[ruleFor(tActions, (v) => checkText(v, true, APPLICATION_LIMITS.summary))]}
        >
          <Input.TextArea
            autoSize={{ minRows: 6, maxRows: 20 }}
            count={{ show: true, max: APPLICATION_LIMITS.summary }}
          />
        </Form.Item>
        <Form.Item
          name="conductDate"
          label={t('form.conductDate')}
          extra={t('form.conductDateHelp')}
          rules={[
            {
              validator: (_, v: string | undefined) =>
                v && v > today ? Promise.reject(new Error(t('form.futureDate'))) : Promise.resolve(),
            },
          ]}
        >
          <Input type="date" max={today} size="large" />
        </Form.Item>
        <Form.Item
          name="accountabilityRef"
          label={t('form.accountabilityRef')}
          extra={t('form.accountabilityRefHelp')}
          rules={[ruleFor(tActions, (v) => checkText(v, false, APPLICATION_LIMITS.accountabilityRef))]}
        >
          <Input count={{ show: true, max: APPLICATION_LIMITS.accountabilityRef }} size="large" />
        </Form.Item>
        {user.cadreId ? (
          <Form.Item
            name="preRegistrationId"
            label={tProcedures('common.preRegistrationLink.label')}
            extra={tProcedures('common.preRegistrationLink.help')}
            htmlFor="apply-pre-registration"
          >
            <PreRegistrationLinkPicker id="apply-pre-registration" cadreId={user.cadreId} />
          </Form.Item>
        ) : null}
      </Form>
      {draft.savedAt ? (
        <p className="rc-saved-note" aria-live="polite">
          {t('form.savedLocally', { time: formatDateTime(new Date(draft.savedAt)) })}
        </p>
      ) : null}
      <div className="rc-apply-buttons">
        <Button size="large" onClick={onBack} disabled={busy}>
          {t('form.back')}
        </Button>
        <Button
          type="primary"
          size="large"
          loading={busy}
          onClick={() => void save()}
          data-testid="apply-next"
        >
          {t('form.next')}
        </Button>
      </div>
    </>
  );
}
