/**
 * How a follow-up visit is drawn: the sanction and its influence period (the window visits must fall
 * in), the plan, the register form as filled in (回访教育情况登记表), the grade and the reuse
 * recommendation to the organisation department with what became of it; the signed register form
 * to download and verify once it was sent.
 */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../../auth/AuthProvider.tsx';
import { hasAnyRole, ROSTER_READERS } from '../../../auth/roles.ts';
import { formatLocalDate } from '../../../format/localDate.ts';
import { useBilingual } from '../../matters/labels.tsx';
import { FactList } from '../parts/FactList.tsx';
import { FactSection, joinLabels, SidePanel } from '../kit/Section.tsx';
import { SignedDocument } from '../kit/SignedDocument.tsx';
import type { PartProps, ProcedureText } from '../types.ts';
import type { FollowUpDetail } from './config.tsx';
import '../kit/kit.css';

type Person = { name: string; position: string };

function People({ people, text }: { people: readonly Person[]; text: ProcedureText }) {
  if (people.length === 0) return <span className="rc-muted">{text('facts.noVisitors')}</span>;
  return (
    <ul className="rc-kit-people" data-testid="visitors">
      {people.map((p, i) => (
        <li key={i}>
          {p.name}
          {p.position ? <span className="rc-muted">（{p.position}）</span> : null}
        </li>
      ))}
    </ul>
  );
}

const GRADE_TONE: Record<string, string> = { good: 'done', average: 'waiting', poor: 'alert' };

/** 回访教育情况: every stage that has happened, in order. */
export function FollowUpFacts({ detail, text, language }: PartProps<FollowUpDetail>) {
  const m = detail.matter;
  const pick = useBilingual();
  const user = useCurrentUser();
  const date = (value: string | null | undefined) => formatLocalDate(value, language);
  const pre = (value: string | null | undefined) => (value ? <span className="rc-pre">{value}</span> : null);
  const s = m.sanction;
  const sections: ReactNode[] = [];

  if (s)
    sections.push(
      <FactSection key="sanction" title={text('facts.sanction')} testId="facts-sanction">
        <FactList
          rows={[
            [
              text('facts.cadre'),
              m.subject ? (
                hasAnyRole(user, ROSTER_READERS) ? (
                  <Link to={`/cadres/${encodeURIComponent(m.subject.id)}`} data-testid="cadre-link">
                    {m.subject.name}
                  </Link>
                ) : (
                  m.subject.name
                )
              ) : null,
            ],
            [text('facts.sanctionType'), `${pick(s.typeLabel)}（${pick(s.categoryLabel)}）`],
            [text('facts.decidedBy'), s.decidedBy],
            [text('facts.documentNumber'), s.documentNumber],
            [text('facts.decidedOn'), date(s.decidedOn)],
            [text('facts.effectiveOn'), date(s.effectiveOn)],
            [
              text('facts.influence'),
              s.influenceEndsOn
                ? text('facts.influenceLine', {
                    months: s.influenceMonths ?? '—',
                    date: date(s.influenceEndsOn),
                  })
                : text('facts.influenceEndless'),
            ],
            [text('facts.reusable'), text(s.reusable ? 'facts.reusableYes' : 'facts.reusableNo')],
          ]}
        />
      </FactSection>,
    );

  if (m.window)
    sections.push(
      <FactSection key="window" title={text('facts.window')} testId="facts-window">
        <p>
          {m.window.until
            ? text('facts.windowLine', { from: date(m.window.from), until: date(m.window.until) })
            : text('facts.windowOpenEnded', { from: date(m.window.from) })}
        </p>
      </FactSection>,
    );

  if (m.plan)
    sections.push(
      <FactSection key="plan" title={text('facts.plan')} testId="facts-plan">
        <FactList
          rows={[
            [text('facts.plannedOn'), date(m.plan.plannedOn)],
            [text('facts.plannedVisitors'), <People people={m.plan.visitors} text={text} />],
            [text('facts.outline'), pre(m.plan.outline)],
            [text('facts.mentor'), m.plan.mentor],
          ]}
        />
      </FactSection>,
    );

  if (m.visit) {
    const v = m.visit;
    sections.push(
      <FactSection key="visit" title={text('facts.visit')} testId="facts-visit">
        <FactList
          rows={[
            [text('facts.visitedOn'), date(v.visitedOn)],
            [text('facts.place'), v.place],
            [
              text('facts.methods'),
              joinLabels(
                v.methodLabels.map((l) => pick(l)),
                language,
              ),
            ],
            [text('facts.visitors'), <People people={v.visitors} text={text} />],
            [text('facts.politicalThinking'), pre(v.politicalThinking)],
            [text('facts.conduct'), pre(v.conduct)],
            [text('facts.work'), pre(v.work)],
            [text('facts.sanctionExecution'), pre(v.sanctionExecution)],
            [text('facts.attitude'), pre(v.attitude)],
            [text('facts.talk'), pre(v.talk)],
            [text('facts.unitOpinion'), pre(v.unitOpinion)],
          ]}
        />
      </FactSection>,
    );
  }

  if (m.grade)
    sections.push(
      <FactSection key="grade" title={text('facts.grade')} testId="facts-grade">
        <FactList
          rows={[
            [
              text('facts.gradeResult'),
              <Tag className={`rc-mstatus rc-mstatus-${GRADE_TONE[m.grade.grade] ?? 'idle'}`}>
                {pick(m.grade.label)}
              </Tag>,
            ],
            [text('facts.gradeReasons'), pre(m.grade.reasons)],
            [text('facts.gradedOn'), date(m.grade.gradedOn)],
          ]}
        />
      </FactSection>,
    );

  if (m.reuse)
    sections.push(
      <FactSection key="reuse" title={text('facts.reuse')} testId="facts-reuse">
        <FactList
          rows={[
            [
              text('facts.recommendation'),
              <Tag className={`rc-mstatus rc-mstatus-${m.reuse.recommended ? 'done' : 'waiting'}`}>
                {text(m.reuse.recommended ? 'facts.recommended' : 'facts.notRecommended')}
              </Tag>,
            ],
            [text('facts.reuseReasons'), pre(m.reuse.reasons)],
            [text('facts.suggestedUse'), m.reuse.suggestedUse],
            [text('facts.decidedOnReuse'), date(m.reuse.decidedOn)],
            [
              text('facts.deliveredOn'),
              m.reuse.deliveredOn ? date(m.reuse.deliveredOn) : text('facts.notYetDelivered'),
            ],
            [text('facts.receivedOn'), m.reuse.receivedOn ? date(m.reuse.receivedOn) : null],
          ]}
        />
      </FactSection>,
    );

  return <>{sections}</>;
}

/** 回访教育情况登记表: once sent to the organisation department, the signed form. */
export function RegisterFormPanel({ detail, text }: PartProps<FollowUpDetail>) {
  const form = detail.matter.registerForm;
  if (!form) return null;
  return (
    <SidePanel title={text('register.title')} id="proc-register" testId="register-panel">
      <SignedDocument
        document={form}
        // The form's own title, as issued.
        title={detail.documents.find((d) => d.id === form.documentId)?.title ?? text('register.name')}
        testId="register"
        labels={{
          number: text('register.number'),
          code: text('register.code'),
          verify: text('register.verify'),
          pdf: text('register.pdf'),
          docx: text('register.docx'),
          note: text('register.note'),
        }}
      />
    </SidePanel>
  );
}
