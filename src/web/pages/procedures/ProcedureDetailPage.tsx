import '../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Card, Col, Row } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { ErrorState } from '../../components/ErrorState.tsx';
import { PageLoading } from '../../components/PageStates.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useApi } from '../../components/useApi.ts';
import { useIsPhone } from '../../components/useIsPhone.ts';
import { formatDateTime } from '../../format/datetime.ts';
import { DeadlineBadge } from '../matters/labels.tsx';
import { DocumentList, FileList } from '../matters/parts/Documents.tsx';
import { Timeline } from '../matters/parts/Timeline.tsx';
import { getProcedureMatter } from './api.ts';
import { FactList } from './parts/FactList.tsx';
import { ProcedureRecords } from './parts/Records.tsx';
import { ProcedureStatusTag } from './parts/StatusTag.tsx';
import { ProcedureActionBar } from './ProcedureActionBar.tsx';
import { useProcedureText } from './text.ts';
import type { ProcedureConfig, ProcedureDetail } from './types.ts';
import '../matters/matters.css';
import './procedures.css';

function Panel({
  title,
  id,
  children,
  testId,
}: {
  title: string;
  id: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      size="small"
      className="rc-section"
      title={
        <h2 className="rc-card-title" id={id}>
          {title}
        </h2>
      }
      data-testid={testId}
    >
      <section aria-labelledby={id}>{children}</section>
    </Card>
  );
}

/** The list the user came from (with its filters), for "back". */
function useBackTo(path: string): string {
  const state: unknown = useLocation().state;
  const search =
    typeof state === 'object' &&
    state !== null &&
    'listSearch' in state &&
    typeof state.listSearch === 'string'
      ? state.listSearch
      : '';
  return `${path}${search.startsWith('?') ? search : ''}`;
}

/**
 * One matter of a procedure, for every role that may see it (the server decides how much): the
 * status and the clock now running, the steps this user may take now, the procedure's own facts,
 * what was reported and decided, the files, the documents and the timeline from the audit log.
 */
export function ProcedureDetailPage<D extends ProcedureDetail>({ config }: { config: ProcedureConfig<D> }) {
  const { i18n } = useTranslation();
  const text = useProcedureText(config.type);
  const { id = '' } = useParams();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const backTo = useBackTo(config.path);
  const loaded = useApi((signal) => getProcedureMatter<D>(config, id, signal), [id, config.api]);
  const [detail, setDetail] = useState<D | undefined>(undefined);
  useEffect(() => setDetail(loaded.data), [loaded.data]);

  const backLink = (
    <Link to={backTo} className="rc-back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {text.common('detail.back', { list: text('listTitle') })}
    </Link>
  );
  if (loaded.error && !detail)
    return (
      <>
        <PageTitle title={text('title')} before={backLink} />
        <ErrorState error={loaded.error} onRetry={loaded.reload} />
      </>
    );
  if (!detail) return <PageLoading />;

  const m = detail.matter;
  const language = i18n.language;
  const onChange = (next: D | null) => {
    if (next) return setDetail(next);
    // The step took the matter out of this user's view (e.g. withdrawn by the filer's own hand).
    void message.info(text.common('detail.gone'));
    void navigate(config.path, { replace: true });
  };
  const deadlineKind = (kind: string) =>
    text.has(`deadlineKinds.${kind}`) ? text(`deadlineKinds.${kind}`) : text.common('detail.deadline');
  const deadline = m.deadline ? (
    <>
      <span className="rc-muted">{deadlineKind(m.deadline.kind)}</span>{' '}
      <DeadlineBadge deadline={m.deadline} />
    </>
  ) : null;

  const info = (
    <FactList
      testId="procedure-info"
      rows={[
        [text.common('detail.number'), m.number],
        [text.common('detail.jurisdiction'), m.jurisdiction.name],
        [text.common('detail.subject'), m.subject ? `${m.subject.name} · ${m.subject.unitName}` : null],
        [text.common('detail.createdAt'), formatDateTime(m.createdAt)],
        [text.common('detail.updatedAt'), formatDateTime(m.updatedAt)],
        ...(m.deadline
          ? ([[deadlineKind(m.deadline.kind), <DeadlineBadge deadline={m.deadline} />]] as [
              string,
              ReactNode,
            ][])
          : []),
        ...(config.info?.(detail, text, language) ?? []),
      ]}
    />
  );
  // A terminal status of the procedure table (closed, acknowledged…): nothing more will happen.
  const state: object | undefined = config.states[m.status];
  const finished = state !== undefined && 'terminal' in state;
  const Facts = config.Facts;
  const Aside = config.Aside;
  const Lead = config.Lead;

  return (
    <div className="rc-proc">
      <PageTitle
        title={m.title}
        before={backLink}
        tags={<ProcedureStatusTag status={m.status} label={m.statusLabel} tones={config.tones} />}
      />
      <p className="rc-item-meta rc-proc-meta" data-testid="matter-number">
        <span className="rc-nowrap">{m.number}</span>
        {m.subject ? <span> · {m.subject.name}</span> : null}
        {deadline ? <span> · {deadline}</span> : null}
      </p>
      {m.view === 'limited' ? (
        <Alert type="warning" showIcon title={text.common('detail.limited')} />
      ) : (
        <>
          {Lead ? <Lead detail={detail} text={text} language={language} /> : null}
          {detail.allowedActions.length > 0 ? (
            <Card
              size="small"
              className="rc-section rc-proc-actions"
              title={<h2 className="rc-card-title">{text.common('detail.actions')}</h2>}
            >
              <ProcedureActionBar config={config} detail={detail} onChange={onChange} large={isPhone} />
            </Card>
          ) : (
            <Alert
              type="info"
              showIcon
              title={text.common(
                finished
                  ? 'detail.finished'
                  : m.view === 'full'
                    ? 'detail.nothingToDo'
                    : 'detail.nothingToDoParty',
              )}
              className="rc-section"
              data-testid="no-actions"
            />
          )}
          {/* On a phone the procedure's own panel (the receipt…) comes before the long facts. */}
          {isPhone && Aside ? <Aside detail={detail} text={text} language={language} /> : null}
          <Row gutter={[16, 0]}>
            <Col xs={24} xl={15}>
              <Panel title={text('facts.title')} id="proc-facts" testId="procedure-facts">
                <Facts detail={detail} text={text} language={language} />
              </Panel>
              <Panel title={text('recordsTitle')} id="proc-records">
                <ProcedureRecords config={config} records={detail.records} />
              </Panel>
              <Panel title={text('filesTitle')} id="proc-files">
                <FileList matterId={m.id} files={detail.files} />
              </Panel>
            </Col>
            <Col xs={24} xl={9}>
              <Panel title={text.common('detail.info')} id="proc-info">
                {info}
              </Panel>
              {!isPhone && Aside ? <Aside detail={detail} text={text} language={language} /> : null}
              <Panel title={text.common('detail.documents')} id="proc-documents">
                <DocumentList documents={detail.documents} />
              </Panel>
              <Panel title={text.common('detail.timeline')} id="proc-timeline">
                <Timeline entries={detail.timeline} />
              </Panel>
            </Col>
          </Row>
        </>
      )}
      <p className="rc-footnote">{text.common('detail.timeNote')}</p>
    </div>
  );
}
