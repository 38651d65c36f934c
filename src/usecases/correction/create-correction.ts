/**
 * Creating a correction matter, whichever way it is ordered: numbered 纠, the rectification clock
 * started on the order day, the order stored, `correction.opened` audited and the correction order
 * (纠错通知书) issued to the responsible unit — all in the caller's transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Deps } from '../../app/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { deadlineStatus, type DeadlineRule, type WorkingDayCalendar } from '../../domain/calendar/index.ts';
import type { LocalDate } from '../../domain/calendar/local-date.ts';
import { rectificationClock, type CorrectionClocks } from '../../domain/correction/clocks.ts';
import type { CorrectionRoute } from '../../domain/correction/procedure.ts';
import { correctionOrder, type CorrectionBasis } from '../../documents/templates/correction-order.ts';
import type { Cadre } from '../../documents/templates/common.ts';
import { issueDocument, issuerFor, nextDocumentNumber } from '../documents/issue-document.ts';
import { nextMatterNumber } from '../tolerance/open-matter.ts';
import { describeLimit } from '../tolerance/steps/wording.ts';
import type { StoredCorrectionOrder } from './order.ts';
import { ledgerCorrectionOrdered } from '../outcome-ledger/hooks.ts';

export type NewCorrection = {
  route: CorrectionRoute;
  jurisdiction: { id: string; code: string; name: string };
  policy: { id: string; version: string; lookBack: DeadlineRule };
  title: string;
  /** The error found (standalone); stored encrypted. */
  problem: string | null;
  unit: { id: string; name: string };
  /** The cadre the order concerns, if any. */
  cadre: (Cadre & { id: string }) | null;
  responsiblePerson: string;
  measures: string[];
  deadlineWorkingDays: number;
  orderedOn: LocalDate;
  /** The tolerance matter and determination the order came with. */
  tolerance: {
    matterId: string;
    determination: { id: string; number: string; title: string; date: LocalDate };
  } | null;
};

export type CorrectionWriter = {
  trx: Transaction<Database>;
  deps: Pick<Deps, 'keyring' | 'clock' | 'publicBaseUrl'>;
  user: UserWithGrants;
  now: Date;
  today: LocalDate;
  calendar: WorkingDayCalendar;
};

export async function createCorrection(
  w: CorrectionWriter,
  c: NewCorrection,
): Promise<{ id: string; number: string; documentId: string }> {
  const id = randomUUID();
  const clocks: CorrectionClocks = { rectification: rectificationClock(c.orderedOn, c.deadlineWorkingDays) };
  const deadline = deadlineStatus(clocks.rectification!, w.calendar, w.now).dueDate;
  const order: StoredCorrectionOrder = {
    origin: c.route,
    measures: c.measures,
    responsibleUnit: c.unit,
    responsiblePerson: c.responsiblePerson,
    deadlineWorkingDays: c.deadlineWorkingDays,
    orderedOn: c.orderedOn,
    deadline,
    determination: c.tolerance
      ? {
          id: c.tolerance.determination.id,
          number: c.tolerance.determination.number,
          title: c.tolerance.determination.title,
        }
      : null,
  };
  const number = await nextMatterNumber(w.trx, c.jurisdiction, 'correction', Number(w.today.slice(0, 4)));
  await w.trx
    .insertInto('matters')
    .values({
      id,
      type: 'correction',
      number,
      jurisdiction_id: c.jurisdiction.id,
      status: 'rectifying',
      route: c.route,
      subject_cadre_id: c.cadre?.id ?? null,
      subject_unit_id: c.unit.id,
      // Nobody on the commission is an applicant: the officer who ordered it must not be recused.
      applicant_user_id: null,
      title: c.title,
      summary_enc: c.problem ? w.deps.keyring.encrypt(c.problem, `matter.summary:${id}`) : null,
      policy_id: c.policy.id,
      policy_version: c.policy.version,
      decision: JSON.stringify(order),
      clocks: JSON.stringify(clocks),
      due_on: deadline,
      linked_matter_id: c.tolerance?.matterId ?? null,
      created_at: w.now,
      updated_at: w.now,
    })
    .execute();
  const actor = actorOf(w.user);
  await appendAudit(
    w.trx,
    {
      actor,
      action: 'correction.opened',
      entityType: 'matter',
      entityId: id,
      jurisdictionId: c.jurisdiction.id,
      data: {
        number,
        route: c.route,
        status: 'rectifying',
        deadline,
        toleranceMatterId: c.tolerance?.matterId ?? null,
        unitId: c.unit.id,
      },
    },
    w.now,
  );
  const basis: CorrectionBasis = c.tolerance
    ? {
        kind: 'determination',
        documentNumber: c.tolerance.determination.number,
        title: c.tolerance.determination.title,
        date: c.tolerance.determination.date,
      }
    : {
        kind: 'finding',
        matter: c.title,
        problems: (c.problem ?? '')
          .split(/\n+/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
  const document = correctionOrder({
    issuer: issuerFor(c.jurisdiction.name),
    documentNumber: await nextDocumentNumber(w.trx, c.jurisdiction, Number(w.today.slice(0, 4))),
    date: w.today,
    unit: c.unit.name,
    responsiblePerson: c.responsiblePerson,
    ...(c.cadre ? { cadre: { name: c.cadre.name, unit: c.cadre.unit, position: c.cadre.position } } : {}),
    basis,
    measures: c.measures,
    deadline,
    deadlineWorkingDays: c.deadlineWorkingDays,
    lookBack: describeLimit(c.policy.lookBack),
  });
  const issued = await issueDocument(w.trx, w.deps, {
    matterId: id,
    jurisdictionId: c.jurisdiction.id,
    document,
    recipient: 'unit',
    actor,
  });
  // 结果运用: an order about a cadre is an entry of its own, apart from any tolerance decision.
  if (c.cadre)
    await ledgerCorrectionOrdered(w, {
      matterId: id,
      cadreId: c.cadre.id,
      jurisdictionId: c.jurisdiction.id,
      title: c.title,
      responsibleUnit: c.unit.name,
      responsiblePerson: c.responsiblePerson,
      measures: c.measures,
      orderedOn: c.orderedOn,
      deadline,
      determinationNumber: c.tolerance?.determination.number ?? null,
      documentId: issued.id,
      policy: { id: c.policy.id, version: c.policy.version },
    });
  return { id, number, documentId: issued.id };
}
