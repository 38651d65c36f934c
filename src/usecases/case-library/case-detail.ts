/**
 * A typical case as one user may read it: the internal view (commission and higher level, not
 * related to the matter) with the personal data still found in each text, the steps they may take
 * and the history; the published view (everyone else, once published) with the published fields.
 */
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import type { CaseDetail } from '../../contracts/case-library.ts';
import { auditLabel } from '../../domain/audit/catalogue.ts';
import {
  CASE_ENTRY_PROCEDURE,
  CASE_ENTRY_STATES,
  OUTCOME_LABELS,
} from '../../domain/case-library/procedure.ts';
import type { Finding } from '../../domain/case-library/deidentify.ts';
import { allowedActions } from '../../domain/procedure/engine.ts';
import { CASE_TEXT_FIELDS, loadCase } from './load-case.ts';

const span = (f: Finding) => ({ start: f.start, end: f.end, kind: f.kind, certain: f.certain });

export async function caseDetail(deps: Deps, user: UserWithGrants, id: string): Promise<CaseDetail> {
  const loaded = await loadCase(deps.db, user, id);
  const { row, view } = loaded;
  const internal = view === 'internal';
  const history = internal
    ? await deps.db
        .selectFrom('audit_events')
        .select(['seq', 'occurred_at', 'actor', 'action', 'data'])
        .where('entity_type', '=', 'case_entry')
        .where('entity_id', '=', id)
        .orderBy('seq')
        .execute()
    : [];
  const now = deps.clock.now();
  return {
    entry: {
      id: row.id,
      view,
      number: row.number,
      status: row.status,
      statusLabel: CASE_ENTRY_STATES[row.status],
      title: row.title,
      facts: row.facts,
      handling: row.handling,
      significance: row.significance,
      outcome: row.outcome,
      outcomeLabel: OUTCOME_LABELS[row.outcome],
      decidedMonth: row.decided_month,
      situations: row.labels.situations,
      exclusions: row.labels.exclusions,
      jurisdiction: { id: row.jurisdiction_id, name: row.jurisdiction_name },
      matter: internal ? { id: row.matter_id, number: row.matter_number } : null,
      decisionStands: loaded.decisionStands,
      returnReason: internal ? row.return_reason : null,
      publishedAt: row.published_at?.toISOString() ?? null,
      version: row.version,
      personalData: {
        title: loaded.findings.title.map(span),
        facts: loaded.findings.facts.map(span),
        handling: loaded.findings.handling.map(span),
        significance: loaded.findings.significance.map(span),
      },
      blocking: CASE_TEXT_FIELDS.reduce((n, f) => n + loaded.findings[f].filter((x) => x.certain).length, 0),
    },
    allowedActions: allowedActions(CASE_ENTRY_PROCEDURE, loaded.procedure, loaded.actor, now).map(
      (action) => {
        const spec = CASE_ENTRY_PROCEDURE.actions[action];
        return { action, label: spec.label, danger: 'danger' in spec && spec.danger === true };
      },
    ),
    history: history.map((e) => ({
      at: e.occurred_at.toISOString(),
      actor: e.actor,
      action: e.action,
      label: auditLabel(e.action) ?? { zh: e.action, en: e.action },
      data: e.data,
    })),
  };
}
