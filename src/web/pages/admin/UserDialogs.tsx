import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import {
  createUser,
  grantRole,
  resetPassword,
  type AdminUser,
  type CreateUserBody,
  type RoleGrantBody,
} from '../../api/admin.ts';
import { useErrorText } from '../../components/errorText.ts';
import { RoleGrantFields } from './RoleGrantFields.tsx';

type DialogProps = { onClose: () => void; onDone: (user?: AdminUser) => void };

/** Runs a request for a dialog: busy flag, the server's message, the field it names marked. */
function useSubmit<V extends object>(form: ReturnType<typeof Form.useForm<V>>[0]) {
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (task: (values: V) => Promise<void>) => {
    let values: V;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await task(values);
    } catch (failure) {
      setError(failure);
      const field = failure instanceof ApiError ? failure.field?.replace(/^body\./, '') : undefined;
      if (field)
        form.setFields([
          {
            name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
            errors: [errorText(failure)],
          },
        ]);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    run,
    alert: error ? (
      <Alert type="error" showIcon role="alert" title={errorText(error)} className="rc-section" />
    ) : null,
  };
}

type NewUser = { username?: string; displayName?: string; password?: string; roles: RoleGrantBody[] };

/** 新建用户: account, initial password and its first scoped role. */
export function CreateUserDialog({ onClose, onDone }: DialogProps) {
  const { t } = useTranslation(['admin', 'actions', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const submit = useSubmit(form);
  const required = [{ required: true, whitespace: true, message: t('actions:validation.required') }];
  return (
    <Modal
      open
      title={t('users.create')}
      onCancel={onClose}
      okText={t('users.create')}
      cancelText={t('common:cancel')}
      confirmLoading={submit.busy}
      maskClosable={false}
      onOk={() =>
        void submit.run(async (values) => {
          const created = await createUser(values as CreateUserBody);
          void message.success(t('users.created', { username: created.username }));
          onDone(created);
        })
      }
    >
      {submit.alert}
      <Form<NewUser>
        form={form}
        layout="vertical"
        initialValues={{ roles: [{}] }}
        disabled={submit.busy}
        data-testid="create-user"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[...required, { pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: t('users.usernameRule') }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[...required, { max: 60, message: t('actions:validation.tooLong', { max: 60 }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.password')}
          extra={t('users.passwordHelp')}
          rules={required}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <RoleGrantFields prefix={['roles', 0]} />
      </Form>
    </Modal>
  );
}

/** 授予角色: one more scoped role for an account. */
export function GrantRoleDialog({ user, onClose, onDone }: DialogProps & { user: AdminUser }) {
  const { t } = useTranslation(['admin', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<RoleGrantBody>();
  const submit = useSubmit(form);
  return (
    <Modal
      open
      title={`${t('users.grant')} · ${user.displayName}`}
      onCancel={onClose}
      okText={t('users.grant')}
      cancelText={t('common:cancel')}
      confirmLoading={submit.busy}
      maskClosable={false}
      onOk={() =>
        void submit.run(async (values) => {
          const updated = await grantRole(user.id, values);
          void message.success(t('users.granted'));
          onDone(updated);
        })
      }
    >
      {submit.alert}
      <Form<RoleGrantBody> form={form} layout="vertical" disabled={submit.busy}>
        <RoleGrantFields />
      </Form>
    </Modal>
  );
}

/** 重置密码. */
export function ResetPasswordDialog({ user, onClose, onDone }: DialogProps & { user: AdminUser }) {
  const { t } = useTranslation(['admin', 'actions', 'common']);
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password?: string }>();
  const submit = useSubmit(form);
  return (
    <Modal
      open
      title={`${t('users.resetPassword')} · ${user.displayName}`}
      onCancel={onClose}
      okText={t('users.resetPassword')}
      cancelText={t('common:cancel')}
      confirmLoading={submit.busy}
      maskClosable={false}
      onOk={() =>
        void submit.run(async (values) => {
          const updated = await resetPassword(user.id, values.password ?? '');
          void message.success(t('users.passwordReset', { username: user.username }));
          onDone(updated);
        })
      }
    >
      {submit.alert}
      <Form form={form} layout="vertical" disabled={submit.busy}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.passwordHelp')}
          rules={[{ required: true, message: t('actions:validation.required') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
