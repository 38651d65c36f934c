import { Card } from 'antd';
import type { ReactNode } from 'react';
import './kit.css';

/**
 * One part of a procedure's facts under its own small heading (举报与核查, 本人意见, 澄清方案…): the
 * facts of 澄清正名 and 回访教育 come in stages, each filled in by a different step.
 */
export function FactSection({
  title,
  children,
  testId,
  extra,
}: {
  title: string;
  children: ReactNode;
  testId?: string;
  extra?: ReactNode;
}) {
  return (
    <section className="rc-kit-section" data-testid={testId}>
      <div className="rc-kit-section-head">
        <h3>{title}</h3>
        {extra}
      </div>
      {children}
    </section>
  );
}

/** A panel of the detail page's side column (like the generic page's own panels). */
export function SidePanel({
  title,
  id,
  children,
  testId,
}: {
  title: string;
  id: string;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card
      size="small"
      className="rc-section"
      title={
        <h2 className="rc-card-title" id={id}>
          {title}
        </h2>
      }
      data-testid={testId}
    >
      <section aria-labelledby={id}>{children}</section>
    </Card>
  );
}

/** Short values joined the Chinese way (书面澄清、会议澄清). */
export function joinLabels(labels: readonly string[], language: string): string {
  return labels.join(language.startsWith('zh') ? '、' : ', ');
}
