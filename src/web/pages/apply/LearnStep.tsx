import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEFAULT_POLICY } from '../../../domain/policy/policies/default.ts';

/**
 * Before anything is asked: what tolerance is, the three distinctions, the gate conditions and what
 * is never tolerated — the last two taken from the policy data, so the page says what the engine checks.
 */
export function LearnStep({ onStart }: { onStart: () => void }) {
  const { t, i18n } = useTranslation('apply');
  const en = i18n.language === 'en';
  const label = (item: { labelZh: string; labelEn: string }) => (en ? item.labelEn : item.labelZh);
  return (
    <div className="rc-learn" data-testid="apply-learn">
      <h2>{t('learn.heading')}</h2>
      <p>{t('learn.what')}</p>
      <h2>{t('learn.distinctions')}</h2>
      <ol>
        <li>{t('learn.d1')}</li>
        <li>{t('learn.d2')}</li>
        <li>{t('learn.d3')}</li>
      </ol>
      <h2>{t('learn.gates')}</h2>
      <p className="rc-field-help">{t('learn.gatesNote')}</p>
      <ul>
        {DEFAULT_POLICY.gates.map((gate) => (
          <li key={gate.id}>{label(gate)}</li>
        ))}
      </ul>
      <h2>{t('learn.never')}</h2>
      <ul className="rc-never">
        {DEFAULT_POLICY.exclusions.map((item) => (
          <li key={item.id}>{label(item)}</li>
        ))}
      </ul>
      <h2>{t('learn.how')}</h2>
      <ol>
        <li>{t('learn.how1')}</li>
        <li>{t('learn.how2')}</li>
        <li>{t('learn.how3')}</li>
        <li>{t('learn.how4')}</li>
      </ol>
      <p className="rc-field-help">{t('learn.confidential')}</p>
      <div className="rc-apply-buttons">
        <Button type="primary" size="large" onClick={onStart} data-testid="apply-start">
          {t('learn.start')}
        </Button>
      </div>
    </div>
  );
}
