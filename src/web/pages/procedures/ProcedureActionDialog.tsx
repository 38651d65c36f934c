import { Alert, App, Button, Drawer, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { AllowedAction } from '../../api/matterTypes.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { useErrorText } from '../../components/errorText.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { useLocalDraft } from '../../components/useLocalDraft.ts';
import { formPath } from '../matters/actions/actionValues.ts';
import { useBilingual } from '../matters/labels.tsx';
import { performProcedureAction } from './api.ts';
import { fromDeclared, type DescribedStep } from './declared.ts';
import { toProcedureBody, type FormValues } from './fields.ts';
import { ProcedureField } from './ProcedureField.tsx';
import { useProcedureText } from './text.ts';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';

type Props<D extends ProcedureDetail> = {
  config: ProcedureConfig<D>;
  detail: D;
  action: AllowedAction & DescribedStep;
  onClose: () => void;
  /** The matter as it now stands, or null when the step took it out of the user's view. */
  onDone: (detail: D | null) => void;
};

/**
 * The form of one step, drawn from the fields its config declares for it (which mirror the step's
 * body schema): checks as the user types, keeps a draft of what is typed, confirms danger steps, and
 * shows the server's refusal in the user's language at the top and on the field it names.
 */
export function ProcedureActionDialog<D extends ProcedureDetail>({
  config,
  detail,
  action,
  onClose,
  onDone,
}: Props<D>) {
  const { t } = useTranslation(['actions', 'common']);
  const { t: tProcedures } = useTranslation('procedures');
  const text = useProcedureText(config.type);
  const pick = useBilingual();
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The fields the API declares for the step, else those the config declares for it.
  const [{ specs, unknown }] = useState(() =>
    action.fields
      ? fromDeclared(action.fields)
      : { specs: [...(config.actions[action.action] ?? [])], unknown: [] },
  );
  const draft = useLocalDraft<FormValues>(`${user.id}.${detail.matter.id}.${action.action}`);
  // The matter as it stands (a revision's baseline), then anything typed before and kept as a draft.
  const [starting] = useState<FormValues>(() => config.initialValues?.(action.action, detail) ?? {});
  const [initial] = useState<FormValues>(() => ({ ...starting, ...draft.initial }));
  const title = pick(action.label);
  const wide = config.wideActions?.includes(action.action) ?? false;

  const send = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = toProcedureBody(specs, values);
      if (config.changesOnly?.includes(action.action)) {
        // A revision names what it changes (the record says so): drop what is as it was.
        const before = toProcedureBody(specs, starting);
        for (const key of Object.keys(body))
          if (JSON.stringify(body[key]) === JSON.stringify(before[key])) delete body[key];
      }
      const next = await performProcedureAction<D>(config, detail.matter.id, action.action, body);
      draft.clear();
      void message.success(t('done', { action: title }));
      onDone(next ?? null);
    } catch (failure) {
      setError(failure);
      const path = failure instanceof ApiError ? formPath(failure.field) : null;
      if (path && specs.some((s) => s.name === path[0]))
        form.setFields([{ name: path, errors: [errorText(failure)] }]);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    let values: FormValues;
    try {
      await form.validateFields();
      // Every value, hidden group switches included (validateFields leaves out unregistered ones).
      values = form.getFieldsValue(true) as FormValues;
    } catch {
      setError(null);
      return; // the fields say what is wrong
    }
    if (!action.danger) return send(values);
    modal.confirm({
      title: t('confirm.title', { action: title }),
      content: t('confirm.body'),
      okText: t('confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common:cancel'),
      onOk: () => send(values),
    });
  };

  const intro = config.actionIntro?.(action.action, detail, text) ?? null;
  const body = (
    <>
      {intro}
      {draft.initial ? (
        <Alert type="info" showIcon title={t('draftRestored')} className="rc-section" />
      ) : null}
      {unknown.length > 0 ? (
        // A kind of input this page cannot draw: the step cannot be done here (rather than sent short).
        <Alert
          type="warning"
          showIcon
          title={tProcedures('common.unsupportedFields', { fields: unknown.join('、') })}
          className="rc-section"
        />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(error)}
          className="rc-section"
          data-testid="action-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => draft.save(all)}
        onFinish={() => void submit()}
        disabled={busy}
        data-testid={`form-${action.action}`}
      >
        {specs.map((spec) => (
          <ProcedureField
            key={spec.name}
            spec={spec}
            place={{ type: config.type, action: action.action, files: detail.files, idPrefix: action.action }}
          />
        ))}
      </Form>
    </>
  );
  const footer = (
    <div className="rc-apply-buttons">
      <Button onClick={onClose} disabled={busy}>
        {t('common:cancel')}
      </Button>
      <Button
        type="primary"
        danger={action.danger}
        disabled={unknown.length > 0}
        loading={busy}
        onClick={() => void submit()}
        // Not "action-submit": that is the button of a step named submit (提交报备) in the action bar.
        data-testid="dialog-submit"
      >
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
      size={isPhone ? '100%' : 720}
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
