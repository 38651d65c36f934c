import { Alert, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Outcome, Recommendation } from '../../api/matterTypes.ts';
import { OutcomeTag } from './labels.tsx';
import { policyVersionOf } from './policyPreview.ts';

/** The policy's title when it is one the product ships, else its id and version. */
export function policyName(policy: { id: string; version: string }, en: boolean): string {
  const known = policyVersionOf(policy.id, policy.version);
  return known ? (en ? known.title.en : known.title.zh) : `${policy.id} · ${policy.version}`;
}

type Props = {
  recommendation: Recommendation | null;
  title: string;
  /** A line under the title (e.g. that the live result is a preview). */
  note?: string | undefined;
  /** The outcome chosen in the form beside it, to flag a departure. */
  chosen?: Outcome | undefined;
  /** Shown when there is no recommendation. */
  empty?: string | undefined;
};

/**
 * The policy engine's recommendation with its reasons, each citing its clause: decision support
 * beside the form, never a decision. A departure is only pointed out here; the server requires the
 * written reason.
 */
export function RecommendationPanel({ recommendation, title, note, chosen, empty }: Props) {
  const { t, i18n } = useTranslation('matters');
  const en = i18n.language === 'en';
  return (
    <section className="rc-reco" aria-label={title} data-testid="recommendation">
      <h3>{title}</h3>
      {note ? <p className="rc-field-help">{note}</p> : null}
      {!recommendation ? (
        <p className="rc-muted">{empty ?? t('facts.none')}</p>
      ) : (
        <>
          <div className="rc-reco-head">
            <span>{t('recommendation.result')}</span>
            <OutcomeTag outcome={recommendation.recommendation} />
            <Tag className="rc-mstatus rc-mstatus-idle">
              {recommendation.correctionRequired
                ? t('recommendation.correction')
                : t('recommendation.noCorrection')}
            </Tag>
          </div>
          {chosen && chosen !== recommendation.recommendation ? (
            <Alert type="warning" showIcon title={t('recommendation.departs')} className="rc-section" />
          ) : null}
          {recommendation.exclusionsHit.length > 0 && chosen && chosen !== 'refuse' ? (
            <Alert type="warning" showIcon title={t('recommendation.exclusionHit')} className="rc-section" />
          ) : null}
          <div className="rc-item-meta">
            {t('recommendation.policy', { policy: policyName(recommendation.policy, en) })}
          </div>
          <h4 className="rc-visually-hidden">{t('recommendation.reasons')}</h4>
          <ol>
            {recommendation.reasons.map((reason, index) => (
              <li key={`${reason.rule}-${index}`}>
                {en ? reason.en : reason.zh}
                <span className="rc-reco-clause">{reason.clause}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
