import { LockOutlined } from '@ant-design/icons';
import { Card, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail } from '../../api/matterTypes.ts';
import { beijingToday, formatLocalDate } from '../../format/localDate.ts';
import { MATTERS_ZH } from '../../i18n/matters.zh-CN.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { ActionBar } from './actions/ActionBar.tsx';
import { deadlinePhrase } from './deadline.ts';
import { DeadlineBadge, OutcomeTag, useDeadlineKind } from './labels.tsx';
import { DecisionSummary } from './parts/Determination.tsx';
import { DocumentList, FileList } from './parts/Documents.tsx';
import { RecordList, UnitOpinions } from './parts/Records.tsx';
import { Timeline } from './parts/Timeline.tsx';

type PlainStatus = keyof (typeof MATTERS_ZH)['matters']['party']['status'];
const STAGES = ['apply', 'accept', 'verify', 'decide', 'notify', 'close'] as const;
const STAGE_INDEX: Record<string, number> = {
  draft: 0,
  submitted: 1,
  awaiting_supplement: 1,
  verifying: 2,
  awaiting_decision: 3,
  deliberating: 3,
  awaiting_approval: 3,
  decided: 4,
  notified: 4,
  under_review: 4,
  closed: 5,
};

/**
 * The matter as the cadre (or the unit) sees it, phone first: where it stands in plain words, the next
 * deadline, what they can do now, their documents and material. Internal notes and deliberations are
 * never sent to this view by the server; the page says so.
 */
export function PartyView({
  detail,
  onChange,
}: {
  detail: MatterDetail;
  onChange: (detail: MatterDetail) => void;
}) {
  const { t, i18n } = useTranslation('matters');
  const isPhone = useIsPhone();
  const kindName = useDeadlineKind();
  const m = detail.matter;
  const date = (value: string | null) => formatLocalDate(value, i18n.language);
  // Once received, "please acknowledge" no longer applies.
  const plain =
    m.status === 'notified' && m.receivedOn
      ? t('party.servedAndReceived')
      : Object.hasOwn(MATTERS_ZH.matters.party.status, m.status)
        ? t(`party.status.${m.status as PlainStatus}`)
        : '';
  const stage = STAGE_INDEX[m.status];
  const phrase = m.deadline ? deadlinePhrase(m.deadline) : null;
  const phraseText = !phrase
    ? ''
    : phrase.key === 'remaining' || phrase.key === 'overdue'
      ? t(`deadline.${phrase.key}`, { count: phrase.count })
      : t(`deadline.${phrase.key}`);
  const appealOpen = m.appealDeadline !== null && beijingToday() <= m.appealDeadline;
  // Requests and reasons that say something (a bare receipt or notice record adds nothing here).
  const requests = detail.records.filter(
    (r) => r.kind !== 'unit_opinion' && (r.text || typeof r.data.items === 'string'),
  );

  return (
    <div className="rc-party">
      <Card
        className="rc-party-status rc-section"
        title={<h2 className="rc-card-title">{t('party.whereNow')}</h2>}
        data-testid="party-status"
      >
        <p>
          {plain} <OutcomeTag outcome={m.outcome} />
        </p>
        {m.receivedOn ? <p>{t('party.received', { date: date(m.receivedOn) })}</p> : null}
        {m.appealDeadline && m.status === 'notified' ? (
          <p>
            {appealOpen
              ? t('party.appealUntil', { date: date(m.appealDeadline) })
              : t('party.appealClosed', { date: date(m.appealDeadline) })}
          </p>
        ) : null}
        {m.deadline ? (
          <p className="rc-party-deadline" data-testid="party-deadline">
            <strong className="rc-party-deadline-label">{t('party.nextDeadline')}</strong>
            {t('party.nextDeadlineLine', {
              kind: kindName(m.deadline.kind),
              date: date(m.deadline.dueDate),
              phrase: phraseText,
            })}
            <span className="rc-visually-hidden">
              <DeadlineBadge deadline={m.deadline} withDate={false} />
            </span>
          </p>
        ) : null}
        <ActionBar detail={detail} onChange={onChange} large />
        <p className="rc-footnote">
          <LockOutlined aria-hidden="true" /> {t('party.confidential')}
        </p>
      </Card>

      {stage !== undefined ? (
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{t('party.steps')}</h2>}
        >
          <Steps
            size="small"
            orientation={isPhone ? 'vertical' : 'horizontal'}
            current={stage}
            items={STAGES.map((key) => ({ title: t(`stages.${key}`) }))}
          />
        </Card>
      ) : null}

      {m.decision ? (
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{t('sections.decision')}</h2>}
        >
          <DecisionSummary matter={m} />
        </Card>
      ) : null}

      <Card
        size="small"
        className="rc-section"
        title={<h2 className="rc-card-title">{t('party.yourDocuments')}</h2>}
      >
        <DocumentList documents={detail.documents} />
      </Card>

      <Card
        size="small"
        className="rc-section"
        title={<h2 className="rc-card-title">{t('party.yourEvidence')}</h2>}
      >
        <FileList matterId={m.id} files={detail.files} />
      </Card>

      {requests.length > 0 ? (
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{t('party.requests')}</h2>}
        >
          <RecordList records={requests} />
        </Card>
      ) : null}

      {detail.records.some((r) => r.kind === 'unit_opinion') ? (
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{t('sections.unitOpinion')}</h2>}
        >
          <UnitOpinions records={detail.records} />
        </Card>
      ) : null}

      <Card
        size="small"
        className="rc-section"
        title={<h2 className="rc-card-title">{t('tabs.timeline')}</h2>}
      >
        <Timeline entries={detail.timeline} />
      </Card>

      <Card
        size="small"
        className="rc-section"
        title={<h2 className="rc-card-title">{t('detail.summary')}</h2>}
      >
        <dl className="rc-kv">
          <dt>{t('detail.number')}</dt>
          <dd>{m.number}</dd>
          {m.conductDate ? (
            <>
              <dt>{t('detail.conductDate')}</dt>
              <dd>{date(m.conductDate)}</dd>
            </>
          ) : null}
        </dl>
        {m.summary ? <p className="rc-pre">{m.summary}</p> : null}
      </Card>
    </div>
  );
}
