/**
 * How a name clearing is drawn: the accusation and its conclusion, the trigger check against the
 * policy's triggers and exclusions, the cadre's consent, the plan and its approval, the clearing
 * with its letter, the accuser's handling (commission only) and the corrections, the filing — each
 * stage as the step that filled it left it. And what the cadre consulted is told, in plain words.
 */
import { CheckCircleFilled, EyeOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { revealAccuser, type AccuserIdentity } from '../../../api/sanctions.ts';
import { useErrorText } from '../../../components/errorText.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { useBilingual } from '../../matters/labels.tsx';
import { FactList } from '../parts/FactList.tsx';
import { FactSection, joinLabels, SidePanel } from '../kit/Section.tsx';
import { SignedDocument } from '../kit/SignedDocument.tsx';
import type { PartProps, ProcedureText } from '../types.ts';
import type { NameClearingDetail } from './config.tsx';
import '../kit/kit.css';

type Matter = NameClearingDetail['matter'];
type Label = { zh: string; en: string };
type Choice = { forms: { value: string; label: Label }[]; scope: { value: string; label: Label } };

function useChoiceText(language: string) {
  const pick = useBilingual();
  return (choice: Choice) => ({
    forms: joinLabels(
      choice.forms.map((f) => pick(f.label)),
      language,
    ),
    scope: pick(choice.scope.label),
  });
}

/** 举报人: anonymous or named; who it is only on an explicit, audited click (commission staff). */
function AccuserLine({ matter, text }: { matter: Matter; text: ProcedureText }) {
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const [identity, setIdentity] = useState<AccuserIdentity | null>(null);
  const [busy, setBusy] = useState(false);
  const accuser = matter.accusation?.accuser;
  if (!accuser) return null;
  const reveal = () =>
    void modal.confirm({
      title: text('accuser.confirmTitle'),
      content: text('accuser.confirmBody'),
      okText: text('accuser.confirmOk'),
      cancelText: text('accuser.cancel'),
      onOk: async () => {
        setBusy(true);
        try {
          setIdentity(await revealAccuser(matter.id));
        } catch (error) {
          void message.error(errorText(error));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <div data-testid="accuser">
      <span>{text(accuser.anonymous ? 'accuser.anonymous' : 'accuser.named')}</span>
      {identity ? (
        <Alert
          type="info"
          className="rc-kit-policy"
          data-testid="accuser-identity"
          title={
            identity.anonymous
              ? text('accuser.anonymousIdentity')
              : text('accuser.identity', {
                  name: identity.name ?? '—',
                  contact: identity.contact ?? '—',
                })
          }
          description={identity.note ?? undefined}
          action={
            <Button size="small" onClick={() => setIdentity(null)}>
              {text('accuser.hide')}
            </Button>
          }
        />
      ) : (
        <Button
          size="small"
          type="link"
          icon={<EyeOutlined />}
          loading={busy}
          onClick={reveal}
          data-testid="accuser-reveal"
        >
          {text('accuser.reveal')}
        </Button>
      )}
    </div>
  );
}

/** The policy's triggers and exclusions, those found to hold marked (研判的依据). */
function PolicyItems({ matter, text }: { matter: Matter; text: ProcedureText }) {
  const pick = useBilingual();
  const policy = matter.policy;
  if (!policy) return null;
  const held = new Set([
    ...(matter.triggerCheck?.triggers.map((i) => i.id) ?? []),
    ...(matter.triggerCheck?.exclusions.map((i) => i.id) ?? []),
  ]);
  const list = (items: typeof policy.triggers, testId: string) => (
    <ol className="rc-kit-items" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className={held.has(item.id) ? 'rc-kit-item-held' : undefined}>
          {held.has(item.id) ? (
            <>
              <CheckCircleFilled aria-label={text('check.heldMark')} className="rc-kit-held-icon" />{' '}
            </>
          ) : null}
          {pick(item.label)}
          <span className="rc-kit-clause">{item.clause}</span>
        </li>
      ))}
    </ol>
  );
  const body = (
    <>
      <h4>{text('check.policyTriggers')}</h4>
      {list(policy.triggers, 'policy-triggers')}
      <h4>{text('check.policyExclusions')}</h4>
      {list(policy.exclusions, 'policy-exclusions')}
    </>
  );
  // Before the check the officer needs the list in view; afterwards it is the record's background.
  return matter.triggerCheck ? (
    <details className="rc-kit-policy">
      <summary>{text('check.policyTitle', { version: policy.version })}</summary>
      {body}
    </details>
  ) : (
    <div className="rc-kit-policy">
      <p className="rc-muted">{text('check.policyTitle', { version: policy.version })}</p>
      {body}
    </div>
  );
}

const RESULT_TONE: Record<string, string> = { required: 'done', excluded: 'waiting', not_triggered: 'idle' };

/** 澄清正名情况: every stage of the clearing that has happened, in order. */
export function ClearingFacts({ detail, text, language }: PartProps<NameClearingDetail>) {
  const m = detail.matter;
  const pick = useBilingual();
  const choiceText = useChoiceText(language);
  const date = (value: string | null | undefined) => formatLocalDate(value, language);
  const a = m.accusation;
  const check = m.triggerCheck;
  const sections: ReactNode[] = [];

  if (a)
    sections.push(
      <FactSection key="accusation" title={text('facts.accusation')} testId="facts-accusation">
        <FactList
          rows={[
            [text('facts.source'), text(`options.source.${a.source}`)],
            [text('facts.complaintNumber'), a.complaintNumber],
            [text('facts.receivedOn'), date(a.receivedOn)],
            [text('facts.concludedOn'), date(a.concludedOn)],
            [text('facts.finding'), pick(a.findingLabel)],
            [text('facts.allegation'), <span className="rc-pre">{a.allegation}</span>],
            [text('facts.conclusion'), a.conclusion ? <span className="rc-pre">{a.conclusion}</span> : null],
            [text('facts.accuser'), a.accuser ? <AccuserLine matter={m} text={text} /> : null],
          ]}
        />
      </FactSection>,
    );

  if (check || (m.policy && m.status === 'trigger_check'))
    sections.push(
      <FactSection key="check" title={text('facts.check')} testId="facts-check">
        {check ? (
          <FactList
            rows={[
              [
                text('check.result'),
                <Tag className={`rc-mstatus rc-mstatus-${RESULT_TONE[check.result] ?? 'idle'}`}>
                  {text(`check.results.${check.result}`)}
                </Tag>,
              ],
              [text('check.explanation'), pick(check.explanation)],
              [
                text('check.triggers'),
                check.triggers.length > 0
                  ? joinLabels(
                      check.triggers.map((i) => pick(i.label)),
                      language,
                    )
                  : text('check.none'),
              ],
              [
                text('check.exclusions'),
                check.exclusions.length > 0
                  ? joinLabels(
                      check.exclusions.map((i) => pick(i.label)),
                      language,
                    )
                  : text('check.none'),
              ],
              [text('check.checkedOn'), date(check.checkedOn)],
            ]}
          />
        ) : (
          <p className="rc-muted">{text('check.pending')}</p>
        )}
        <PolicyItems matter={m} text={text} />
      </FactSection>,
    );

  if (m.consent || m.declined || m.status === 'consulting') {
    const consent = m.consent ? choiceText(m.consent) : null;
    sections.push(
      <FactSection key="consent" title={text('facts.consent')} testId="facts-consent">
        {m.consent && consent ? (
          <FactList
            rows={[
              [text('facts.forms'), consent.forms],
              [text('facts.scope'), consent.scope],
              [text('facts.consentedOn'), date(m.consent.consentedOn)],
              [text('facts.consultedVia'), text(`options.consultedVia.${m.consent.consultedVia}`)],
            ]}
          />
        ) : m.declined ? (
          <FactList
            rows={[
              [text('facts.declined'), date(m.declined.on)],
              [text('facts.recordedBy'), text(`options.recordedBy.${m.declined.recordedBy}`)],
            ]}
          />
        ) : (
          <p className="rc-muted">{text('facts.consentPending')}</p>
        )}
      </FactSection>,
    );
  }

  if (m.plan) {
    const plan = choiceText(m.plan);
    sections.push(
      <FactSection key="plan" title={text('facts.plan')} testId="facts-plan">
        <FactList
          rows={[
            [text('facts.forms'), plan.forms],
            [text('facts.scope'), plan.scope],
            [text('facts.submittedOn'), date(m.plan.submittedOn)],
            [text('facts.plannedOn'), m.plan.plannedOn ? date(m.plan.plannedOn) : null],
            [
              text('facts.approval'),
              m.approval
                ? text('facts.approvedLine', {
                    name: m.approval.approvedBy,
                    date: date(m.approval.approvedOn),
                  })
                : text('facts.approvalPending'),
            ],
            [
              text('facts.extension'),
              m.extension
                ? text('facts.extensionLine', {
                    amount: m.extension.amount,
                    date: date(m.extension.approvedOn),
                    name: m.extension.approvedBy,
                  })
                : null,
            ],
          ]}
        />
      </FactSection>,
    );
  }

  if (m.execution) {
    const done = choiceText(m.execution);
    sections.push(
      <FactSection key="execution" title={text('facts.execution')} testId="facts-execution">
        <FactList
          rows={[
            [text('facts.forms'), done.forms],
            [text('facts.scope'), done.scope],
            [text('facts.executedOn'), date(m.execution.executedOn)],
            [text('facts.timeliness'), text(m.execution.onTime ? 'facts.onTime' : 'facts.late')],
            [
              text('facts.letter'),
              <span>
                {m.execution.letter.number}（{text('letter.code')}{' '}
                <span className="rc-mono">{m.execution.letter.code}</span>）
              </span>,
            ],
          ]}
        />
      </FactSection>,
    );
  }

  if (m.accuserHandling)
    sections.push(
      <FactSection key="accuser" title={text('facts.accuserHandling')} testId="facts-accuser-handling">
        <FactList
          rows={[
            [text('facts.classification'), pick(m.accuserHandling.classificationLabel)],
            [
              text('facts.referredTo'),
              m.accuserHandling.referredToLabel ? pick(m.accuserHandling.referredToLabel) : null,
            ],
            [text('facts.handledOn'), date(m.accuserHandling.handledOn)],
          ]}
        />
      </FactSection>,
    );

  if (m.corrections.length > 0)
    sections.push(
      <FactSection key="corrections" title={text('facts.corrections')} testId="facts-corrections">
        <ul className="rc-item-list">
          {m.corrections.map((c, i) => (
            <li key={i}>
              <strong>{text(`options.route.${c.route}`)}</strong>
              <span className="rc-item-meta"> · {date(c.on)}</span>
              {c.recommendTo ? <div>{text('facts.recommendTo', { to: c.recommendTo })}</div> : null}
              {c.correction ? (
                <div>
                  <Link
                    to={`/corrections/${encodeURIComponent(c.correction.id)}`}
                    data-testid="correction-link"
                  >
                    {text('facts.correctionLink', { number: c.correction.number })}
                  </Link>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </FactSection>,
    );

  if (m.archive)
    sections.push(
      <FactSection key="archive" title={text('facts.archive')} testId="facts-archive">
        <FactList
          rows={[
            [text('facts.archivedOn'), date(m.archive.on)],
            [text('facts.orgDept'), m.archive.orgDept],
            [text('facts.integrityFileRef'), m.archive.integrityFileRef],
          ]}
        />
      </FactSection>,
    );

  return sections.length > 0 ? <>{sections}</> : <p className="rc-muted">{text('facts.none')}</p>;
}

/** 澄清正名书: once the clearing is done, its letter to download and verify. */
export function LetterPanel({ detail, text }: PartProps<NameClearingDetail>) {
  const letter = detail.matter.execution?.letter;
  if (!letter) return null;
  return (
    <SidePanel title={text('letter.title')} id="proc-letter" testId="letter-panel">
      <SignedDocument
        document={letter}
        // The document's own title (关于××同志…的澄清正名书), as issued.
        title={detail.documents.find((d) => d.id === letter.documentId)?.title ?? text('letter.name')}
        testId="letter"
        labels={{
          number: text('letter.number'),
          code: text('letter.code'),
          verify: text('letter.verify'),
          pdf: text('letter.pdf'),
          docx: text('letter.docx'),
          note: text(detail.matter.view === 'party' ? 'letter.noteParty' : 'letter.note'),
        }}
      />
    </SidePanel>
  );
}

/**
 * What the cadre sees first on their clearing: in plain, kind words what happened, what is asked of
 * them now, and that the choice is theirs. Staff see nothing here: the facts say it for them.
 */
export function ClearingLead({ detail, text, language }: PartProps<NameClearingDetail>) {
  const m = detail.matter;
  const choiceText = useChoiceText(language);
  if (m.view !== 'party') return null;
  const name = m.subject?.name ?? '';
  const allegation = m.accusation?.allegation ?? '';
  const asks = detail.allowedActions.some((a) => a.action === 'record_consent');
  let body: ReactNode;
  if (m.status === 'trigger_check') body = <p>{text('lead.checking')}</p>;
  else if (m.status === 'consulting' && !m.consent && asks)
    body = (
      <>
        <p>{text('lead.found', { allegation })}</p>
        <p>{text('lead.yourChoice')}</p>
        <ul>
          <li>{text('lead.optionConsent')}</li>
          <li>{text('lead.optionDecline')}</li>
        </ul>
        <p>{text('lead.promise')}</p>
      </>
    );
  else if (m.consent && ['consulting', 'awaiting_leader', 'executing'].includes(m.status)) {
    const consent = choiceText(m.consent);
    body = (
      <>
        <p>{text('lead.consented', { forms: consent.forms, scope: consent.scope })}</p>
        <p>
          {text(
            m.status === 'consulting'
              ? 'lead.nextPlan'
              : m.status === 'awaiting_leader'
                ? 'lead.nextApproval'
                : 'lead.nextExecution',
          )}
        </p>
        <p>{text('lead.canWithdraw')}</p>
      </>
    );
  } else if (m.execution) body = <p>{text('lead.cleared')}</p>;
  else if (m.declined) body = <p>{text('lead.declined')}</p>;
  else if (m.triggerCheck && m.triggerCheck.result !== 'required') body = <p>{text('lead.notRequired')}</p>;
  else return null;
  return (
    <Card className="rc-kit-lead" size="small" data-testid="clearing-lead">
      <h2>{text('lead.greeting', { name })}</h2>
      {body}
    </Card>
  );
}

/** At the top of a step's form: what each form and reach means, and whose choice it is. */
export function ClearingActionIntro({
  action,
  detail,
  text,
}: {
  action: string;
  detail: NameClearingDetail;
  text: ProcedureText;
}) {
  const byCadre = detail.matter.view === 'party';
  let key: string | null = null;
  if (action === 'record_consent') key = byCadre ? 'formIntro.consentCadre' : 'formIntro.consentOfficer';
  else if (action === 'decline') key = byCadre ? 'formIntro.declineCadre' : 'formIntro.declineOfficer';
  else if (action === 'withdraw_consent') key = 'formIntro.withdraw';
  else if (action === 'check_triggers') key = 'formIntro.check';
  else if (action === 'submit_for_approval' || action === 'execute') key = 'formIntro.withinConsent';
  else if (action === 'handle_accuser') key = 'formIntro.accuser';
  if (!key) return null;
  return <Alert type="info" showIcon className="rc-kit-intro" title={text(key)} data-testid="action-intro" />;
}
