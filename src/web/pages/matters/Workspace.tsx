import { Alert, Card, Col, Form, Row, Select, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { MatterDetail } from '../../api/matterTypes.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { formatLocalDate } from '../../format/localDate.ts';
import { ActionBar } from './actions/ActionBar.tsx';
import { DeadlineBadge, useDeadlineKind } from './labels.tsx';
import { VERIFICATION_KINDS } from './matterData.ts';
import { DecisionSummary, FactsSummary, ProposalSummary } from './parts/Determination.tsx';
import { DocumentList, FileList } from './parts/Documents.tsx';
import { MEETING_ACTIONS, MeetingPanel } from './parts/MeetingPanel.tsx';
import { RecordList, TaskList, UnitOpinions } from './parts/Records.tsx';
import { Timeline } from './parts/Timeline.tsx';
import { proposedOutcome, SimilarPanel, useSimilarMatters } from './parts/SimilarMatters.tsx';
import { policyName, RecommendationPanel } from './RecommendationPanel.tsx';

const TABS = ['overview', 'evidence', 'verification', 'meeting', 'documents', 'timeline'] as const;
type Tab = (typeof TABS)[number];
/** The organisation department reads outcomes only: the decision, its documents and the steps. */
const OUTCOME_TABS: readonly Tab[] = ['overview', 'documents', 'timeline'];

function Section({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section className="rc-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * 承办工作台: the matter for commission staff (and, read-only, the higher level and the organisation
 * department): facts and recommendation, evidence, verification, the collective decision, documents
 * and the timeline, with the steps this user may take now.
 */
export function Workspace({
  detail,
  onChange,
}: {
  detail: MatterDetail;
  onChange: (detail: MatterDetail) => void;
}) {
  const { t, i18n } = useTranslation('matters');
  const kindName = useDeadlineKind();
  const [params, setParams] = useSearchParams();
  const isPhone = useIsPhone();
  const m = detail.matter;
  const full = m.view === 'full';
  const tabs = full ? TABS : OUTCOME_TABS;
  const deliberation = m.status === 'awaiting_decision' || m.status === 'deliberating';
  const asked = params.get('tab');
  const tab: Tab = tabs.includes(asked as Tab)
    ? (asked as Tab)
    : deliberation && full
      ? 'meeting'
      : 'overview';
  const select = (key: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', key);
    setParams(next, { replace: true });
  };
  const general = detail.allowedActions
    .filter((a) => !(MEETING_ACTIONS as readonly string[]).includes(a.action))
    .map((a) => a.action);
  const verificationRecords = detail.records.filter((r) => VERIFICATION_KINDS.has(r.kind));
  const otherRecords = detail.records.filter((r) => !VERIFICATION_KINDS.has(r.kind));
  const findings = detail.records.filter((r) => r.kind === 'findings');
  // 类似已决事项 beside the determination (the list reloads as the matter moves on).
  const similar = useSimilarMatters(detail, full);

  const info = (
    <dl className="rc-kv" data-testid="matter-info">
      <dt>{t('detail.number')}</dt>
      <dd>{m.number}</dd>
      <dt>{t('detail.subject')}</dt>
      <dd>{m.subject ? `${m.subject.name} · ${m.subject.unitName}` : '—'}</dd>
      <dt>{t('detail.route')}</dt>
      <dd>{m.route ? t(`route.${m.route as 'own_application'}`) : '—'}</dd>
      <dt>{t('detail.jurisdiction')}</dt>
      <dd>{m.jurisdiction.name}</dd>
      <dt>{t('detail.createdAt')}</dt>
      <dd>{formatDateTime(m.createdAt)}</dd>
      {m.conductDate ? (
        <>
          <dt>{t('detail.conductDate')}</dt>
          <dd>{formatLocalDate(m.conductDate, i18n.language)}</dd>
        </>
      ) : null}
      {m.accountabilityRef ? (
        <>
          <dt>{t('detail.accountabilityRef')}</dt>
          <dd>{m.accountabilityRef}</dd>
        </>
      ) : null}
      {m.policy ? (
        <>
          <dt>{t('detail.policy')}</dt>
          <dd>{policyName(m.policy, i18n.language === 'en')}</dd>
        </>
      ) : null}
      {m.deadline ? (
        <>
          <dt>{kindName(m.deadline.kind)}</dt>
          <dd>
            <DeadlineBadge deadline={m.deadline} />
          </dd>
        </>
      ) : null}
    </dl>
  );

  const items = {
    overview: (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          {full ? (
            <>
              <Section title={t('detail.summary')} id="sec-summary">
                {m.summary ? <p className="rc-pre">{m.summary}</p> : <p className="rc-muted">—</p>}
              </Section>
              <Section title={t('sections.facts')} id="sec-facts">
                <FactsSummary matter={m} />
              </Section>
              <Section title={t('sections.proposal')} id="sec-proposal">
                <ProposalSummary matter={m} />
              </Section>
            </>
          ) : null}
          <Section title={t('sections.decision')} id="sec-decision">
            <DecisionSummary matter={m} />
          </Section>
          {full ? (
            <Section title={t('sections.records')} id="sec-records">
              <RecordList records={otherRecords} />
            </Section>
          ) : null}
        </Col>
        <Col xs={24} xl={10}>
          <Section title={t('detail.status')} id="sec-info">
            {info}
          </Section>
          {full ? (
            <RecommendationPanel recommendation={m.recommendation} title={t('recommendation.title')} />
          ) : null}
          {full ? (
            <SimilarPanel
              state={similar}
              // The alert stands before the decision; once decided, the decision records it.
              outcome={deliberation ? proposedOutcome(m.proposal) : null}
              headingLevel={2}
            />
          ) : null}
        </Col>
      </Row>
    ),
    evidence: <FileList matterId={m.id} files={detail.files} />,
    verification: (
      <>
        <Section title={t('sections.tasks')} id="sec-tasks">
          <TaskList records={verificationRecords} />
        </Section>
        <Section title={t('sections.unitOpinion')} id="sec-opinion">
          <UnitOpinions records={verificationRecords} />
        </Section>
        <Section title={t('sections.findings')} id="sec-findings">
          <RecordList records={findings} />
        </Section>
      </>
    ),
    meeting: <MeetingPanel detail={detail} onChange={onChange} />,
    documents: <DocumentList documents={detail.documents} />,
    timeline: <Timeline entries={detail.timeline} />,
  } satisfies Record<Tab, React.ReactNode>;

  return (
    <>
      {detail.allowedActions.length === 0 ? (
        <Alert type="info" showIcon title={t('detail.readOnly')} className="rc-section" />
      ) : null}
      {general.length > 0 ? (
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{t('detail.actions')}</h2>}
        >
          <ActionBar detail={detail} onChange={onChange} only={general} />
        </Card>
      ) : null}
      <Card size="small">
        {isPhone ? (
          // Six tabs do not fit a phone, and antd's overflow menu breaks the tab list's semantics.
          <>
            <Form.Item label={t('detail.section')} htmlFor="matter-section" className="rc-section">
              <Select<Tab>
                id="matter-section"
                value={tab}
                onChange={select}
                options={tabs.map((key) => ({ value: key, label: t(`tabs.${key}`) }))}
              />
            </Form.Item>
            <div role="region" aria-label={t(`tabs.${tab}`)}>
              {items[tab]}
            </div>
          </>
        ) : (
          <Tabs
            activeKey={tab}
            onChange={select}
            items={tabs.map((key) => ({ key, label: t(`tabs.${key}`), children: items[key] }))}
          />
        )}
      </Card>
      <p className="rc-footnote">{t('detail.timeNote')}</p>
    </>
  );
}
