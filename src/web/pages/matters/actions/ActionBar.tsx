import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AllowedAction, MatterDetail } from '../../../api/matterTypes.ts';
import { listBodyMembers } from '../../../api/matters.ts';
import { useApi } from '../../../components/useApi.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { tasksOf } from '../matterData.ts';
import { useBilingual } from '../labels.tsx';
import { isTableAction } from './actionForms.ts';
import { ActionDialog } from './ActionDialog.tsx';
import { EvidenceDialog } from './EvidenceDialog.tsx';
import { FactsDrawer } from './FactsDrawer.tsx';
import type { FieldContext, MemberChoice } from './FieldInput.tsx';

type Props = {
  detail: MatterDetail;
  onChange: (detail: MatterDetail) => void;
  /** Only these steps (e.g. the meeting page shows the meeting's steps); default all allowed. */
  only?: readonly string[];
  /** Large buttons stacked for phones (the cadre's pages). */
  large?: boolean;
};

/**
 * The buttons of the steps this user may take now — exactly the API's `allowedActions`; the page never
 * decides itself who may do what. Each opens the step's own small form.
 */
export function ActionBar({ detail, onChange, only, large = false }: Props) {
  const { t, i18n } = useTranslation('matters');
  const pick = useBilingual();
  const [open, setOpen] = useState<AllowedAction | null>(null);
  const actions = detail.allowedActions.filter((a) => !only || only.includes(a.action));

  const label = (a: AllowedAction) =>
    a.action === 'appeal' && detail.matter.appealDeadline
      ? t('party.appealButton', { date: formatLocalDate(detail.matter.appealDeadline, i18n.language) })
      : pick(a.label);

  const needsMembers = open?.action === 'convene_meeting' || open?.action === 'assign_review_panel';
  const body = useApi(
    (signal) => (needsMembers ? listBodyMembers(detail.matter.id, signal) : Promise.resolve(null)),
    [needsMembers, detail.matter.id],
  );
  // Without the members endpoint, a reconvened meeting can still offer the members of the last one.
  const fallback: MemberChoice[] | null =
    detail.meeting?.participants.map((p) => ({
      userId: p.userId,
      name: p.name,
      recusalReason: p.recused ? t('meeting.recused') : null,
    })) ?? null;
  const members: MemberChoice[] | null = body.data ?? fallback;
  const context: FieldContext = {
    tasks: tasksOf(detail.records)
      .filter((task) => task.open)
      .map((task) => ({
        id: task.id,
        label: `${t(`tasks.kind.${task.kind as 'interview'}`)}：${task.description.slice(0, 40)}`,
      })),
    members,
    membersLoading: body.loading && needsMembers,
    optionLabel: (field, value) => {
      if (field === 'outcome' || field === 'vote') return t(`outcome.${value as 'exempt'}`);
      if (field === 'stance') return t(`stance.${value as 'support'}`);
      if (field === 'kind') return t(`tasks.kind.${value as 'interview'}`);
      return value;
    },
  };
  if (actions.length === 0) return null;
  const done = (next: MatterDetail) => {
    setOpen(null);
    onChange(next);
  };

  return (
    <>
      <div className={large ? 'rc-party-actions' : 'rc-action-bar'} data-testid="action-bar">
        {actions.map((a) => (
          <Button
            key={a.action}
            danger={a.danger}
            // On the cadre's page the first step (submit, acknowledge…) leads; staff see them side by side.
            type={large && !a.danger && a === actions[0] ? 'primary' : 'default'}
            size={large ? 'large' : 'middle'}
            onClick={() => setOpen(a)}
            data-testid={`action-${a.action}`}
          >
            {label(a)}
          </Button>
        ))}
      </div>
      {open?.action === 'add_evidence' ? (
        <EvidenceDialog
          detail={detail}
          canChooseVisibility={detail.matter.view === 'full'}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : open?.action === 'record_facts' ? (
        <FactsDrawer detail={detail} action={open} onClose={() => setOpen(null)} onDone={done} />
      ) : open && isTableAction(open.action) ? (
        <ActionDialog
          detail={detail}
          action={{ ...open, action: open.action }}
          context={context}
          onClose={() => setOpen(null)}
          onDone={done}
        />
      ) : null}
    </>
  );
}
