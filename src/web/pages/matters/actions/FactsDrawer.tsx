import { Alert, App, Button, Checkbox, Drawer, Form, Input, Radio, Select, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client.ts';
import { listJurisdictions } from '../../../api/endpoints.ts';
import { performAction } from '../../../api/matters.ts';
import type { AllowedAction, MatterDetail } from '../../../api/matterTypes.ts';
import { useCurrentUser } from '../../../auth/AuthProvider.tsx';
import { useErrorText } from '../../../components/errorText.ts';
import { useApi } from '../../../components/useApi.ts';
import { useIsPhone } from '../../../components/useIsPhone.ts';
import { useLocalDraft } from '../../../components/useLocalDraft.ts';
import { beijingToday } from '../../../format/localDate.ts';
import { getPolicy, type FactsInput } from '../../../api/policy.ts';
import type { Facts } from '../../../../domain/policy/index.ts';
import { FINDINGS_MAX, initialValues, PRE_REGISTRATION, toFacts, type FactsValues } from './factsValues.ts';
import { useLiveRecommendation } from './useLiveRecommendation.ts';
import { RecommendationPanel } from '../RecommendationPanel.tsx';
import { useBilingual } from '../labels.tsx';
import { checkText, formPath } from './actionValues.ts';
import { fieldLabel, ruleFor } from './FieldInput.tsx';

type Props = {
  detail: MatterDetail;
  action: AllowedAction;
  onClose: () => void;
  onDone: (detail: MatterDetail) => void;
};

/**
 * 认定事实并研判: the established facts (FACTS.md) with the engine's recommendation recomputed live
 * beside them as the officer answers each gate, situation and circumstance.
 */
export function FactsDrawer({ detail, action, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation(['actions', 'matters', 'common']);
  const pick = useBilingual();
  const errorText = useErrorText();
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<FactsValues>();
  const draft = useLocalDraft<FactsValues>(`${user.id}.${detail.matter.id}.record_facts`);
  const [initial] = useState<FactsValues>(() => draft.initial ?? initialValues(detail));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const en = i18n.language === 'en';
  const label = (item: { labelZh: string; labelEn: string; id: string }) =>
    `${item.id} ${en ? item.labelEn : item.labelZh}`;

  // The engine chooses the policy version by the matter's jurisdiction (its code) and the conduct date.
  const places = useApi((signal) => listJurisdictions(signal), []);
  const code = places.data?.items.find((j) => j.id === detail.matter.jurisdiction.id)?.code ?? null;
  const watched = Form.useWatch<FactsValues['facts'] | undefined>('facts', form) ?? initial.facts;
  const today = beijingToday();
  const question: FactsInput | null = useMemo(
    () =>
      code && watched.conductDate
        ? ({
            ...toFacts(watched),
            route: (detail.matter.route ?? 'own_application') as Facts['route'],
            jurisdiction: code,
          } as FactsInput)
        : null,
    [code, watched, detail.matter.route],
  );
  const live = useLiveRecommendation(question);
  const current = live.state === 'ready' ? live.recommendation : live.state === 'loading' ? live.last : null;
  // The items offered are those of the version the engine applies (until it answers, the matter's).
  const cited = current?.policy ?? detail.matter.recommendation?.policy ?? detail.matter.policy;
  const policyAnswer = useApi(
    (signal) => (cited ? getPolicy(cited.id, cited.version, signal) : Promise.resolve(null)),
    [cited?.id, cited?.version],
  );
  const policy = policyAnswer.data ?? null;

  const submit = async () => {
    let values: FactsValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const next = await performAction(detail.matter.id, 'record_facts', {
        facts: toFacts(values.facts) as never,
        findings: values.findings ?? '',
      });
      draft.clear();
      void message.success(t('done', { action: pick(action.label) }));
      onDone(next);
    } catch (failure) {
      setError(failure);
      const path = failure instanceof ApiError ? formPath(failure.field) : null;
      if (path) {
        const name = (path[0] === 'facts' || path[0] === 'findings' ? path : ['facts', ...path]) as never;
        form.setFields([{ name, errors: [errorText(failure)] }]);
      }
    } finally {
      setBusy(false);
    }
  };

  const checks = (
    name: keyof FactsValues['facts'],
    items: { id: string; labelZh: string; labelEn: string }[],
  ) => (
    <Form.Item name={['facts', name]} noStyle>
      <Checkbox.Group className="rc-check-grid">
        {items.map((item) => (
          <Checkbox key={item.id} value={item.id}>
            {label(item)}
          </Checkbox>
        ))}
      </Checkbox.Group>
    </Form.Item>
  );

  const aside = (
    <aside aria-busy={live.state === 'loading'}>
      <RecommendationPanel
        recommendation={live.state === 'error' ? null : current}
        title={t('matters:recommendation.live')}
        note={
          places.data && !code
            ? t('matters:recommendation.unavailable')
            : t('matters:recommendation.liveNote')
        }
        empty={live.state === 'error' ? errorText(live.error) : t('matters:recommendation.incomplete')}
      />
    </aside>
  );

  return (
    <Drawer
      open
      title={pick(action.label)}
      onClose={onClose}
      size={isPhone ? '100%' : 1000}
      maskClosable={false}
      destroyOnHidden
      footer={
        <div className="rc-apply-buttons">
          <Button onClick={onClose} disabled={busy}>
            {t('common:cancel')}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="action-submit">
            {pick(action.label)}
          </Button>
        </div>
      }
    >
      <div className="rc-drawer-split">
        <div>
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
          <Form<FactsValues>
            form={form}
            layout="vertical"
            initialValues={initial}
            onValuesChange={(_, all) => draft.save(all)}
            disabled={busy}
            data-testid="form-record_facts"
          >
            <Form.Item
              name={['facts', 'conductDate']}
              label={fieldLabel(t, 'conductDate')}
              required
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Input type="date" max={today} />
            </Form.Item>
            <fieldset className="rc-fieldset">
              <legend>{t('matters:facts.gates')}</legend>
              <p className="rc-field-help">{t('facts.gatesHelp')}</p>
              {(policy?.gates ?? []).map((gate) => (
                <div className="rc-gate-row" key={gate.id}>
                  <span className="rc-gate-label" id={`gate-${gate.id}`}>
                    {label(gate)}
                  </span>
                  <Form.Item name={['facts', 'gates', gate.id]} noStyle initialValue="unknown">
                    <Radio.Group optionType="button" size="small" aria-labelledby={`gate-${gate.id}`}>
                      <Radio.Button value="yes">{t('matters:facts.yes')}</Radio.Button>
                      <Radio.Button value="no">{t('matters:facts.no')}</Radio.Button>
                      {gate.id === 'G3' ? (
                        <Radio.Button value="emergency_reported">{t('matters:facts.emergency')}</Radio.Button>
                      ) : null}
                      <Radio.Button value="unknown">{t('matters:facts.unknown')}</Radio.Button>
                    </Radio.Group>
                  </Form.Item>
                </div>
              ))}
            </fieldset>
            <fieldset className="rc-fieldset">
              <legend>{t('matters:facts.situations')}</legend>
              <p className="rc-field-help">{t('facts.situationsHelp')}</p>
              {checks('situations', policy?.situations ?? [])}
            </fieldset>
            <fieldset className="rc-fieldset">
              <legend>{t('matters:facts.exclusions')}</legend>
              <p className="rc-field-help">{t('facts.exclusionsHelp')}</p>
              {checks('exclusions', policy?.exclusions ?? [])}
            </fieldset>
            <Form.Item
              name={['facts', 'preRegistration']}
              label={t('matters:facts.preRegistration')}
              required
            >
              <Select
                options={PRE_REGISTRATION.map((value) => ({
                  value,
                  label: t(`matters:preRegistration.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name={['facts', 'breachOutstanding']}
              label={t('matters:facts.breachOutstanding')}
              valuePropName="checked"
              extra={t('facts.breachHelp')}
            >
              <Switch />
            </Form.Item>
            <fieldset className="rc-fieldset">
              <legend>{t('matters:facts.mitigating')}</legend>
              {checks('mitigating', policy?.mitigating ?? [])}
            </fieldset>
            <fieldset className="rc-fieldset">
              <legend>{t('matters:facts.aggravating')}</legend>
              {checks('aggravating', policy?.aggravating ?? [])}
            </fieldset>
            <Form.Item
              name="findings"
              label={fieldLabel(t, 'findings')}
              required
              rules={[ruleFor(t, (v) => checkText(v, true, FINDINGS_MAX))]}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 14 }}
                count={{ show: true, max: FINDINGS_MAX }}
              />
            </Form.Item>
          </Form>
        </div>
        {aside}
      </div>
    </Drawer>
  );
}
