import { Alert, Button, Drawer, Form, Modal } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { useIsPhone } from '../../../components/useIsPhone.ts';
import { formPath } from '../../matters/actions/actionValues.ts';
import { fromDeclared, type DeclaredField } from '../declared.ts';
import { toProcedureBody, type FormValues } from '../fields.ts';
import { ProcedureField } from '../ProcedureField.tsx';

type Props = {
  /** The procedure whose texts give help lines (`procedures:<type>.actionHelp.<action>.<field>`). */
  type: string;
  action: string;
  title: string;
  /** The form's fields as the API declares them beside the step. */
  fields: readonly DeclaredField[];
  initialValues?: FormValues;
  /** Drawn above the form (what is being recorded, a warning). */
  intro?: ReactNode;
  /** Sends the body; the key is made once per submission and reused on a retry of the same values. */
  send: (body: Record<string, unknown>, idempotencyKey: string) => Promise<void>;
  onClose: () => void;
  /** A long form: a side drawer instead of a dialog. */
  wide?: boolean;
};

/**
 * The form of a step that is not a matter's (登记处分, 登记提拔任用): drawn from the fields the API
 * declares with the step, checked as the server checks, and the server's refusal — e.g. the
 * influence-period block naming its end date — shown in the user's language at the top and on the
 * field it names.
 */
export function DeclaredDialog({
  type,
  action,
  title,
  fields,
  initialValues,
  intro,
  send,
  onClose,
  wide = false,
}: Props) {
  const { t } = useTranslation(['actions', 'common']);
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [{ specs }] = useState(() => fromDeclared(fields));
  const key = useRef(crypto.randomUUID());

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      setError(null);
      return;
    }
    const values = form.getFieldsValue(true) as FormValues;
    setBusy(true);
    setError(null);
    try {
      await send(toProcedureBody(specs, values), key.current);
    } catch (failure) {
      setError(failure);
      const path = failure instanceof ApiError ? formPath(failure.field) : null;
      if (path && specs.some((s) => s.name === path[0]))
        form.setFields([{ name: path, errors: [errorText(failure)] }]);
    } finally {
      setBusy(false);
    }
  };

  const body = (
    <>
      {intro}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(error)}
          className="rc-section"
          data-testid="declared-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={busy}
        onValuesChange={() => {
          // Changed values are a new submission; a retry of the same ones keeps the key.
          key.current = crypto.randomUUID();
        }}
        onFinish={() => void submit()}
        data-testid={`form-${action}`}
      >
        {specs.map((spec) => (
          <ProcedureField key={spec.name} spec={spec} place={{ type, action, idPrefix: action }} />
        ))}
      </Form>
    </>
  );
  const footer = (
    <div className="rc-apply-buttons">
      <Button onClick={onClose} disabled={busy}>
        {t('common:cancel')}
      </Button>
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="declared-submit">
        {title}
      </Button>
    </div>
  );
  return wide ? (
    <Drawer
      open
      title={title}
      onClose={onClose}
      footer={footer}
      size={isPhone ? '100%' : 640}
      maskClosable={false}
      destroyOnHidden
    >
      {body}
    </Drawer>
  ) : (
    <Modal
      open
      title={title}
      onCancel={onClose}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
      width={isPhone ? '100%' : 560}
    >
      {body}
    </Modal>
  );
}
