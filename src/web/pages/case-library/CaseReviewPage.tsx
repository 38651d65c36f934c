import '../../i18n/work.ts';
import { ArrowLeftOutlined, GlobalOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Drawer, Form, Input, Modal, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import {
  getCase,
  performCaseAction,
  type CaseAction,
  type CaseActionBodies,
  type CaseDetail,
} from '../../api/caseLibrary.ts';
import { useErrorText } from '../../components/errorText.ts';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { useBilingual } from '../matters/labels.tsx';
import { PersonalData, useMonth } from './Marked.tsx';
import { CaseOutcomeTag, CaseStatusTag } from './tags.tsx';
import '../matters/matters.css';
import './caseLibrary.css';

type Entry = CaseDetail['entry'];
type AllowedAction = CaseDetail['allowedActions'][number];
const TEXTS = ['facts', 'handling', 'significance'] as const;
type TextField = 'title' | (typeof TEXTS)[number];
const LIMITS: Record<TextField, number> = { title: 200, facts: 6000, handling: 6000, significance: 3000 };

/** 修改案例: the four texts and, on request, the automatic de-identification run over them again. */
function ReviseDrawer({
  entry,
  onClose,
  onDone,
}: {
  entry: Entry;
  onClose: () => void;
  onDone: (d: CaseDetail) => void;
}) {
  const { t } = useTranslation('cases');
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<TextField, string> & { redeidentify: boolean }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const label = (f: TextField) => (f === 'title' ? t('edit.titleField') : t(`review.${f}`));
  const save = async (values: Record<TextField, string> & { redeidentify: boolean }) => {
    setBusy(true);
    setError(null);
    try {
      // Only what changed is sent.
      const body: CaseActionBodies['revise'] = { redeidentify: values.redeidentify };
      for (const f of ['title', ...TEXTS] as const) if (values[f] !== entry[f]) body[f] = values[f];
      const next = await performCaseAction(entry.id, 'revise', body);
      void message.success(t('edit.saved'));
      onDone(next);
    } catch (failure) {
      setError(failure);
      const field = failure instanceof ApiError ? failure.field : undefined;
      if (field && (['title', ...TEXTS] as string[]).includes(field))
        form.setFields([{ name: field as TextField, errors: [errorText(failure)] }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open
      title={t('edit.title')}
      size={isPhone ? '100%' : 760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <div className="rc-apply-buttons">
          <Button onClick={onClose}>{t('steps.cancel')}</Button>
          <Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="case-revise-save">
            {t('edit.save')}
          </Button>
        </div>
      }
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Typography.Paragraph type="secondary">{t('edit.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: entry.title,
          facts: entry.facts,
          handling: entry.handling,
          significance: entry.significance,
          redeidentify: false,
        }}
        onFinish={(v) => void save(v)}
      >
        {(['title', ...TEXTS] as const).map((f) => (
          <Form.Item
            key={f}
            name={f}
            label={label(f)}
            rules={
              f === 'significance'
                ? []
                : [{ required: true, whitespace: true, message: t('edit.required', { field: label(f) }) }]
            }
          >
            {f === 'title' ? (
              <Input maxLength={LIMITS[f]} showCount data-testid={`case-edit-${f}`} />
            ) : (
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 14 }}
                maxLength={LIMITS[f]}
                showCount
                data-testid={`case-edit-${f}`}
              />
            )}
          </Form.Item>
        ))}
        <Form.Item name="redeidentify" valuePropName="checked">
          <Checkbox data-testid="case-edit-redeidentify">{t('edit.redeidentify')}</Checkbox>
        </Form.Item>
      </Form>
    </Drawer>
  );
}

/** 提请发布 / 批准发布 (an optional note), 退回修改 / 撤下发布 (a reason). */
function StepDialog({
  entry,
  action,
  onClose,
  onDone,
}: {
  entry: Entry;
  action: AllowedAction;
  onClose: () => void;
  onDone: (d: CaseDetail) => void;
}) {
  const { t } = useTranslation('cases');
  const pick = useBilingual();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const needsReason = action.action === 'return_case' || action.action === 'withdraw';
  const send = async ({ text }: { text?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const value = text?.trim();
      const body = needsReason ? { reason: value ?? '' } : value ? { note: value } : {};
      const next = await performCaseAction(
        entry.id,
        action.action as Exclude<CaseAction, 'revise'>,
        body as never,
      );
      void message.success(t('steps.done', { action: pick(action.label) }));
      onDone(next);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={pick(action.label)}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('steps.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={action.danger}
          loading={busy}
          onClick={() => form.submit()}
          data-testid="case-step-submit"
        >
          {t('steps.confirm')}
        </Button>,
      ]}
    >
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item
          name="text"
          label={needsReason ? t('steps.reason') : t('steps.note')}
          rules={
            needsReason ? [{ required: true, whitespace: true, message: t('steps.reasonRequired') }] : []
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            data-testid="case-step-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Section({
  title,
  text,
  spans,
  testId,
  empty,
}: {
  title: string;
  text: string;
  spans: Entry['personalData']['facts'];
  testId: string;
  empty?: string;
}) {
  return (
    <Card className="rc-case-section" size="small">
      <h2>{title}</h2>
      {text ? (
        <PersonalData text={text} spans={spans} testId={testId} />
      ) : (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      )}
    </Card>
  );
}

/**
 * One typical case: the review page for the commission (the personal data still found marked red
 * or orange, the steps the user may take from the API's allowedActions, the history) and a read
 * view of a published case for everyone else.
 */
export default function CaseReviewPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('cases');
  const pick = useBilingual();
  const month = useMonth();
  const loaded = useApi((signal) => getCase(id, signal), [id]);
  const [changed, setChanged] = useState<CaseDetail | null>(null);
  const [open, setOpen] = useState<AllowedAction | null>(null);
  const detail = changed && changed.entry.id === id ? changed : loaded.data;

  if (loaded.error && !detail) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!detail) return <PageLoading />;
  const { entry, allowedActions, history } = detail;
  const internal = entry.view === 'internal';
  const spans = entry.personalData;
  const suspected = [spans.title, ...TEXTS.map((f) => spans[f])].flat().filter((s) => !s.certain).length;
  const done = (next: CaseDetail) => {
    setOpen(null);
    setChanged(next);
  };
  const published = entry.status === 'published' && entry.decisionStands;

  return (
    <>
      <PageTitle
        before={
          <Link to="/case-library" className="rc-back-link">
            <ArrowLeftOutlined /> {t('review.back')}
          </Link>
        }
        title={entry.title}
        tags={
          <>
            <CaseStatusTag status={entry.status} label={entry.statusLabel} />
            <CaseOutcomeTag outcome={entry.outcome} />
          </>
        }
        extra={
          <div className="rc-action-bar" data-testid="case-actions">
            {allowedActions.map((a) => (
              <Button
                key={a.action}
                danger={a.danger}
                type={a.action === 'approve' || a.action === 'propose' ? 'primary' : 'default'}
                onClick={() => setOpen(a)}
                data-testid={`case-action-${a.action}`}
              >
                {pick(a.label)}
              </Button>
            ))}
            {published ? (
              <Button
                icon={<GlobalOutlined />}
                href={`/cases/${entry.id}`}
                target="_blank"
                rel="noopener"
                data-testid="case-public-link"
              >
                {t('review.viewPublic')}
              </Button>
            ) : null}
          </div>
        }
      />
      <div className="rc-case-alerts">
        {internal ? (
          entry.blocking > 0 ? (
            <Alert
              type="error"
              showIcon
              title={t('review.blocking', { count: entry.blocking })}
              data-testid="case-blocking"
            />
          ) : suspected === 0 ? (
            <Alert type="success" showIcon title={t('review.clean')} data-testid="case-clean" />
          ) : null
        ) : (
          <Alert type="info" showIcon title={t('review.publishedView')} />
        )}
        {internal && suspected > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('review.suspected', { count: suspected })}
            data-testid="case-suspected"
          />
        ) : null}
        {!entry.decisionStands ? <Alert type="warning" showIcon title={t('review.decisionGone')} /> : null}
        {entry.status === 'returned' && entry.returnReason ? (
          <Alert
            type="info"
            showIcon
            title={`${t('review.returnReason')}：${entry.returnReason}`}
            data-testid="case-return-reason"
          />
        ) : null}
      </div>
      {internal ? (
        <div className="rc-case-legend" style={{ marginBottom: 12 }}>
          <span>
            <mark className="rc-pd rc-pd-certain">{t('review.legendCertain')}</mark>{' '}
            <mark className="rc-pd rc-pd-suspected">{t('review.legendSuspected')}</mark>
          </span>
          <span>{t('review.legend')}</span>
        </div>
      ) : null}
      {spans.title.length > 0 ? (
        <Card className="rc-case-section" size="small">
          <h2>{t('edit.titleField')}</h2>
          <PersonalData text={entry.title} spans={spans.title} testId="case-title-marked" />
        </Card>
      ) : null}
      <Card className="rc-case-section" size="small">
        <dl className="rc-kv">
          <dt>{t('review.number')}</dt>
          <dd>{entry.number ?? t('review.none')}</dd>
          <dt>{t('review.decidedMonth')}</dt>
          <dd>{month(entry.decidedMonth)}</dd>
          <dt>{t('review.jurisdiction')}</dt>
          <dd>{entry.jurisdiction.name}</dd>
          {entry.matter ? (
            <>
              <dt>{t('review.matter')}</dt>
              <dd>
                <Link to={`/matters/${entry.matter.id}`}>{entry.matter.number}</Link>
              </dd>
            </>
          ) : null}
          <dt>{t('review.situations')}</dt>
          <dd>
            {entry.situations.length
              ? entry.situations.map((s) => `${s.id} ${pick(s)}`).join('；')
              : t('review.none')}
          </dd>
          {entry.exclusions.length ? (
            <>
              <dt>{t('review.exclusions')}</dt>
              <dd>{entry.exclusions.map((s) => `${s.id} ${pick(s)}`).join('；')}</dd>
            </>
          ) : null}
          {entry.publishedAt ? (
            <>
              <dt>{t('review.publishedAt')}</dt>
              <dd>{formatDateTime(entry.publishedAt)}</dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Section title={t('review.facts')} text={entry.facts} spans={spans.facts} testId="case-facts" />
      <Section
        title={t('review.handling')}
        text={entry.handling}
        spans={spans.handling}
        testId="case-handling"
      />
      <Section
        title={t('review.significance')}
        text={entry.significance}
        spans={spans.significance}
        testId="case-significance"
        empty={t('review.significanceEmpty')}
      />
      {internal && history.length ? (
        <Card className="rc-case-section" size="small">
          <h2>{t('review.history')}</h2>
          <Timeline
            items={history.map((h) => ({
              content: (
                <>
                  <strong>{pick(h.label)}</strong> · {h.actor} · {formatDateTime(h.at)}
                  {typeof h.data.reason === 'string' ? <div>{h.data.reason}</div> : null}
                  {typeof h.data.note === 'string' ? <div>{h.data.note}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
      ) : null}
      {open?.action === 'revise' ? (
        <ReviseDrawer entry={entry} onClose={() => setOpen(null)} onDone={done} />
      ) : open ? (
        <StepDialog entry={entry} action={open} onClose={() => setOpen(null)} onDone={done} />
      ) : null}
    </>
  );
}
