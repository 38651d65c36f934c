import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyDiff } from '../../api/admin.ts';

type Change = { field: string; from: unknown; to: unknown };
type Labelled = { id: string; labelZh?: string; labelEn?: string };

/** A value of a changed field, readably: time limits as "5 个工作日", lists joined, objects as JSON. */
export function useValueText(): (value: unknown) => string {
  const { t, i18n } = useTranslation('admin');
  return (value) => {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (typeof value === 'boolean') return value ? t('policies.yes') : t('policies.no');
    if (Array.isArray(value)) return value.map(String).join('、');
    if (typeof value === 'object' && 'zh' in value && 'en' in value) {
      return String(i18n.language === 'en' ? value.en : value.zh);
    }
    if (typeof value === 'object' && 'unit' in value && 'amount' in value) {
      const rule = value as { unit: 'working_days' | 'calendar_days' | 'months'; amount: number };
      return t('policies.limit', { amount: rule.amount, unit: t(`policies.unit.${rule.unit}`) });
    }
    return JSON.stringify(value);
  };
}

function Changes({ changes }: { changes: Change[] }) {
  const { t } = useTranslation('admin');
  const text = useValueText();
  return (
    <table className="rc-diff-table">
      <thead>
        <tr>
          <th scope="col">{t('policies.field')}</th>
          <th scope="col">{t('policies.before')}</th>
          <th scope="col">{t('policies.after')}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <td className="rc-mono">{c.field}</td>
            <td>
              <del>{text(c.from)}</del>
            </td>
            <td>
              <ins>{text(c.to)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ListChanges({
  title,
  diff,
}: {
  title: string;
  diff: { added: Labelled[]; dropped: Labelled[]; changed: { id: string; changes: Change[] }[] };
}) {
  const { t, i18n } = useTranslation('admin');
  const label = (x: Labelled) => `${x.id} ${(i18n.language === 'en' ? x.labelEn : x.labelZh) ?? ''}`;
  if (diff.added.length + diff.dropped.length + diff.changed.length === 0) return null;
  return (
    <section className="rc-section">
      <h3>{title}</h3>
      <ul className="rc-item-list">
        {diff.added.map((x) => (
          <li key={`+${x.id}`}>
            <Tag className="rc-outcome rc-outcome-exempt">{t('policies.added')}</Tag> {label(x)}
          </li>
        ))}
        {diff.dropped.map((x) => (
          <li key={`-${x.id}`}>
            <Tag className="rc-outcome rc-outcome-refuse">{t('policies.dropped')}</Tag> <del>{label(x)}</del>
          </li>
        ))}
        {diff.changed.map((x) => (
          <li key={`~${x.id}`}>
            <Tag className="rc-outcome rc-outcome-mitigate">{t('policies.changed')}</Tag> {x.id}
            <Changes changes={x.changes} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What changed between two versions of a policy (GET /api/policies/:id/diff). */
export function PolicyDiffView({ diff }: { diff: PolicyDiff }) {
  const { t } = useTranslation('admin');
  const plain = (title: string, changes: Change[]) =>
    changes.length ? (
      <section className="rc-section">
        <h3>{title}</h3>
        <Changes changes={changes} />
      </section>
    ) : null;
  if (diff.identical) return <p>{t('policies.identical')}</p>;
  return (
    <div data-testid="policy-diff">
      {plain(t('policies.policy'), diff.header)}
      <ListChanges title={t('policies.gates')} diff={diff.gates} />
      <ListChanges title={t('policies.situations')} diff={diff.situations} />
      <ListChanges title={t('policies.exclusions')} diff={diff.exclusions} />
      <ListChanges title={t('policies.mitigating')} diff={diff.mitigating} />
      <ListChanges title={t('policies.aggravating')} diff={diff.aggravating} />
      {plain(t('policies.timeLimits'), diff.timeLimits)}
      {plain(t('policies.settings'), diff.settings)}
      {plain(t('policies.clause'), diff.ruleClauses)}
      <ListChanges
        title={t('policies.appeals')}
        diff={{
          added: diff.appeals.added.map((a) => ({ id: a.type, labelZh: a.labelZh, labelEn: a.labelEn })),
          dropped: diff.appeals.dropped.map((a) => ({ id: a.type, labelZh: a.labelZh, labelEn: a.labelEn })),
          changed: diff.appeals.changed.map((c) => ({ id: c.type, changes: c.changes })),
        }}
      />
    </div>
  );
}
