/**
 * 事前报备 — pre-registration's pages as configuration of the generic procedure pages: the filing
 * form (mirroring contracts/pre-registration.ts, checked by forms.test.ts), how a filing is drawn,
 * and the first review with its sealed receipt (事前报备回执), which downloads and verifies.
 */
import { FilePdfOutlined, FileWordOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Tag } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { Link } from 'react-router-dom';
import type { PreRegistrationDetail as PreRegistrationSchema } from '../../../../contracts/pre-registration.ts';
import { PRE_REGISTRATION_STATES } from '../../../../domain/pre-registration/procedure.ts';
import type { Me } from '../../../api/types.ts';
import { hasAnyRole, PRE_REGISTRATION_FILERS } from '../../../auth/roles.ts';
import { formatDateTime } from '../../../format/datetime.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { downloadDocument, type DocumentFormat } from '../../../api/matters.ts';
import type { MatterDocument } from '../../../api/matterTypes.ts';
import { toFormValues, type ProcedureFieldSpec } from '../fields.ts';
import { FactList } from '../parts/FactList.tsx';
import { procedurePages } from '../pages.tsx';
import { area, choice, day, group, line, list, omitted, toggle } from '../specs.ts';
import type { PartProps, ProcedureConfig } from '../types.ts';

export type PreRegistrationDetail = z.infer<typeof PreRegistrationSchema>;

const ROUTES = ['own_filing', 'unit_filing'] as const;

/** The risks and their controls, each a small record. */
const risks = list('risks', 1, 20, [area('risk', 2000), area('controls', 4000)]);
/** 集体研究: who decided and when; the minutes go in as an attachment. */
const collectiveDecision = (nullable: boolean) =>
  group('collectiveDecision', [line('body', 200), day('heldOn'), line('reference', 200, false)], {
    nullable,
  });

/** What is filed (the contract's FilingFields), as the revision changes it: every field optional. */
const REVISION: readonly ProcedureFieldSpec[] = [
  line('title', 200, false),
  area('description', 20000, false),
  line('category', 100, false),
  area('legalGap', 8000, false),
  { ...risks, required: false },
  collectiveDecision(true),
  day('plannedStartOn', false),
  line('responsiblePerson', 100, false),
];

/** The routes this user may file by: their own initiative as a cadre, the unit's as its leader. */
function routesOf(user: Pick<Me, 'roles'>): (typeof ROUTES)[number][] {
  return ROUTES.filter((route) => hasAnyRole(user, [route === 'own_filing' ? 'cadre' : 'unit_leader']));
}

/** 报备内容: the initiative, where the rules are silent, its risks and controls, who decided it. */
function FilingFacts({ detail, text, language }: PartProps<PreRegistrationDetail>) {
  const m = detail.matter;
  const f = m.filing;
  const date = (value: string) => formatLocalDate(value, language);
  return (
    <FactList
      rows={[
        [text('facts.route'), m.route ? text(`options.route.${m.route}`) : null],
        [text('facts.description'), m.description ? <span className="rc-pre">{m.description}</span> : null],
        [text('facts.category'), f?.category],
        [text('facts.legalGap'), f ? <span className="rc-pre">{f.legalGap}</span> : null],
        [
          text('facts.risks'),
          f && f.risks.length > 0 ? (
            <ol className="rc-proc-lines" data-testid="risks">
              {f.risks.map((r, i) => (
                <li key={i}>
                  <span className="rc-pre">{r.risk}</span>
                  <div className="rc-muted">
                    <span className="rc-pre">{text('facts.controlsLine', { controls: r.controls })}</span>
                  </div>
                </li>
              ))}
            </ol>
          ) : null,
        ],
        [
          text('facts.collectiveDecision'),
          f?.collectiveDecision
            ? text(f.collectiveDecision.reference ? 'facts.collectiveLineRef' : 'facts.collectiveLine', {
                body: f.collectiveDecision.body,
                date: date(f.collectiveDecision.heldOn),
                reference: f.collectiveDecision.reference,
              })
            : f
              ? text('facts.noCollectiveDecision')
              : null,
        ],
        [text('facts.plannedStartOn'), f ? date(f.plannedStartOn) : null],
        [text('facts.responsiblePerson'), f?.responsiblePerson],
      ]}
    />
  );
}

/** The receipt as PDF and Word (the same document the documents panel lists, where the filer looks for it). */
function ReceiptDownloads({
  document,
  text,
}: {
  document: MatterDocument;
  text: PartProps<PreRegistrationDetail>['text'];
}) {
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<DocumentFormat | null>(null);
  const download = (format: DocumentFormat) => {
    setBusy(format);
    downloadDocument(document.id, format, `${document.number}.${format}`)
      .catch((error: unknown) => message.error(errorText(error)))
      .finally(() => setBusy(null));
  };
  return (
    <div className="rc-action-bar">
      {(['pdf', 'docx'] as const).map((format) => (
        <Button
          key={format}
          icon={format === 'pdf' ? <FilePdfOutlined /> : <FileWordOutlined />}
          loading={busy === format}
          onClick={() => download(format)}
          data-testid={`document-${format}`}
        >
          {text(format === 'pdf' ? 'review.downloadPdf' : 'review.downloadDocx')}
        </Button>
      ))}
    </div>
  );
}

/** 初审与回执: the latest review, the receipt's code (to verify) and downloads, the linked matters. */
function ReviewPanel({ detail, text, language }: PartProps<PreRegistrationDetail>) {
  const m = detail.matter;
  const review = m.review;
  const receipt = review?.receipt ?? null;
  const receiptDocument = receipt ? detail.documents.find((d) => d.id === receipt.documentId) : undefined;
  return (
    <>
      <Card
        size="small"
        className="rc-section"
        title={
          <h2 className="rc-card-title" id="proc-review">
            {text('review.title')}
          </h2>
        }
        data-testid="review-panel"
      >
        <section aria-labelledby="proc-review">
          {!review ? (
            <p className="rc-muted">{text(m.status === 'submitted' ? 'review.pending' : 'review.none')}</p>
          ) : (
            <FactList
              rows={[
                [
                  text('review.result'),
                  <Tag
                    className={`rc-mstatus rc-mstatus-${review.result === 'acknowledged' ? 'done' : 'waiting'}`}
                  >
                    {text(`review.results.${review.result}`)}
                  </Tag>,
                ],
                [text('review.reviewedOn'), formatLocalDate(review.reviewedOn, language)],
                [text('review.timeliness'), text(review.onTime ? 'review.onTime' : 'review.late')],
              ]}
            />
          )}
          {receipt ? (
            <div className="rc-proc-receipt" data-testid="receipt">
              <h3>
                <SafetyCertificateOutlined aria-hidden="true" /> {text('review.receipt')}
              </h3>
              <FactList
                rows={[
                  [
                    text('review.code'),
                    <span className="rc-mono rc-proc-code" data-testid="receipt-code">
                      {receipt.code}
                    </span>,
                  ],
                  [text('review.sealedAt'), formatDateTime(receipt.sealedAt)],
                  [text('review.digest'), <span className="rc-digest">{receipt.filingDigest}</span>],
                ]}
              />
              <p>
                <Link to={`/verify?code=${encodeURIComponent(receipt.code)}`} data-testid="receipt-verify">
                  {text('review.verify')}
                </Link>
              </p>
              {receiptDocument ? <ReceiptDownloads document={receiptDocument} text={text} /> : null}
              <Alert type="warning" showIcon title={text('review.notImmunity')} className="rc-proc-note" />
            </div>
          ) : null}
        </section>
      </Card>
      {m.linkedMatters.length > 0 ? (
        <Card
          size="small"
          className="rc-section"
          title={
            <h2 className="rc-card-title" id="proc-linked">
              {text('linked.title')}
            </h2>
          }
        >
          <ul className="rc-item-list" aria-labelledby="proc-linked">
            {m.linkedMatters.map((l) => (
              <li key={l.id}>
                <Link to={`/matters/${encodeURIComponent(l.id)}`}>
                  {l.number} {l.title}
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}

export const PRE_REGISTRATION: ProcedureConfig<PreRegistrationDetail> = {
  type: 'pre_registration',
  path: '/pre-registrations',
  api: '/api/pre-registrations',
  uploadPath: 'attachments',
  uploadVisibility: false,
  states: PRE_REGISTRATION_STATES,
  tones: {
    draft: 'idle',
    submitted: 'intake',
    returned: 'waiting',
    acknowledged: 'done',
    withdrawn: 'idle',
  },
  actions: {
    revise: REVISION,
    submit: [area('note', 2000, false)],
    acknowledge: [area('opinion', 4000, false)],
    return_filing: [area('reasons', 4000)],
    withdraw: [area('reason', 2000, false)],
    add_evidence: [],
  },
  leadActions: ['submit', 'acknowledge'],
  wideActions: ['revise'],
  changesOnly: ['revise'],
  initialValues: (action, detail) => {
    if (action !== 'revise') return {};
    const m = detail.matter;
    return toFormValues(REVISION, { title: m.title, description: m.description, ...m.filing });
  },
  createRoles: PRE_REGISTRATION_FILERS,
  create: {
    fields: (user) => [
      choice('route', routesOf(user)),
      omitted('unitId', 'the server files for the only unit the leader leads'),
      line('title', 200),
      area('description', 20000),
      line('category', 100, false),
      area('legalGap', 8000),
      risks,
      collectiveDecision(false),
      day('plannedStartOn'),
      line('responsiblePerson', 100, false),
      toggle('submit'),
    ],
    initial: (user) => ({ route: routesOf(user)[0], risks: [{}], submit: false }),
  },
  Facts: FilingFacts,
  Aside: ReviewPanel,
  // A unit's filing names no cadre: the list says it is the unit's.
  listSubject: (m, text) =>
    m.subject ? null : m.route === 'unit_filing' ? text('options.route.unit_filing') : null,
  info: (detail, text, language) => [
    [text('facts.route'), detail.matter.route ? text(`options.route.${detail.matter.route}`) : null],
    [
      text('facts.plannedStartOn'),
      detail.matter.filing ? formatLocalDate(detail.matter.filing.plannedStartOn, language) : null,
    ],
  ],
  recordLine: (record, text) => {
    const d = record.data;
    if (record.kind === 'review' && typeof d.result === 'string')
      return text('recordLines.review', {
        result: text(`review.results.${d.result}`),
        timeliness: text(d.onTime === false ? 'review.late' : 'review.onTime'),
      });
    if (record.kind === 'revision' && Array.isArray(d.fields))
      return text('recordLines.revised', {
        fields: d.fields
          .filter((f): f is string => typeof f === 'string')
          // The field's name without "(optional)": the record says what changed, not what was optional.
          .map((f) => text(`fields.${f}`).replace(/\s*[（(][^（()）]*[）)]$/, ''))
          .join('、'),
      });
    return null;
  },
};

export const PRE_REGISTRATION_PAGES = procedurePages(PRE_REGISTRATION);
