import { useTranslation } from 'react-i18next';
import type { MatterRecord } from '../../../api/matterTypes.ts';
import { formatDateTime } from '../../../format/datetime.ts';
import { useProcedureText } from '../text.ts';
import type { ProcedureConfig, ProcedureDetail } from '../types.ts';

/**
 * 办理记录 of a procedure: each report, review or reason with who and when, the line the procedure
 * draws from the record's data (a percentage, a method, a result), and the text. Newest first: the
 * latest report is what the next step answers.
 */
export function ProcedureRecords<D extends ProcedureDetail>({
  config,
  records,
}: {
  config: ProcedureConfig<D>;
  records: readonly MatterRecord[];
}) {
  const { i18n } = useTranslation();
  const text = useProcedureText(config.type);
  if (records.length === 0) return <p className="rc-muted">{text.common('records.empty')}</p>;
  const kind = (k: string) =>
    text.has(`records.${k}`) ? text(`records.${k}`) : text.common('records.other');
  return (
    <ul className="rc-item-list" data-testid="records">
      {[...records].reverse().map((r) => {
        const line = config.recordLine?.(r, text, i18n.language) ?? null;
        const body = config.recordText ? config.recordText(r, text) : r.text;
        const by =
          r.data.reportedBy === 'unit' || r.data.reportedBy === 'commission'
            ? text.common(`records.reportedBy.${r.data.reportedBy}`)
            : null;
        return (
          <li key={r.id}>
            <div className="rc-item-head">
              <strong>{kind(r.kind)}</strong>
              <span className="rc-item-meta">
                {r.createdBy
                  ? text.common('records.by', { name: r.createdBy, date: formatDateTime(r.createdAt) })
                  : formatDateTime(r.createdAt)}
                {by ? ` · ${by}` : ''}
              </span>
            </div>
            {line ? <p className="rc-proc-record-line">{line}</p> : null}
            {body ? <p className="rc-pre">{body}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
