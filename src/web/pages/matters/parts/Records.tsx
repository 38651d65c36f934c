import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatterRecord } from '../../../api/matterTypes.ts';
import { formatDateTime } from '../../../format/datetime.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { MATTERS_ZH } from '../../../i18n/matters.zh-CN.ts';
import { tasksOf } from '../matterData.ts';

type RecordKind = keyof (typeof MATTERS_ZH)['matters']['records']['kind'];
type Stance = keyof (typeof MATTERS_ZH)['matters']['stance'];

/** The label of a record kind; kinds this page does not know yet show as "record". */
export function useRecordKind(): (kind: string) => string {
  const { t } = useTranslation('matters');
  return (kind) => {
    const known = Object.hasOwn(MATTERS_ZH.matters.records.kind, kind);
    return t(`records.kind.${(known ? kind : 'other') as RecordKind}`);
  };
}

/** Requests, replies and reasons on the matter (补正要求、不予受理理由…), newest last. */
export function RecordList({ records }: { records: readonly MatterRecord[] }) {
  const { t } = useTranslation('matters');
  const kindLabel = useRecordKind();
  if (records.length === 0) return <p className="rc-muted">{t('records.empty')}</p>;
  return (
    <ul className="rc-item-list" data-testid="records">
      {records.map((r) => (
        <li key={r.id}>
          <div className="rc-item-head">
            <strong>{kindLabel(r.kind)}</strong>
            <span className="rc-item-meta">
              {r.createdBy
                ? t('records.by', { name: r.createdBy, date: formatDateTime(r.createdAt) })
                : formatDateTime(r.createdAt)}
            </span>
          </div>
          {typeof r.data.items === 'string' ? <p className="rc-pre">{r.data.items}</p> : null}
          {r.text ? <p className="rc-pre">{r.text}</p> : null}
        </li>
      ))}
    </ul>
  );
}

/** 核实任务: kind, what to do, due date, and the result once done. */
export function TaskList({ records }: { records: readonly MatterRecord[] }) {
  const { t, i18n } = useTranslation('matters');
  const tasks = tasksOf(records);
  if (tasks.length === 0) return <p className="rc-muted">{t('tasks.empty')}</p>;
  return (
    <ul className="rc-item-list" data-testid="tasks">
      {tasks.map((task) => (
        <li key={task.id}>
          <div className="rc-item-head">
            <strong>{t(`tasks.kind.${task.kind as 'interview'}`)}</strong>
            <span>
              <Tag className={`rc-mstatus ${task.open ? 'rc-mstatus-intake' : 'rc-mstatus-done'}`}>
                {task.open ? t('tasks.open') : t('tasks.done')}
              </Tag>
              {task.dueOn ? (
                <span className="rc-item-meta">
                  {' '}
                  {t('tasks.dueOn', { date: formatLocalDate(task.dueOn, i18n.language) })}
                </span>
              ) : null}
            </span>
          </div>
          <p className="rc-pre">{task.description}</p>
          {task.result ? (
            <p className="rc-pre">
              <span className="rc-muted">{t('tasks.result')}：</span>
              {task.result}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** 单位意见: the unit's position and its words. */
export function UnitOpinions({ records }: { records: readonly MatterRecord[] }) {
  const { t } = useTranslation('matters');
  const opinions = records.filter((r) => r.kind === 'unit_opinion');
  if (opinions.length === 0) return <p className="rc-muted">{t('unitOpinion.empty')}</p>;
  return (
    <ul className="rc-item-list" data-testid="unit-opinions">
      {opinions.map((r) => (
        <li key={r.id}>
          <div className="rc-item-head">
            <strong>{t(`stance.${(r.data.stance as Stance | undefined) ?? 'neutral'}`)}</strong>
            <span className="rc-item-meta">
              {r.data.recordedBy === 'commission' ? t('unitOpinion.by.commission') : t('unitOpinion.by.unit')}{' '}
              · {formatDateTime(r.createdAt)}
            </span>
          </div>
          {r.text ? <p className="rc-pre">{r.text}</p> : null}
        </li>
      ))}
    </ul>
  );
}
