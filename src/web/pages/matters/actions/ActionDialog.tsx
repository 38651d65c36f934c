import { Alert, App, Button, Drawer, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { performAction } from '../../../api/matters.ts';
import type { ActionBodies, AllowedAction, MatterDetail, Outcome } from '../../../api/matterTypes.ts';
import { useCurrentUser } from '../../../auth/AuthProvider.tsx';
import { useErrorText } from '../../../components/errorText.ts';
import { useIsPhone } from '../../../components/useIsPhone.ts';
import { useLocalDraft } from '../../../components/useLocalDraft.ts';
import { beijingToday } from '../../../format/localDate.ts';
import { RecommendationPanel } from '../RecommendationPanel.tsx';
import { useBilingual } from '../labels.tsx';
import { ACTION_FORMS, WIDE_ACTIONS, type TableAction } from './actionForms.ts';
import { formPath, toBody, type FormValues } from './actionValues.ts';
import { FieldInput, type FieldContext } from './FieldInput.tsx';
import { useSimilarMatters, SimilarPanel } from '../parts/SimilarMatters.tsx';
import { divergenceContext } from './divergenceContext.ts';

type Props = {
  detail: MatterDetail;
  action: AllowedAction & { action: TableAction };
  context: FieldContext;
  onClose: () => void;
  onDone: (detail: MatterDetail) => void;
};

/** Sensible starting values: the recommendation for a proposal, today for dates of the meeting or delivery. */
function defaults(action: TableAction, detail: MatterDetail): FormValues {
  const starting: Partial<Record<TableAction, () => FormValues>> = {
    propose: () =>
      detail.matter.recommendation ? { outcome: detail.matter.recommendation.recommendation } : {},
    convene_meeting: () => ({ heldOn: beijingToday(), present: [] }),
    record_delivery: () => ({ deliveredOn: beijingToday() }),
  };
  return starting[action]?.() ?? {};
}

/**
 * The small form of one step, built from its body schema: validates as the user types, keeps a
 * draft of what is typed, confirms danger steps, and on an error shows the server's message in the
 * user's language at the top and on the field it names — nothing typed is lost.
 */
export function ActionDialog({ detail, action, context, onClose, onDone }: Props) {
  const { t } = useTranslation(['actions', 'matters', 'common']);
  const pick = useBilingual();
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const specs = ACTION_FORMS[action.action];
  const draft = useLocalDraft<FormValues>(`${user.id}.${detail.matter.id}.${action.action}`);
  const [initial] = useState<FormValues>(() => ({ ...defaults(action.action, detail), ...draft.initial }));
  const outcome = Form.useWatch<Outcome | undefined>('outcome', form);
  const vote = Form.useWatch<Outcome | undefined>('vote', form);
  const chosen = outcome ?? vote;
  const title = pick(action.label);
  const wide = WIDE_ACTIONS.has(action.action);
  const withRecommendation = ['propose', 'decide', 'review_decide', 'cast_vote'].includes(action.action);
  // 偏离提示: the proposal and the decision are checked against the nearest similar decided matters.
  const withSimilar = action.action === 'propose' || action.action === 'decide';
  const similar = useSimilarMatters(detail, withSimilar);
  const fieldContext: FieldContext = { ...context, divergence: divergenceContext(detail, action.action, similar.data) };

  const send = async (values: FormValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = toBody(specs, values) as ActionBodies[TableAction];
      const next = await performAction(detail.matter.id, action.action, body);
      draft.clear();
      void message.success(t('done', { action: title }));
      onDone(next);
    } catch (failure) {
      setError(failure);
      const path = failure instanceof ApiError ? formPath(failure.field) : null;
      if (path && specs.some((s) => s.name === path[0]))
        form.setFields([{ name: path, errors: [errorText(failure)] }]);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    let values: FormValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(null);
      return; // the fields say what is wrong
    }
    if (!action.danger) return send(values);
    modal.confirm({
      title: t('confirm.title', { action: title }),
      content: t('confirm.body'),
      okText: t('confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('common:cancel'),
      onOk: () => send(values),
    });
  };

  const body = (
    <>
      {draft.initial ? (
        <Alert type="info" showIcon title={t('draftRestored')} className="rc-section" />
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(error)}
          className="rc-section"
          data-testid="action-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(_, all) => draft.save(all)}
        onFinish={() => void submit()}
        disabled={busy}
        data-testid={`form-${action.action}`}
      >
        {specs.map((spec) => (
          <FieldInput key={spec.name} spec={spec} context={fieldContext} />
        ))}
      </Form>
    </>
  );
  const footer = (
    <div className="rc-apply-buttons">
      <Button onClick={onClose} disabled={busy}>
        {t('common:cancel')}
      </Button>
      <Button
        type="primary"
        danger={action.danger}
        loading={busy}
        onClick={() => void submit()}
        data-testid="action-submit"
      >
        {title}
      </Button>
    </div>
  );

  if (!wide) {
    return (
      <Modal
        open
        title={title}
        onCancel={onClose}
        footer={footer}
        destroyOnHidden
        maskClosable={false}
        width={isPhone ? '100%' : 560}
      >
        {withRecommendation && detail.matter.recommendation ? (
          <div className="rc-section">
            <RecommendationPanel
              recommendation={detail.matter.recommendation}
              title={t('matters:recommendation.stored')}
              chosen={chosen}
            />
          </div>
        ) : null}
        {body}
      </Modal>
    );
  }
  return (
    <Drawer
      open
      title={title}
      onClose={onClose}
      footer={footer}
      size={isPhone ? '100%' : 960}
      maskClosable={false}
      destroyOnHidden
    >
      <div className="rc-drawer-split">
        <div>{body}</div>
        {withRecommendation ? (
          <aside>
            <RecommendationPanel
              recommendation={detail.matter.recommendation}
              title={t('matters:recommendation.stored')}
              chosen={chosen}
            />
            {withSimilar ? <SimilarPanel state={similar} limit={5} /> : null}
          </aside>
        ) : null}
      </div>
    </Drawer>
  );
}
