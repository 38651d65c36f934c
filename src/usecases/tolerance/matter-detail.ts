/**
 * A matter as one user may see it: what they may read (full, outcome, party, limited), which steps
 * they may take now (from the procedure table), its deadline and its timeline from the audit chain.
 */
import type { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { auditLabel } from '../../domain/audit/catalogue.ts';
import { deadlineStatus, type DeadlineClock, type WorkingDayCalendar } from '../../domain/calendar/index.ts';
import { allowedActions } from '../../domain/procedure/engine.ts';
import { activeClock } from '../../domain/tolerance/clocks.ts';
import { TOLERANCE_PROCEDURE, TOLERANCE_STATES, type ToleranceState } from '../../domain/tolerance/procedure.ts';
import type { MatterDetail } from '../../contracts/tolerance.ts';
import { calendarAt } from '../policy-context.ts';
import { loadMatter } from './load-matter.ts';

/** Steps the parties see on their timeline; internal work (tasks, votes, drafts of the proposal) stays inside. */
const PARTY_TIMELINE = new Set([
  'tolerance.opened', 'tolerance.submit', 'tolerance.request_supplement', 'tolerance.supplement', 'tolerance.accept',
  'tolerance.refuse_acceptance', 'tolerance.extend_verification', 'tolerance.decide', 'tolerance.approve', 'tolerance.notify',
  'tolerance.acknowledge_receipt', 'tolerance.record_delivery', 'tolerance.publicize', 'tolerance.appeal', 'tolerance.review_decide', 'tolerance.close', 'tolerance.reopen',
  'tolerance.withdraw', 'tolerance.suspend', 'tolerance.resume', 'tolerance.convert', 'document.issued',
]);

export function presentDeadline(status: string, clocks: unknown, calendar: WorkingDayCalendar, now: Date) {
  const kind = activeClock(status as ToleranceState);
  const clock = kind ? (clocks as Partial<Record<string, DeadlineClock>>)[kind] : undefined;
  if (!kind || !clock) return null;
  const s = deadlineStatus(clock, calendar, now);
  return { kind, dueDate: s.dueDate, status: s.status, workingDaysRemaining: s.workingDaysRemaining, uncertain: s.uncertain, missingYears: s.missingYears };
}

type Detail = z.infer<typeof MatterDetail>;

export async function matterDetail(deps: Deps, user: UserWithGrants, id: string): Promise<Detail> {
  // The matter, its access and everything the page shows: one statement.
  const loaded = await loadMatter(deps, user, id, { extras: true });
  const { matter: m, view } = loaded;
  const now = deps.clock.now();
  const extras = loaded.extras!;
  const calendar = await calendarAt(deps.db, loaded.calendarStamp);
  const full = view === 'full';
  const party = view === 'party';
  const decision = (m.decision ?? null) as Record<string, unknown> | null;
  const publicDecision = decision ? { outcome: decision.outcome, measure: decision.measure ?? null, correctionOrder: decision.correctionOrder ?? null, decidedOn: decision.decidedOn ?? null } : null;
  const decryptText = (enc: string | null, context: string) => (enc ? deps.keyring.decrypt(enc, context) : null);

  const summary = {
    id: m.id,
    number: m.number,
    type: m.type,
    title: m.title,
    status: m.status,
    statusLabel: TOLERANCE_STATES[m.status as ToleranceState],
    route: m.route,
    subject: extras.subject?.id ? { id: extras.subject.id, name: extras.subject.name!, unitName: extras.subject.unit_name ?? '' } : null,
    jurisdiction: extras.jurisdiction,
    outcome: view === 'limited' ? null : m.outcome,
    deadline: presentDeadline(m.status, m.clocks, calendar, now),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
  };
  if (view === 'limited') {
    return {
      matter: { ...summary, view, summary: null, accountabilityRef: null, conductDate: null, policy: null, facts: null, recommendation: null, proposal: null, decision: null, receivedOn: null, appealDeadline: null, filedAt: null, publishedAt: null, version: m.version },
      allowedActions: [],
      records: [],
      files: [],
      documents: [],
      meeting: null,
      timeline: [],
    };
  }
  const actions = allowedActions(TOLERANCE_PROCEDURE, loaded.procedure, loaded.actor, now).map((action) => {
    const spec = TOLERANCE_PROCEDURE.actions[action];
    return { action, label: spec.label, danger: 'danger' in spec && spec.danger === true };
  });
  const latestMeeting = extras.participants.at(-1)?.meeting_id;
  const participants = extras.participants.filter((p) => p.meeting_id === latestMeeting);
  return {
    matter: {
      ...summary,
      view,
      summary: full || party ? decryptText(m.summary_enc, `matter.summary:${m.id}`) : null,
      accountabilityRef: full ? m.accountability_ref : null,
      conductDate: m.conduct_date,
      policy: m.policy_id && m.policy_version ? { id: m.policy_id, version: m.policy_version } : null,
      facts: full ? m.facts : null,
      recommendation: full ? (m.recommendation as Detail['matter']['recommendation']) : null,
      proposal: full ? m.proposal : null,
      decision: full ? decision : publicDecision,
      receivedOn: m.received_on,
      appealDeadline: m.appeal_deadline,
      filedAt: m.filed_at?.toISOString() ?? null,
      publishedAt: m.published_at?.toISOString() ?? null,
      version: m.version,
    },
    allowedActions: actions,
    records: extras.records
      .filter((r) => full || (party && r.visibility === 'parties'))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        data: r.data,
        text: decryptText(r.text_enc, `matter_record:${r.id}`),
        createdAt: r.created_at.toISOString(),
        createdBy: full ? r.created_by_name : null,
      })),
    files: extras.files
      .filter((f) => full || (party && f.visibility === 'parties'))
      .map((f) => ({ id: f.id, filename: f.filename, size: f.size, mime: f.mime, digest: f.digest, createdAt: f.created_at.toISOString() })),
    documents: extras.documents.map((d) => ({ id: d.id, kind: d.kind, number: d.number, title: d.title, code: d.code, recipient: d.recipient, issuedAt: d.issued_at.toISOString() })),
    meeting:
      full && latestMeeting
        ? {
            id: latestMeeting,
            heldOn: participants[0]!.held_on,
            title: participants[0]!.title,
            participants: participants.map((p) => ({ userId: p.user_id, name: p.display_name, present: p.present, recused: p.recused, vote: p.vote, opinion: p.opinion })),
            tally: decision?.tally ?? null,
          }
        : null,
    timeline: extras.timeline
      .filter((e) => full || PARTY_TIMELINE.has(e.action))
      .map((e) => ({
        seq: Number(e.seq),
        at: e.occurred_at.toISOString(),
        actor: full ? e.actor : '',
        action: e.action,
        label: auditLabel(e.action) ?? { zh: e.action, en: e.action },
        data: full ? e.data : { from: e.data.from, to: e.data.to },
      })),
  };
}
