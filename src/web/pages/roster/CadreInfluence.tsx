import '../../i18n/work.ts';
import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Modal, Row, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import {
  getCadreInfluence,
  getCadreSanctions,
  recordAppointment,
  recordSanction,
  type DescribedAction,
  type InfluenceSummary,
  type SanctionView,
} from '../../api/sanctions.ts';
import { useCurrentUser } from '../../auth/AuthProvider.tsx';
import { hasAnyRole } from '../../auth/roles.ts';
import { ErrorAlert } from '../../components/PageStates.tsx';
import { useApi } from '../../components/useApi.ts';
import { beijingToday, formatLocalDate } from '../../format/localDate.ts';
import { useBilingual } from '../matters/labels.tsx';
import { DeclaredDialog } from '../procedures/kit/DeclaredDialog.tsx';
import { useProcedureText } from '../procedures/text.ts';
import '../procedures/kit/kit.css';
import '../matters/matters.css';

type Text = ReturnType<typeof useProcedureText>;

/** The server's refusal in the user's language (the influence period and its end date named). */
function refusalText(influence: InfluenceSummary, language: string): string {
  const refusal = influence.refusal;
  if (!refusal) return '';
  return language === 'en' ? refusal.messageEn : refusal.message;
}

/** 影响期: whether the cadre may be promoted today, until when not, and the periods that run. */
function InfluenceBlock({
  influence,
  text,
  language,
}: {
  influence: InfluenceSummary;
  text: Text;
  language: string;
}) {
  const pick = useBilingual();
  const date = (value: string | null) => formatLocalDate(value, language);
  const state = influence.permanent ? 'barred' : influence.blocked ? 'blocked' : 'clear';
  return (
    <div data-testid="influence" data-state={state}>
      <Alert
        type={state === 'clear' ? 'success' : state === 'barred' ? 'error' : 'warning'}
        showIcon
        title={
          state === 'barred'
            ? text('influence.barred')
            : state === 'blocked'
              ? text('influence.blocked', { until: date(influence.until), from: date(influence.clearFrom) })
              : text('influence.clear')
        }
        description={state === 'clear' ? undefined : refusalText(influence, language)}
        data-testid="influence-status"
      />
      {influence.running.length > 0 ? (
        <>
          <h3 className="rc-section-title rc-kit-subtitle">{text('influence.running')}</h3>
          <ul className="rc-item-list" data-testid="influence-running">
            {influence.running.map((b) => (
              <li key={b.sanctionId}>
                <strong>{pick(b.label)}</strong>
                <div className="rc-item-meta">
                  {b.endsOn
                    ? text('influence.period', { from: date(b.effectiveOn), until: date(b.endsOn) })
                    : text('influence.periodEndless', { from: date(b.effectiveOn) })}
                  {b.reusable ? '' : ` · ${text('influence.notReusable')}`}
                </div>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="rc-footnote">{text('influence.asOf', { date: date(influence.today) })}</p>
    </div>
  );
}

/** One sanction: what, when, by whom, how long it weighs, and its follow-up visits. */
function SanctionItem({
  sanction,
  text,
  language,
}: {
  sanction: SanctionView;
  text: Text;
  language: string;
}) {
  const pick = useBilingual();
  const navigate = useNavigate();
  const date = (value: string | null) => formatLocalDate(value, language);
  const plan = sanction.allowedActions.find((a) => a.action === 'plan_follow_up');
  return (
    <li data-testid="sanction-item">
      <div className="rc-item-head">
        <strong>{pick(sanction.typeLabel)}</strong>
        <Tag className={`rc-mstatus rc-mstatus-${sanction.influence.running ? 'waiting' : 'idle'}`}>
          {text(sanction.influence.running ? 'sanctions.running' : 'sanctions.over')}
        </Tag>
      </div>
      <div className="rc-item-meta">
        {text('cadreSanctions.line', {
          category: pick(sanction.categoryLabel),
          by: sanction.decidedBy,
          date: date(sanction.effectiveOn),
        })}
        {sanction.documentNumber ? ` · ${sanction.documentNumber}` : ''}
      </div>
      <div>
        {sanction.influence.endsOn
          ? text('sanctions.until', { date: date(sanction.influence.endsOn) })
          : text('sanctions.endless')}
        <span className="rc-muted"> · {pick(sanction.influence.effect)}</span>
      </div>
      {sanction.summary ? <p className="rc-pre">{sanction.summary}</p> : null}
      <div className="rc-action-bar">
        {sanction.followUps.map((f) => (
          <Link key={f.id} to={`/follow-ups/${encodeURIComponent(f.id)}`}>
            {text('cadreSanctions.followUp', { number: f.number, status: pick(f.statusLabel) })}
          </Link>
        ))}
        {plan ? (
          <Button
            size="small"
            icon={<CalendarOutlined />}
            onClick={() => void navigate(`/follow-ups/new?sanction=${encodeURIComponent(sanction.id)}`)}
            data-testid="sanction-plan"
          >
            {pick(plan.label)}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The influence-period block, the cadre's sanctions and the appointment proposals on the cadre's
 * page: commission staff record a sanction, the organisation department a promotion or
 * appointment — which the server refuses while a period runs, saying until when.
 */
export function CadreInfluence({
  cadreId,
  influence,
  onChanged,
}: {
  cadreId: string;
  influence: InfluenceSummary;
  /** The cadre's own detail (with its `influence`) is stale after a sanction was recorded. */
  onChanged: () => void;
}) {
  const text = useProcedureText('follow_up');
  const { i18n } = useTranslation();
  const language = i18n.language;
  const pick = useBilingual();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const sanctions = useApi((signal) => getCadreSanctions(cadreId, signal), [cadreId]);
  const appointments = useApi((signal) => getCadreInfluence(cadreId, signal), [cadreId]);
  const [open, setOpen] = useState<'sanction' | 'appointment' | 'refused' | null>(null);

  const recordStep = sanctions.data?.allowedActions.find((a) => a.action === 'record_sanction');
  const appointStep = appointments.data?.allowedActions.find((a) => a.action === 'record_appointment');
  // While a period runs the server offers no appointment step; the department still learns why.
  const refusedForDept = !appointStep && influence.blocked && hasAnyRole(user, ['org_dept']);
  const reload = () => {
    sanctions.reload();
    appointments.reload();
    onChanged();
  };
  const sanctionFields = (step: DescribedAction) =>
    // A matter's id is not something to type: sanctions from a refused matter are linked from there.
    step.fields.filter((f) => f.name !== 'sourceMatterId');

  return (
    <Row gutter={[16, 0]} className="rc-kit-influence">
      <Col xs={24} lg={12}>
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{text('influence.title')}</h2>}
          data-testid="influence-card"
        >
          <InfluenceBlock influence={influence} text={text} language={language} />
        </Card>
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{text('appointments.title')}</h2>}
          extra={
            appointStep || refusedForDept ? (
              <Button
                size="small"
                type={appointStep ? 'primary' : 'default'}
                icon={<PlusOutlined />}
                onClick={() => setOpen(appointStep ? 'appointment' : 'refused')}
                data-testid="record-appointment"
              >
                {appointStep ? pick(appointStep.label) : text('appointments.record')}
              </Button>
            ) : null
          }
          data-testid="appointments-card"
        >
          {appointments.error ? (
            <ErrorAlert error={appointments.error} onRetry={appointments.reload} />
          ) : null}
          {(appointments.data?.appointments ?? []).length === 0 ? (
            <p className="rc-muted">{text('appointments.empty')}</p>
          ) : (
            <ul className="rc-item-list" data-testid="appointments">
              {appointments.data!.appointments.map((a) => (
                <li key={a.id}>
                  <strong>
                    {pick(a.kindLabel)}：{a.post}
                  </strong>
                  <div className="rc-item-meta">
                    {text('appointments.line', {
                      date: formatLocalDate(a.proposedOn, language),
                      by: a.recordedBy ?? '—',
                    })}
                  </div>
                  {a.note ? <p className="rc-pre">{a.note}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card
          size="small"
          className="rc-section"
          title={<h2 className="rc-card-title">{text('cadreSanctions.title')}</h2>}
          extra={
            recordStep ? (
              <Button
                size="small"
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setOpen('sanction')}
                data-testid="record-sanction"
              >
                {pick(recordStep.label)}
              </Button>
            ) : null
          }
          data-testid="sanctions-card"
        >
          {sanctions.error ? <ErrorAlert error={sanctions.error} onRetry={sanctions.reload} /> : null}
          {(sanctions.data?.sanctions ?? []).length === 0 ? (
            <p className="rc-muted">{text('cadreSanctions.empty')}</p>
          ) : (
            <ul className="rc-item-list" data-testid="cadre-sanctions">
              {sanctions.data!.sanctions.map((s) => (
                <SanctionItem key={s.id} sanction={s} text={text} language={language} />
              ))}
            </ul>
          )}
        </Card>
      </Col>

      {open === 'sanction' && recordStep ? (
        <DeclaredDialog
          type="follow_up"
          action="record_sanction"
          title={pick(recordStep.label)}
          fields={sanctionFields(recordStep)}
          initialValues={{ decidedOn: beijingToday(), effectiveOn: beijingToday() }}
          intro={<Alert type="info" showIcon className="rc-kit-intro" title={text('cadreSanctions.intro')} />}
          wide
          send={async (body, key) => {
            await recordSanction(cadreId, body, key);
            setOpen(null);
            void message.success(text('cadreSanctions.recorded'));
            reload();
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'appointment' && appointStep ? (
        <DeclaredDialog
          type="follow_up"
          action="record_appointment"
          title={pick(appointStep.label)}
          fields={appointStep.fields}
          initialValues={{ kind: 'promotion' }}
          intro={<Alert type="info" showIcon className="rc-kit-intro" title={text('appointments.intro')} />}
          send={async (body, key) => {
            await recordAppointment(cadreId, body, key);
            setOpen(null);
            void message.success(text('appointments.recorded'));
            reload();
          }}
          onClose={() => {
            setOpen(null);
            // A refusal may mean a sanction was recorded meanwhile: show the block as it now stands.
            reload();
          }}
        />
      ) : null}
      {open === 'refused' ? (
        <Modal
          open
          title={text('appointments.record')}
          onCancel={() => setOpen(null)}
          footer={
            <Button type="primary" onClick={() => setOpen(null)} data-testid="refused-close">
              {text('appointments.close')}
            </Button>
          }
        >
          <Alert
            type="error"
            showIcon
            role="alert"
            title={text('appointments.refusedTitle')}
            description={refusalText(influence, language)}
            data-testid="appointment-refused"
          />
        </Modal>
      ) : null}
    </Row>
  );
}
