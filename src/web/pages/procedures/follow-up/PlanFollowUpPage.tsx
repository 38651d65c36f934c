import '../../../i18n/work.ts';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client.ts';
import { getSanction, listSanctions, openFollowUp, type SanctionView } from '../../../api/sanctions.ts';
import { ErrorState } from '../../../components/ErrorState.tsx';
import { useErrorText } from '../../../components/errorText.ts';
import { PageLoading } from '../../../components/PageStates.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useApi } from '../../../components/useApi.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { formPath } from '../../matters/actions/actionValues.ts';
import { useBilingual } from '../../matters/labels.tsx';
import { fromDeclared } from '../declared.ts';
import { toProcedureBody, type FormValues } from '../fields.ts';
import { FactList } from '../parts/FactList.tsx';
import { FactSection } from '../kit/Section.tsx';
import { ProcedureField } from '../ProcedureField.tsx';
import { useProcedureText } from '../text.ts';
import type { ProcedureConfig } from '../types.ts';
import type { FollowUpDetail } from './config.tsx';
import '../../matters/matters.css';
import '../procedures.css';
import '../kit/kit.css';

type Text = ReturnType<typeof useProcedureText>;

/** One line naming a sanction: who, what, since when. */
function useSanctionLine(language: string) {
  const pick = useBilingual();
  return (s: SanctionView) =>
    `${s.cadre.name} · ${s.cadre.unitName} · ${pick(s.typeLabel)}（${formatLocalDate(s.effectiveOn, language)}）`;
}

/** The sanction to visit about, among those still waiting for a plan. */
function SanctionChooser({ text, language }: { text: Text; language: string }) {
  const [, setParams] = useSearchParams();
  const line = useSanctionLine(language);
  const due = useApi(
    (signal) => listSanctions({ followUp: 'missing', running: 'true', page: 1, pageSize: 100 }, signal),
    [],
  );
  if (due.error) return <ErrorState error={due.error} onRetry={due.reload} />;
  const items = due.data?.items ?? [];
  return (
    <Form layout="vertical">
      <Form.Item label={text('plan.chooseSanction')} htmlFor="plan-sanction" extra={text('plan.chooseHelp')}>
        <Select<string>
          id="plan-sanction"
          showSearch={{ optionFilterProp: 'label' }}
          loading={due.loading}
          placeholder={text('plan.choosePlaceholder')}
          notFoundContent={due.loading ? undefined : text('plan.noneDue')}
          options={items.map((s) => ({ value: s.id, label: line(s) }))}
          onChange={(id) => setParams(new URLSearchParams({ sanction: id }), { replace: true })}
          data-testid="plan-sanction"
        />
      </Form.Item>
    </Form>
  );
}

/** The plan's form: the sanction's declared `plan_follow_up`, sent with the sanction's id. */
function PlanForm({
  sanction,
  config,
  text,
}: {
  sanction: SanctionView;
  config: ProcedureConfig<FollowUpDetail>;
  text: Text;
}) {
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const key = useRef(crypto.randomUUID());
  const step = sanction.allowedActions.find((a) => a.action === 'plan_follow_up');
  const specs = useMemo(() => (step ? fromDeclared(step.fields).specs : []), [step]);
  if (!step) return null;

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      setError(null);
      return;
    }
    const body = toProcedureBody(specs, form.getFieldsValue(true) as FormValues);
    setBusy(true);
    setError(null);
    try {
      const created = await openFollowUp({ sanctionId: sanction.id, ...body }, key.current);
      void message.success(text.common('create.done', { number: created.number }));
      void navigate(`${config.path}/${encodeURIComponent(created.id)}`, { replace: true });
    } catch (failure) {
      setError(failure);
      const path = failure instanceof ApiError ? formPath(failure.field) : null;
      if (path && specs.some((s) => s.name === path[0]))
        form.setFields([{ name: path, errors: [errorText(failure)] }]);
      setBusy(false);
    }
  };

  return (
    <>
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={errorText(error)}
          className="rc-section"
          data-testid="create-error"
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        disabled={busy}
        initialValues={{ visitors: [{}, {}] }}
        onValuesChange={() => {
          key.current = crypto.randomUUID();
        }}
        data-testid="new-follow_up-form"
      >
        {specs.map((spec) => (
          <ProcedureField
            key={spec.name}
            spec={spec}
            place={{ type: config.type, action: 'plan_follow_up', idPrefix: 'plan' }}
          />
        ))}
      </Form>
      <div className="rc-apply-buttons">
        <Button onClick={() => void navigate(config.path)} disabled={busy}>
          {text.common('create.cancel')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="create-submit">
          {text('createSubmit')}
        </Button>
      </div>
    </>
  );
}

/** What is being followed up: the cadre, the sanction, and the window the visit must fall in. */
function SanctionSummary({
  sanction,
  text,
  language,
}: {
  sanction: SanctionView;
  text: Text;
  language: string;
}) {
  const pick = useBilingual();
  const date = (v: string | null) => formatLocalDate(v, language);
  return (
    <FactList
      testId="plan-sanction-summary"
      rows={[
        [
          text('facts.cadre'),
          `${sanction.cadre.name} · ${sanction.cadre.unitName} · ${sanction.cadre.position}`,
        ],
        [text('facts.sanctionType'), `${pick(sanction.typeLabel)}（${pick(sanction.categoryLabel)}）`],
        [text('facts.decidedBy'), sanction.decidedBy],
        [text('facts.effectiveOn'), date(sanction.effectiveOn)],
        [
          text('facts.window'),
          sanction.influence.endsOn
            ? text('facts.windowLine', {
                from: date(sanction.effectiveOn),
                until: date(sanction.influence.endsOn),
              })
            : text('facts.windowOpenEnded', { from: date(sanction.effectiveOn) }),
        ],
        [text('facts.effect'), pick(sanction.influence.effect)],
      ]}
    />
  );
}

/**
 * 制定回访计划: a visit is planned for a sanction (谁处分谁回访), so the page asks which sanction first
 * (those still waiting for a plan), shows it with the window the visit must fall in, then the plan's
 * form as the API declares it — or why no plan can be made for it now.
 */
export function PlanFollowUpPage({ config }: { config: ProcedureConfig<FollowUpDetail> }) {
  const text = useProcedureText(config.type);
  const [params] = useSearchParams();
  const sanctionId = params.get('sanction') ?? '';
  const { i18n } = useTranslation();
  const language = i18n.language;
  const loaded = useApi(
    (signal) => (sanctionId ? getSanction(sanctionId, signal) : Promise.resolve(undefined)),
    [sanctionId],
  );
  const back = (
    <Link to={config.path} className="rc-back-link">
      <ArrowLeftOutlined aria-hidden="true" /> {text.common('detail.back', { list: text('listTitle') })}
    </Link>
  );
  const sanction = loaded.data;
  let content;
  if (!sanctionId) content = <SanctionChooser text={text} language={language} />;
  else if (loaded.error) content = <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  else if (!sanction) content = <PageLoading />;
  else
    content = (
      <>
        <FactSection title={text('plan.sanctionTitle')}>
          <SanctionSummary sanction={sanction} text={text} language={language} />
        </FactSection>
        {sanction.allowedActions.some((a) => a.action === 'plan_follow_up') ? (
          <FactSection title={text('plan.formTitle')}>
            <PlanForm sanction={sanction} config={config} text={text} />
          </FactSection>
        ) : (
          <Alert
            type="info"
            showIcon
            className="rc-section"
            data-testid="plan-unavailable"
            title={text(
              sanction.followUps.length > 0
                ? 'plan.alreadyPlanned'
                : sanction.influence.running
                  ? 'plan.notYours'
                  : 'plan.windowClosed',
            )}
            description={
              sanction.followUps.length > 0 ? (
                <ul className="rc-plain-list">
                  {sanction.followUps.map((f) => (
                    <li key={f.id}>
                      <Link to={`${config.path}/${encodeURIComponent(f.id)}`}>{f.number}</Link>
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </>
    );

  return (
    <div className="rc-apply rc-proc">
      <PageTitle title={text('newTitle')} before={back} />
      <Typography.Paragraph type="secondary">{text('newIntro')}</Typography.Paragraph>
      <Card>{content}</Card>
    </div>
  );
}
