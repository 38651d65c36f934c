import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { getHealth } from '../api/endpoints.ts';
import { useAuth } from '../auth/AuthProvider.tsx';
import { safeNextPath } from '../auth/redirect.ts';
import { useErrorText } from '../components/errorText.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { Logo } from '../components/Logo.tsx';
import { useApi } from '../components/useApi.ts';
import { DemoAccounts } from './login/DemoAccounts.tsx';

type Credentials = { username: string; password: string };

/** 登录: product name, the sign-in form, the language switch and, in demo mode, the demo accounts. */
export default function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [form] = Form.useForm<Credentials>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errorText = useErrorText();
  const health = useApi((signal) => getHealth(signal), []);
  const submitRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  if (state.status === 'authenticated') return <Navigate to={next} replace />;

  const submit = async (values: Credentials) => {
    setSubmitting(true);
    setError(null);
    try {
      await login(values.username.trim(), values.password);
      void navigate(next, { replace: true });
    } catch (failure) {
      // The form keeps what was typed; only the message changes.
      setError(failure);
      setSubmitting(false);
    }
  };

  const fill = (username: string, password: string) => {
    form.setFieldsValue({ username, password });
    setError(null);
    submitRef.current?.focus();
  };

  return (
    <div className="rc-login">
      <div className="rc-login-lang">
        <LanguageSwitch variant="segmented" />
      </div>
      <main className="rc-login-main">
        <section className="rc-login-brand" aria-labelledby="rc-product-name">
          <Logo size={56} />
          <h1 id="rc-product-name" className="rc-login-product">
            {t('common:appName')}
          </h1>
          <p className="rc-login-subtitle">{t('common:appSubtitle')}</p>
          <div className="rc-login-principle">
            <h2>{t('principle.title')}</h2>
            <ol>
              <li>{t('principle.one')}</li>
              <li>{t('principle.two')}</li>
              <li>{t('principle.three')}</li>
            </ol>
          </div>
        </section>
        <section className="rc-login-card" aria-labelledby="rc-login-heading">
          <h2 id="rc-login-heading" className="rc-login-heading">
            {t('title')}
          </h2>
          {params.get('expired') === '1' && !error ? (
            <Alert type="warning" showIcon title={t('expired')} className="rc-login-alert" />
          ) : null}
          {error ? (
            <Alert type="error" showIcon title={errorText(error)} className="rc-login-alert" role="alert" />
          ) : null}
          <Form<Credentials>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void submit(values)}
            disabled={submitting}
            size="large"
          >
            <Form.Item
              label={t('username')}
              name="username"
              rules={[{ required: true, whitespace: true, message: t('usernameRequired') }]}
            >
              <Input prefix={<UserOutlined aria-hidden="true" />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('password')}
              name="password"
              rules={[{ required: true, message: t('passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined aria-hidden="true" />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting} ref={submitRef}>
              {t('submit')}
            </Button>
          </Form>
          {health.data?.demo ? <DemoAccounts onPick={fill} /> : null}
          <p className="rc-login-note">{t('auditNote')}</p>
        </section>
      </main>
      <footer className="rc-login-footer">
        {t('common:appName')}
        {health.data ? ` · ${t('version', { version: health.data.version })}` : ''}
      </footer>
    </div>
  );
}
