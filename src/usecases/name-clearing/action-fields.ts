/**
 * What each step's form asks for, computed for this matter and this user — so the web renders the
 * form from the detail alone: the policy version's triggers and exclusions for the trigger check,
 * only the forms and reaches the cadre consented to for the plan, only those approved for the
 * clearing, and the consultation fields only when the officer records the cadre's view for them.
 * Every field is a key of the step's body schema (checked by action-fields.test.ts).
 */
import type { EffectivePolicy } from '../../domain/policy/types.ts';
import type { NameClearingAction } from '../../domain/name-clearing/procedure.ts';
import {
  CLEARING_FORMS,
  CLEARING_SCOPES,
  FORM_LABELS,
  FORM_MINIMUM_SCOPE,
  SCOPE_LABELS,
  scopesWithin,
  type ClearingForm,
  type ClearingScope,
} from '../../domain/name-clearing/scope.ts';
import type { ActionField } from '../../contracts/name-clearing.ts';
import {
  CLASSIFICATION_LABELS,
  CONSULTED_VIA_LABELS,
  REFERRAL_LABELS,
  type StoredClearing,
} from './stored.ts';

type Label = { zh: string; en: string };
const label = (zh: string, en: string): Label => ({ zh, en });

const textarea = (name: string, l: Label, required: boolean, max: number): ActionField => ({
  name,
  kind: 'textarea',
  required,
  label: l,
  max,
});
const text = (name: string, l: Label, required: boolean, max: number): ActionField => ({
  name,
  kind: 'text',
  required,
  label: l,
  max,
});
const date = (name: string, l: Label, required: boolean): ActionField => ({
  name,
  kind: 'date',
  required,
  label: l,
});
const when = (field: ActionField, on: string, equals: string): ActionField => ({
  ...field,
  when: { field: on, equals },
});

function formsField(forms: readonly ClearingForm[]): ActionField {
  return {
    name: 'forms',
    kind: 'multiselect',
    required: true,
    label: label('澄清方式', 'Forms of clearing'),
    options: forms.map((f) => ({
      value: f,
      label: FORM_LABELS[f],
      hint: `范围至少：${SCOPE_LABELS[FORM_MINIMUM_SCOPE[f]].zh}`,
    })),
  };
}

function scopeField(scopes: readonly ClearingScope[]): ActionField {
  return {
    name: 'scope',
    kind: 'select',
    required: true,
    label: label('澄清范围', 'Scope'),
    options: scopes.map((s) => ({ value: s, label: SCOPE_LABELS[s] })),
  };
}

/** How and when the officer consulted the cadre: asked only when the officer records for them. */
function consultationFields(byCadre: boolean): ActionField[] {
  if (byCadre) return [];
  return [
    {
      name: 'consultedVia',
      kind: 'select',
      required: true,
      label: label('征求意见方式', 'How the cadre was consulted'),
      options: (['in_person', 'in_writing', 'phone'] as const).map((v) => ({
        value: v,
        label: CONSULTED_VIA_LABELS[v],
      })),
    },
    date('consultedOn', label('征求意见日期', 'Consulted on'), true),
  ];
}

const policyOptions = (items: EffectivePolicy['nameClearing']['triggers']) =>
  items.map((i) => ({ value: i.id, label: label(i.labelZh, i.labelEn), hint: i.clause }));

export function actionFields(
  action: NameClearingAction,
  ctx: { clearing: StoredClearing; policy: EffectivePolicy; byCadre: boolean },
): ActionField[] {
  const { clearing, policy, byCadre } = ctx;
  switch (action) {
    case 'check_triggers': {
      const open = [...policy.nameClearing.triggers, ...policy.nameClearing.exclusions].filter(
        (i) => i.requiresReason,
      );
      return [
        {
          name: 'triggers',
          kind: 'multiselect',
          required: false,
          label: label('符合的澄清正名启动情形', 'Triggers that hold'),
          options: policyOptions(policy.nameClearing.triggers),
        },
        {
          name: 'exclusions',
          kind: 'multiselect',
          required: false,
          label: label(
            '存在的不予澄清情形（任一即不予澄清）',
            'Exclusions that apply (any one: no clearing)',
          ),
          options: policyOptions(policy.nameClearing.exclusions),
        },
        {
          name: 'itemReasons',
          kind: 'record',
          required: false,
          label: label('须写明理由的情形', 'Reasons for open items'),
          keyedBy: 'triggers',
          options: policyOptions(open),
          max: 2000,
        },
        textarea('analysis', label('研判意见', 'Analysis'), true, 8000),
      ];
    }
    case 'record_consent':
      return [
        formsField(CLEARING_FORMS),
        scopeField(CLEARING_SCOPES),
        textarea('opinion', label('本人意见', 'The cadre’s own words'), false, 2000),
        ...consultationFields(byCadre),
      ];
    case 'decline':
      return [
        textarea('reason', label('不同意澄清的理由', 'Reason'), false, 2000),
        ...consultationFields(byCadre),
      ];
    case 'withdraw_consent':
      return [textarea('reason', label('撤回理由', 'Reason'), false, 2000), ...consultationFields(byCadre)];
    case 'submit_for_approval': {
      const consent = clearing.consent;
      return [
        formsField(consent?.forms ?? []),
        scopeField(consent ? scopesWithin(consent.scope) : []),
        textarea('arrangements', label('澄清方案（时间、地点、参加人员等）', 'Arrangements'), true, 4000),
        date('plannedOn', label('计划澄清日期', 'Planned date'), false),
      ];
    }
    case 'approve':
      return [textarea('opinion', label('审批意见', 'Opinion'), false, 2000)];
    case 'return_plan':
      return [textarea('reasons', label('退回理由', 'Reasons'), true, 4000)];
    case 'extend_deadline': {
      const period = policy.timeLimits.nameClearing;
      const unit = period.unit === 'working_days' ? '个工作日' : period.unit === 'months' ? '个月' : '日';
      return [
        {
          name: 'amount',
          kind: 'integer',
          required: true,
          label: label(`延长时限（${unit}）`, `Extension (${period.unit.replace('_', ' ')})`),
          min: 1,
          max: period.amount,
        },
        textarea('reason', label('延长理由', 'Reason'), true, 2000),
      ];
    }
    case 'execute': {
      const bound = clearing.plan ?? clearing.consent;
      return [
        formsField(bound?.forms ?? []),
        scopeField(bound ? scopesWithin(bound.scope) : []),
        date('executedOn', label('澄清日期', 'Cleared on'), true),
        textarea('details', label('澄清情况（会议名称、通报范围、参加人员等）', 'What was done'), true, 4000),
      ];
    }
    case 'handle_accuser':
      return [
        {
          name: 'classification',
          kind: 'select',
          required: true,
          label: label('举报性质', 'Classification'),
          options: (['malicious', 'mistaken'] as const).map((v) => ({
            value: v,
            label: CLASSIFICATION_LABELS[v],
          })),
        },
        textarea('reasons', label('认定理由', 'Reasons'), true, 4000),
        when(
          {
            name: 'referredTo',
            kind: 'select',
            required: true,
            label: label('移送机关', 'Referred to'),
            options: (['case_review', 'public_security', 'organisation', 'accuser_unit'] as const).map(
              (v) => ({
                value: v,
                label: REFERRAL_LABELS[v],
              }),
            ),
          },
          'classification',
          'malicious',
        ),
      ];
    case 'order_correction':
      return [
        {
          name: 'route',
          kind: 'select',
          required: true,
          label: label('纠正方式', 'How'),
          options: [
            { value: 'order', label: label('在职权范围内责令纠正（下达纠错通知）', 'Order a correction') },
            { value: 'recommend', label: label('建议有关机关纠正', 'Recommend it to the competent body') },
          ],
        },
        textarea('wrongHandling', label('不实举报造成的不当处理', 'The wrong handling'), true, 4000),
        when(
          {
            name: 'responsibleUnitId',
            kind: 'unit',
            required: true,
            label: label('责任单位', 'Responsible unit'),
          },
          'route',
          'order',
        ),
        when(
          text('responsiblePerson', label('整改责任人', 'Responsible person'), true, 100),
          'route',
          'order',
        ),
        when(
          textarea('measures', label('纠正措施（每行一项）', 'Measures, one per line'), true, 4000),
          'route',
          'order',
        ),
        when(
          {
            name: 'deadlineWorkingDays',
            kind: 'integer',
            required: true,
            label: label('纠正期限（工作日）', 'Deadline (working days)'),
            min: 1,
            max: 250,
          },
          'route',
          'order',
        ),
        when(text('recommendTo', label('建议纠正的机关', 'Recommended to'), true, 200), 'route', 'recommend'),
        when(
          textarea('recommendation', label('纠正建议', 'Recommendation'), true, 4000),
          'route',
          'recommend',
        ),
      ];
    case 'archive':
      return [
        text('integrityFileRef', label('廉政档案编号', 'Integrity file reference'), false, 100),
        textarea('note', label('备注', 'Note'), false, 2000),
      ];
    case 'close':
      return [textarea('note', label('办结说明', 'Note'), false, 2000)];
  }
}
