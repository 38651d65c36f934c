import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  getSimilarMatters,
  type Practice,
  type SimilarItem,
  type SimilarMatters,
} from '../../../api/consistency.ts';
import type { MatterDetail, Outcome } from '../../../api/matterTypes.ts';
import { ErrorAlert } from '../../../components/PageStates.tsx';
import { useApi, type ApiState } from '../../../components/useApi.ts';
import { OutcomeTag } from '../labels.tsx';
import '../consistency.css';

/** How many similar matters the workspace and the step forms list. */
export const SIMILAR_LIMIT = 8;

/** The similar decided matters of a matter the user reads in full, once its facts are recorded. */
export function useSimilarMatters(detail: MatterDetail, enabled = true): ApiState<SimilarMatters | null> {
  const m = detail.matter;
  const on = enabled && m.view === 'full' && m.facts !== null;
  // Reloaded when the matter changes (a proposal, a vote): `version` moves with every step.
  return useApi(
    (signal) => (on ? getSimilarMatters(m.id, SIMILAR_LIMIT, signal) : Promise.resolve(null)),
    [m.id, m.version, on],
  );
}

/** The warning shown before the decision when the outcome differs from the settled practice. */
export function DivergenceAlert({ practice, outcome }: { practice: Practice; outcome: Outcome }) {
  const { t } = useTranslation('consistency');
  if (!practice.majority || !practice.divergesFor[outcome]) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      className="rc-section"
      data-testid="divergence-alert"
      title={t('divergence.title')}
      description={t('divergence.body', {
        outcome: t(`outcome.${outcome}`),
        count: practice.counted,
        majorityCount: practice.mix[practice.majority],
        majority: t(`outcome.${practice.majority}`),
      })}
    />
  );
}

function PracticeLine({ practice }: { practice: Practice }) {
  const { t } = useTranslation('consistency');
  const text = practice.majority
    ? t('practice.majority', {
        count: practice.counted,
        majorityCount: practice.mix[practice.majority],
        outcome: t(`outcome.${practice.majority}`),
      })
    : practice.counted >= practice.rule.minNeighbours
      ? t('practice.mixed', { count: practice.counted })
      : t('practice.few', { min: practice.rule.minNeighbours });
  return (
    <div className="rc-practice" data-testid="practice">
      <p>
        <strong>{t('practice.title')}</strong>
        {text}
      </p>
      {practice.counted > 0 ? <p className="rc-item-meta">{t('practice.mix', practice.mix)}</p> : null}
      <p className="rc-field-help">
        {t('practice.rule', { k: practice.rule.k, min: practice.rule.minNeighbours })}
      </p>
    </div>
  );
}

function ItemTitle({ item }: { item: SimilarItem }) {
  const { t } = useTranslation('consistency');
  if (item.matterId && item.number)
    return (
      <Link to={`/matters/${item.matterId}`} aria-label={t('similar.open', { number: item.number })}>
        {item.title ?? item.number}
      </Link>
    );
  if (item.case)
    return (
      <Link to={`/cases/${item.case.id}`} target="_blank" rel="noopener">
        {item.case.title}
      </Link>
    );
  return <span className="rc-muted">{t('similar.hidden')}</span>;
}

function Item({ item }: { item: SimilarItem }) {
  const { t } = useTranslation('consistency');
  const s = item.similarity;
  return (
    <li data-testid="similar-item">
      <div className="rc-item-head">
        <strong className="rc-similar-title">
          <ItemTitle item={item} />
        </strong>
        <OutcomeTag outcome={item.outcome} />
      </div>
      <div className="rc-item-meta">
        {[
          item.number,
          item.subject && item.unit ? `${item.subject} · ${item.unit}` : item.subject,
          item.jurisdiction.name,
          t('similar.year', { year: item.year }),
        ]
          .filter(Boolean)
          .join(' · ')}
        {item.jurisdiction.generalised ? (
          <Tag className="rc-similar-tag">{t('similar.generalised')}</Tag>
        ) : null}
        {item.case && item.matterId ? <Tag className="rc-similar-tag">{t('similar.typicalCase')}</Tag> : null}
      </div>
      <div className="rc-similar-scores">
        <span>{t('similar.structure', { value: s.structure })}</span>
        <span>{t('similar.text', { value: s.text })}</span>
        {s.identical ? <Tag color="blue">{t('similar.identical')}</Tag> : null}
        {s.gatesDiffer.length > 0 ? (
          <Tag>{t('similar.gatesDiffer', { gates: s.gatesDiffer.join('、') })}</Tag>
        ) : null}
        {!s.identical && s.parts.situations < 250 ? <Tag>{t('similar.situationsDiffer')}</Tag> : null}
        {s.parts.exclusions < 250 ? <Tag>{t('similar.exclusionsDiffer')}</Tag> : null}
        {item.counted ? <Tag className="rc-similar-counted">{t('similar.counted')}</Tag> : null}
      </div>
    </li>
  );
}

/**
 * 类似已决事项: the practice line, the alert when `outcome` (chosen or proposed) diverges, and the
 * list — decision support beside the determination, never a decision.
 */
export function SimilarPanel({
  state,
  outcome,
  limit = SIMILAR_LIMIT,
  headingLevel = 3,
}: {
  state: ApiState<SimilarMatters | null>;
  outcome?: Outcome | null | undefined;
  limit?: number;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation('consistency');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const data = state.data;
  let body: React.ReactNode;
  if (state.error && !data) body = <ErrorAlert error={state.error} onRetry={state.reload} />;
  else if (data === undefined) body = <p className="rc-muted">{t('similar.loading')}</p>;
  else if (data === null || !data.factsRecorded) body = <p className="rc-muted">{t('similar.noFacts')}</p>;
  else
    body = (
      <>
        <PracticeLine practice={data.practice} />
        {outcome ? <DivergenceAlert practice={data.practice} outcome={outcome} /> : null}
        {data.items.length === 0 ? (
          <p className="rc-muted">{t('similar.none')}</p>
        ) : (
          <ol className="rc-item-list rc-similar-list" aria-label={t('similar.list')}>
            {data.items.slice(0, limit).map((item) => (
              <Item key={`${item.rank}`} item={item} />
            ))}
          </ol>
        )}
      </>
    );
  return (
    <section className="rc-similar" aria-label={t('similar.title')} data-testid="similar">
      <Heading>{t('similar.title')}</Heading>
      <p className="rc-field-help">{t('similar.intro')}</p>
      {body}
    </section>
  );
}

/** The outcome a stored proposal names, if any. */
export function proposedOutcome(proposal: unknown): Outcome | null {
  const outcome =
    proposal !== null && typeof proposal === 'object' ? (proposal as { outcome?: unknown }).outcome : null;
  return outcome === 'exempt' || outcome === 'mitigate' || outcome === 'refuse' ? outcome : null;
}

type RecordedCheck = { diverges?: boolean; majority?: Outcome | null; reason?: string | null };

/** The divergence alert recorded with a proposal or a decision, as `<dt>/<dd>` rows of its summary. */
export function RecordedDivergence({ value }: { value: unknown }) {
  const { t } = useTranslation('consistency');
  const check =
    value !== null && typeof value === 'object' && 'consistency' in value
      ? ((value as { consistency: RecordedCheck | null }).consistency ?? null)
      : null;
  if (!check?.diverges || !check.majority) return null;
  return (
    <>
      <dt>{t('divergence.recorded')}</dt>
      <dd className="rc-pre" data-testid="recorded-divergence">
        {t('divergence.recordedLine', {
          majority: t(`outcome.${check.majority}`),
          reason: check.reason ?? '',
        })}
      </dd>
    </>
  );
}
