import { Alert, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterDetail, Participant } from '../../../api/matterTypes.ts';
import { useCurrentUser } from '../../../auth/AuthProvider.tsx';
import { useIsPhone } from '../../../components/useIsPhone.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { ActionBar } from '../actions/ActionBar.tsx';
import { OutcomeTag } from '../labels.tsx';
import { countVotes } from '../matterData.ts';

/** The steps of the collective decision, shown with the meeting. */
export const MEETING_ACTIONS = [
  'convene_meeting',
  'declare_conflict',
  'cast_vote',
  'decide',
  'return_for_verification',
] as const;

function Attendance({ p }: { p: Participant }) {
  const { t } = useTranslation('matters');
  if (p.recused) return <Tag className="rc-mstatus rc-mstatus-waiting">{t('meeting.recused')}</Tag>;
  return (
    <Tag className={`rc-mstatus ${p.present ? 'rc-mstatus-done' : 'rc-mstatus-idle'}`}>
      {p.present ? t('meeting.present') : t('meeting.absent')}
    </Tag>
  );
}

/**
 * 集体研究: the meeting, each member's attendance, vote and opinion, the count so far, the recusal
 * prompt, and the steps the user may take (convene, declare a conflict, vote, decide).
 */
export function MeetingPanel({
  detail,
  onChange,
}: {
  detail: MatterDetail;
  onChange: (detail: MatterDetail) => void;
}) {
  const { t, i18n } = useTranslation('matters');
  const user = useCurrentUser();
  const isPhone = useIsPhone();
  const meeting = detail.meeting;
  const canDeclare = detail.allowedActions.some((a) => a.action === 'declare_conflict');
  const columns: TableColumnsType<Participant> = [
    {
      key: 'name',
      title: t('meeting.member'),
      render: (_, p) => (
        <>
          <strong>{p.name}</strong>
          {p.userId === user.id ? <span className="rc-muted"> {t('meeting.you')}</span> : null}
        </>
      ),
    },
    { key: 'attendance', title: t('meeting.attendance'), render: (_, p) => <Attendance p={p} /> },
    {
      key: 'vote',
      title: t('meeting.vote'),
      render: (_, p) =>
        p.vote ? (
          <OutcomeTag outcome={p.vote} />
        ) : (
          <span className="rc-muted">{p.recused || !p.present ? '—' : t('meeting.notVoted')}</span>
        ),
    },
    {
      key: 'opinion',
      title: t('meeting.opinion'),
      render: (_, p) => <span className="rc-pre">{p.opinion ?? ''}</span>,
    },
  ];
  const counts = meeting ? countVotes(meeting.participants) : null;
  return (
    <div data-testid="meeting">
      {canDeclare ? (
        <Alert type="info" showIcon title={t('meeting.conflictPrompt')} className="rc-section" />
      ) : null}
      <div className="rc-section">
        <ActionBar detail={detail} onChange={onChange} only={MEETING_ACTIONS} />
      </div>
      {!meeting ? (
        <p className="rc-muted">{t('meeting.none')}</p>
      ) : (
        <>
          <dl className="rc-kv rc-section">
            <dt>{t('meeting.title')}</dt>
            <dd>{meeting.title}</dd>
            <dt>{t('meeting.heldOn')}</dt>
            <dd>{formatLocalDate(meeting.heldOn, i18n.language)}</dd>
            {counts ? (
              <>
                <dt>{t('meeting.tally')}</dt>
                <dd data-testid="tally">{t('meeting.tallyLine', counts)}</dd>
              </>
            ) : null}
          </dl>
          {isPhone ? (
            <ul className="rc-item-list">
              {meeting.participants.map((p) => (
                <li key={p.userId}>
                  <div className="rc-item-head">
                    <strong>
                      {p.name}
                      {p.userId === user.id ? <span className="rc-muted"> {t('meeting.you')}</span> : null}
                    </strong>
                    <span>
                      <Attendance p={p} /> {p.vote ? <OutcomeTag outcome={p.vote} /> : null}
                    </span>
                  </div>
                  {p.opinion ? <p className="rc-pre">{p.opinion}</p> : null}
                </li>
              ))}
            </ul>
          ) : (
            <Table<Participant>
              rowKey="userId"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={meeting.participants}
              className="rc-votes"
              data-testid="votes"
            />
          )}
        </>
      )}
    </div>
  );
}
