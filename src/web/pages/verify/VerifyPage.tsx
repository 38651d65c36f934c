import '../../i18n/work.ts';
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Result, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { verifyCode, verifyFile } from '../../api/matters.ts';
import type { VerifyResult } from '../../api/matterTypes.ts';
import { useErrorText } from '../../components/errorText.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Logo } from '../../components/Logo.tsx';
import { formatDateTime } from '../../format/datetime.ts';
import '../matters/matters.css';

function Answer({ result }: { result: VerifyResult }) {
  const { t } = useTranslation('verify');
  if (!result.valid || !result.document) {
    const reason = result.status === 'valid' ? 'unknown' : result.status;
    return (
      <Result
        status="error"
        title={t('notGenuine')}
        subTitle={
          <>
            {t(`status.${reason}`)} {t('notGenuineHint')}
          </>
        }
        data-testid="verify-invalid"
      />
    );
  }
  const doc = result.document;
  return (
    <Result
      status="success"
      icon={<SafetyCertificateOutlined />}
      title={t('genuine')}
      data-testid="verify-valid"
      extra={
        <dl className="rc-kv" style={{ textAlign: 'start' }}>
          <dt>{t('docTitle')}</dt>
          <dd>{doc.title}</dd>
          <dt>{t('number')}</dt>
          <dd>{doc.number}</dd>
          <dt>{t('issuer')}</dt>
          <dd>{doc.issuer}</dd>
          <dt>{t('issuedAt')}</dt>
          <dd>{formatDateTime(doc.issuedAt)}</dd>
          <dt>{t('digest')}</dt>
          <dd className="rc-digest">{doc.digest}</dd>
        </dl>
      }
    />
  );
}

/**
 * 文书验证 (public, no sign-in): anyone enters the code printed on a document — or opens the QR code,
 * which carries it — or uploads the file, and sees whether it is an original this system issued.
 */
export default function VerifyPage() {
  const { t } = useTranslation(['verify', 'common']);
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  const run = (task: () => Promise<VerifyResult>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    task()
      .then(setResult)
      .catch(setError)
      .finally(() => setBusy(false));
  };
  const checkCode = (value: string) => {
    if (!value.trim()) {
      setCodeError(t('codeRequired'));
      return;
    }
    setCodeError(null);
    setParams(new URLSearchParams({ code: value.trim() }), { replace: true });
    run(() => verifyCode(value.trim()));
  };

  // The QR code opens this page with ?code=…: check it straight away.
  useEffect(() => {
    const initial = params.get('code');
    if (initial) run(() => verifyCode(initial));
  }, []);

  const unavailable = error instanceof ApiError && error.status === 404;
  return (
    <div className="rc-verify">
      <header className="rc-verify-head">
        <Logo size={26} />
        <span className="rc-brand-name">{t('common:appName')}</span>
        <span className="rc-verify-right">
          <LanguageSwitch />
          <Link to="/login">{t('login')}</Link>
        </span>
      </header>
      <main className="rc-verify-main">
        <h1>{t('title')}</h1>
        <p>{t('intro')}</p>
        <Card className="rc-section">
          <Form layout="vertical" onFinish={() => checkCode(code)}>
            <Form.Item
              label={t('code')}
              htmlFor="verify-code"
              validateStatus={codeError ? 'error' : undefined}
              help={codeError ?? undefined}
            >
              <Input.Search
                id="verify-code"
                value={code}
                maxLength={64}
                onChange={(e) => setCode(e.target.value)}
                onSearch={checkCode}
                placeholder={t('codePlaceholder')}
                enterButton={t('check')}
                size="large"
                loading={busy}
                autoComplete="off"
                data-testid="verify-code"
              />
            </Form.Item>
          </Form>
          <p className="rc-field-help">{t('orFile')}</p>
          <Upload
            accept=".pdf,.docx,application/pdf"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(file) => {
              run(() => verifyFile(file));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={busy}>
              {t('chooseFile')}
            </Button>
          </Upload>
        </Card>
        {error ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={unavailable ? t('unavailable') : errorText(error)}
          />
        ) : null}
        {result ? (
          <Card>
            <Answer result={result} />
          </Card>
        ) : null}
      </main>
    </div>
  );
}
