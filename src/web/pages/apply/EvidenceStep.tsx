import { Alert, App, Button, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { performAction } from '../../api/matters.ts';
import type { MatterDetail } from '../../api/matterTypes.ts';
import { useErrorText } from '../../components/errorText.ts';
import { ActionBar } from '../matters/actions/ActionBar.tsx';
import { FileList } from '../matters/parts/Documents.tsx';

type Props = { detail: MatterDetail; onChange: (detail: MatterDetail) => void };

/** 材料与提交: the saved draft, evidence uploaded to it from the phone, and the one submit button. */
export function EvidenceStep({ detail, onChange }: Props) {
  const { t } = useTranslation('apply');
  const { t: tMatters } = useTranslation('matters');
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const m = detail.matter;
  const canSubmit = detail.allowedActions.some((a) => a.action === 'submit');

  if (m.status !== 'draft') {
    return (
      <Result
        status="success"
        title={t('evidence.submitted')}
        subTitle={t('evidence.submittedDetail', { number: m.number })}
        extra={
          <Link
            to={`/matters/${encodeURIComponent(m.id)}`}
            className="ant-btn ant-btn-primary ant-btn-lg"
            data-testid="apply-view"
          >
            {t('evidence.view')}
          </Link>
        }
        data-testid="apply-submitted"
      />
    );
  }

  const submit = () => {
    setBusy(true);
    setError(null);
    performAction(m.id, 'submit', {})
      .then((next) => {
        void message.success(t('evidence.submitted'));
        onChange(next);
      })
      .catch(setError)
      .finally(() => setBusy(false));
  };

  return (
    <div data-testid="apply-evidence">
      <h2 className="rc-section-title">{t('evidence.heading')}</h2>
      <Alert
        type="success"
        showIcon
        title={t('evidence.draftSaved', { number: m.number })}
        className="rc-section"
      />
      <section className="rc-section" aria-label={tMatters('party.yourEvidence')}>
        <FileList matterId={m.id} files={detail.files} />
      </section>
      <div className="rc-section">
        <ActionBar detail={detail} onChange={onChange} only={['add_evidence']} large />
      </div>
      {error ? (
        <Alert type="error" showIcon role="alert" title={errorText(error)} className="rc-section" />
      ) : null}
      <p className="rc-field-help">{t('evidence.submitHint')}</p>
      {canSubmit ? (
        <div className="rc-apply-buttons">
          <Button type="primary" size="large" loading={busy} onClick={submit} data-testid="apply-submit">
            {t('evidence.submit')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
