import { Fragment, type ReactNode } from 'react';

/** Label–value rows (a definition list); rows without a value are left out. */
export function FactList({ rows, testId }: { rows: readonly [string, ReactNode][]; testId?: string }) {
  const shown = rows.filter(([, value]) => value !== null && value !== undefined && value !== '');
  return (
    <dl className="rc-kv" data-testid={testId}>
      {shown.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** Lines of text as a numbered list (measures, risks), or the text itself for one line. */
export function Lines({ lines }: { lines: readonly string[] }) {
  if (lines.length === 1) return <span className="rc-pre">{lines[0]}</span>;
  return (
    <ol className="rc-proc-lines">
      {lines.map((line, i) => (
        <li key={i} className="rc-pre">
          {line}
        </li>
      ))}
    </ol>
  );
}
