/**
 * Presenting matters of any procedure the same way: the deadline of the clock now running, and the
 * records, files, documents and timeline a viewer may see — the commission everything, the parties
 * what is shared with them (and the timeline without who did it or the event's data).
 */
import type { Deps } from '../../app/deps.ts';
import { matterExtras } from '../../db/queries/matters.ts';
import { auditLabel } from '../../domain/audit/catalogue.ts';
import { deadlineStatus, type DeadlineClock, type WorkingDayCalendar } from '../../domain/calendar/index.ts';
import type { MatterView } from '../../domain/matters/access.ts';
import { runningClock } from '../../domain/procedure/matter-types.ts';

/** The running clock's deadline of a matter of `type` in `status`, or null when none runs. */
export function presentMatterDeadline(
  type: string,
  status: string,
  clocks: unknown,
  calendar: WorkingDayCalendar,
  now: Date,
) {
  const kind = runningClock(type, status);
  const clock = kind ? (clocks as Partial<Record<string, DeadlineClock>>)[kind] : undefined;
  if (!kind || !clock) return null;
  const s = deadlineStatus(clock, calendar, now);
  return {
    kind,
    dueDate: s.dueDate,
    status: s.status,
    workingDaysRemaining: s.workingDaysRemaining,
    uncertain: s.uncertain,
    missingYears: s.missingYears,
  };
}

type Extras = Awaited<ReturnType<typeof matterExtras>>;

/** Records, files, documents and timeline of a matter as `view` may see them. */
export function presentExtras(deps: Pick<Deps, 'keyring'>, extras: Extras, view: MatterView) {
  const full = view === 'full';
  const party = view === 'party';
  const shared = (visibility: string) => full || (party && visibility === 'parties');
  const decrypt = (enc: string | null, context: string) => (enc ? deps.keyring.decrypt(enc, context) : null);
  return {
    records: extras.records
      .filter((r) => shared(r.visibility))
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        data: r.data,
        text: decrypt(r.text_enc, `matter_record:${r.id}`),
        createdAt: r.created_at.toISOString(),
        createdBy: full ? r.created_by_name : null,
      })),
    files: extras.files
      .filter((f) => shared(f.visibility))
      .map((f) => ({
        id: f.id,
        filename: f.filename,
        size: f.size,
        mime: f.mime,
        digest: f.digest,
        createdAt: f.created_at.toISOString(),
      })),
    documents: extras.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      number: d.number,
      title: d.title,
      code: d.code,
      recipient: d.recipient,
      issuedAt: d.issued_at.toISOString(),
    })),
    timeline: extras.timeline
      // The parties see the steps and documents, not who read what (downloads stay internal).
      .filter((e) => full || !e.action.endsWith('.downloaded'))
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
