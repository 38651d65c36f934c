import { useTranslation } from 'react-i18next';
import type { Matter } from '../../../api/matterTypes.ts';
import { formatDateTime } from '../../../format/datetime.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { OutcomeTag } from '../labels.tsx';
import { readDecision, readFacts, readProposal, type CorrectionView } from '../matterData.ts';
import { policyVersionOf } from '../policyPreview.ts';
import { RecordedDivergence } from './SimilarMatters.tsx';

function Correction({ order }: { order: CorrectionView }) {
  const { t, i18n } = useTranslation('matters');
  return (
    <>
      {t('decision.correctionLine', {
        measures: order.measures.join('；'),
        responsible: order.responsible,
        date: order.deadline
          ? formatLocalDate(order.deadline, i18n.language)
          : `${order.deadlineWorkingDays ?? '?'}`,
      })}
    </>
  );
}

/** The established facts, gate by gate, with the items' names from the policy. */
export function FactsSummary({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation('matters');
  const facts = readFacts(matter.facts);
  if (!facts) return <p className="rc-muted">{t('facts.none')}</p>;
  const cited = matter.recommendation?.policy ?? matter.policy;
  const policy = cited ? policyVersionOf(cited.id, cited.version) : null;
  const en = i18n.language === 'en';
  const name = (list: 'gates' | 'situations' | 'exclusions' | 'mitigating' | 'aggravating', id: string) => {
    const item = policy?.[list].find((x) => x.id === id);
    return item ? `${id} ${en ? item.labelEn : item.labelZh}` : id;
  };
  const items = (list: 'situations' | 'exclusions' | 'mitigating' | 'aggravating') =>
    facts[list].length ? facts[list].map((id) => name(list, id)).join('；') : t('facts.noneItems');
  const gate = (answer: boolean | string | undefined) =>
    answer === true || answer === 'yes'
      ? t('facts.yes')
      : answer === false || answer === 'no'
        ? t('facts.no')
        : answer === 'emergency_reported'
          ? t('facts.emergency')
          : t('facts.unknown');
  const gateIds = policy?.gates.map((g) => g.id) ?? Object.keys(facts.gates);
  return (
    <dl className="rc-kv" data-testid="facts">
      <dt>{t('detail.conductDate')}</dt>
      <dd>{formatLocalDate(facts.conductDate, i18n.language)}</dd>
      <dt>{t('facts.gates')}</dt>
      <dd>
        <ul className="rc-plain-list">
          {gateIds.map((id) => (
            <li key={id}>
              {name('gates', id)}：<strong>{gate(facts.gates[id])}</strong>
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('facts.situations')}</dt>
      <dd>{items('situations')}</dd>
      <dt>{t('facts.exclusions')}</dt>
      <dd>{items('exclusions')}</dd>
      <dt>{t('facts.preRegistration')}</dt>
      <dd>{facts.preRegistration ? t(`preRegistration.${facts.preRegistration as 'not_required'}`) : '—'}</dd>
      <dt>{t('facts.breachOutstanding')}</dt>
      <dd>{facts.breachOutstanding ? t('facts.yes') : t('facts.no')}</dd>
      <dt>{t('facts.mitigating')}</dt>
      <dd>{items('mitigating')}</dd>
      <dt>{t('facts.aggravating')}</dt>
      <dd>{items('aggravating')}</dd>
    </dl>
  );
}

/** 认定意见: what the case officer proposed, and why. */
export function ProposalSummary({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation('matters');
  const proposal = readProposal(matter.proposal);
  if (!proposal) return <p className="rc-muted">{t('proposal.none')}</p>;
  return (
    <dl className="rc-kv" data-testid="proposal">
      <dt>{t('proposal.outcome')}</dt>
      <dd>
        <OutcomeTag outcome={proposal.outcome} />
      </dd>
      {proposal.analysis ? (
        <>
          <dt>{t('proposal.analysis')}</dt>
          <dd className="rc-pre">{proposal.analysis}</dd>
        </>
      ) : null}
      {proposal.measure ? (
        <>
          <dt>{t('proposal.measure')}</dt>
          <dd>{proposal.measure}</dd>
        </>
      ) : null}
      {proposal.correctionOrder ? (
        <>
          <dt>{t('proposal.correction')}</dt>
          <dd>
            <Correction order={proposal.correctionOrder} />
          </dd>
        </>
      ) : null}
      {proposal.departureReason ? (
        <>
          <dt>{t('proposal.departureReason')}</dt>
          <dd className="rc-pre">{proposal.departureReason}</dd>
        </>
      ) : null}
      {proposal.exclusionJustification ? (
        <>
          <dt>{t('proposal.exclusionJustification')}</dt>
          <dd className="rc-pre">{proposal.exclusionJustification}</dd>
        </>
      ) : null}
      <RecordedDivergence value={matter.proposal} />
      {proposal.proposedByName ? (
        <>
          <dt />
          <dd className="rc-item-meta">
            {t('proposal.by', {
              name: proposal.proposedByName,
              date: formatLocalDate(proposal.proposedOn, i18n.language),
            })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** 决定: the outcome, the measure, the correction order, receipt and appeal dates, filing. */
export function DecisionSummary({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation('matters');
  const decision = readDecision(matter.decision);
  if (!decision) return <p className="rc-muted">{t('decision.none')}</p>;
  const date = (value: string | null) => formatLocalDate(value, i18n.language);
  return (
    <dl className="rc-kv" data-testid="decision">
      <dt>{t('decision.outcome')}</dt>
      <dd>
        <OutcomeTag outcome={decision.outcome} />
      </dd>
      {decision.measure ? (
        <>
          <dt>{t('decision.measure')}</dt>
          <dd>{decision.measure}</dd>
        </>
      ) : null}
      {decision.correctionOrder ? (
        <>
          <dt>{t('decision.correction')}</dt>
          <dd>
            <Correction order={decision.correctionOrder} />
          </dd>
        </>
      ) : null}
      <RecordedDivergence value={matter.decision} />
      {decision.decidedOn ? (
        <>
          <dt>{t('decision.decidedOn')}</dt>
          <dd>{date(decision.decidedOn)}</dd>
        </>
      ) : null}
      {matter.receivedOn ? (
        <>
          <dt>{t('decision.receivedOn')}</dt>
          <dd>{date(matter.receivedOn)}</dd>
        </>
      ) : null}
      {matter.appealDeadline ? (
        <>
          <dt>{t('decision.appealDeadline')}</dt>
          <dd>{date(matter.appealDeadline)}</dd>
        </>
      ) : null}
      {matter.filedAt ? (
        <>
          <dt>{t('decision.filedAt')}</dt>
          <dd>{formatDateTime(matter.filedAt)}</dd>
        </>
      ) : null}
      {matter.publishedAt ? (
        <>
          <dt>{t('decision.publishedAt')}</dt>
          <dd>{formatDateTime(matter.publishedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}
