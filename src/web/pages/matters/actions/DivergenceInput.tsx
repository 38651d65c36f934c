import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Practice } from '../../../api/consistency.ts';
import type { Outcome } from '../../../api/matterTypes.ts';
import { DivergenceAlert } from '../parts/SimilarMatters.tsx';
import type { DivergenceField } from './actionForms.ts';
import { checkText } from './actionValues.ts';
import { fieldLabel, ruleFor } from './FieldInput.tsx';

/** What the step's form knows about the settled practice (from GET /api/matters/:id/similar). */
export type DivergenceContext = {
  practice: Practice;
  /** The outcome the step takes when the form does not choose it (the decision: what the votes carry). */
  fixedOutcome: Outcome | null;
  /** A reason already given for that outcome (the proposal's, at the decision). */
  earlierReason: string | null;
};

/**
 * 偏离提示 in a step's form: nothing while the outcome follows the practice; when it diverges, the
 * alert and the reason — required unless a reason already covers it (the proposal's for the same
 * outcome, or the written reason for departing from the recommendation), as the server decides.
 */
export function DivergenceInput({
  spec,
  divergence,
}: {
  spec: DivergenceField;
  divergence: DivergenceContext | undefined;
}) {
  const { t } = useTranslation(['actions', 'consistency']);
  const chosen = Form.useWatch<Outcome | undefined>('outcome');
  const departure = Form.useWatch<string | undefined>('departureReason');
  if (!divergence) return null;
  const outcome = divergence.fixedOutcome ?? chosen ?? null;
  if (!outcome || !divergence.practice.divergesFor[outcome]) return null;
  const covered = (departure ?? '').trim() !== '' || (divergence.earlierReason ?? '').trim() !== '';
  return (
    <>
      <DivergenceAlert practice={divergence.practice} outcome={outcome} />
      {divergence.fixedOutcome ? (
        <p className="rc-item-meta">
          {t('consistency:divergence.carried', { outcome: t(`consistency:outcome.${outcome}`) })}
        </p>
      ) : null}
      {divergence.earlierReason ? (
        <p className="rc-item-meta">
          {t('consistency:divergence.proposalReason', { reason: divergence.earlierReason })}
        </p>
      ) : null}
      <Form.Item
        name={spec.name}
        label={fieldLabel(t, spec.name)}
        extra={t('help.divergenceReason')}
        required={!covered}
        dependencies={['departureReason', 'outcome']}
        rules={[ruleFor(t, (value) => checkText(value, !covered, spec.max))]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          count={{ show: true, max: spec.max }}
          data-testid="divergence-reason"
        />
      </Form.Item>
    </>
  );
}
