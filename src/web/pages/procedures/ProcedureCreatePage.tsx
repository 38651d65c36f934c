import '../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { useErrorText } from '../../components/errorText.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useLocalDraft } from '../../components/useLocalDraft.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { formPath } from '../matters/actions/actionValues.ts';
import { openProcedureMatter } from './api.ts';
import { toProcedureBody, type FormValues } from './fields.ts';
import { ProcedureField } from './ProcedureField.tsx';
import { useProcedureText } from './text.ts';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';
import '../matters/matters.css';
import './procedures.css';

/**
 * Opening a matter of a procedure (a standalone correction order, a pre-registration): the fields its
 * config declares for this user, kept on the device as they are typed, sent once per submission (an
 * idempotency key, so a double click or a lost answer never opens two), then on to the new matter.
 */
export function ProcedureCreatePage<D extends ProcedureDetail, B>({
  config,
}: {
  config: ProcedureConfig<D, B>;
}) {
  const { t } = useTranslation(['actions']);
  const text = useProcedureText(config.type);
  const errorText = useErrorText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = config.create!;
  const specs = useMemo(() => create.fields(user), [create, user]);
  const draft = useLocalDraft<FormValues>(`${user.id}.new-${config.type}`);
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(crypto.randomUUID());

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      setError(null);
      return;
    }
    const values = form.getFieldsValue(true) as FormValues;
    const body = toProcedureBody(specs, values);
    setBusy(true);
    setError(null);
    try {
      const created = await openProcedureMatter(
        config,
        create.finish ? create.finish(body, user) : body,
        key.current,
      );
      draft.clear();
      void message.success(text.common('create.done', { number: created.number }));
      void navigate(`${config.path}/${encodeURIComponent(created.id)}`, { replace: true });
    } catch (failure) {
      setError(failure);
      const path = failure instanceof ApiError ? formPath(failure.field) : null;
      if (path && specs.some((s) => s.name === path[0]))
        form.setFields([{ name: path, errors: [errorText(failure)] }]);
      setBusy(false);
    }
  };

  return (
    <div className="rc-apply rc-proc">
      <PageTitle
        title={text('newTitle')}
        before={
          <Link to={config.path} className="rc-back-link">
            <ArrowLeftOutlined aria-hidden="true" /> {text.common('detail.back', { list: text('listTitle') })}
          </Link>
        }
      />
      <Typography.Paragraph type="secondary">{text('newIntro')}</Typography.Paragraph>
      <Card>
        {draft.initial ? (
          <Alert type="info" showIcon title={t('draftRestored')} className="rc-section" />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorText(error)}
            className="rc-section"
            data-testid="create-error"
          />
        ) : null}
        <Form<FormValues>
          form={form}
          layout="vertical"
          initialValues={{ ...create.initial?.(user), ...draft.initial }}
          disabled={busy}
          onValuesChange={(_, all) => {
            // An edit is a new submission; a retry of the same text reuses the key.
            key.current = crypto.randomUUID();
            draft.save(all);
          }}
          data-testid={`new-${config.type}-form`}
        >
          {specs.map((spec) => (
            <ProcedureField key={spec.name} spec={spec} place={{ type: config.type, idPrefix: 'new' }} />
          ))}
        </Form>
        {draft.savedAt ? (
          <p className="rc-saved-note" aria-live="polite">
            {text.common('create.savedLocally', { time: formatDateTime(new Date(draft.savedAt)) })}
          </p>
        ) : null}
        <div className="rc-apply-buttons">
          <Button onClick={() => void navigate(config.path)} disabled={busy}>
            {text.common('create.cancel')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="create-submit">
            {text('createSubmit')}
          </Button>
        </div>
      </Card>
    </div>
  );
}
