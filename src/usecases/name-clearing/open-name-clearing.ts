/**
 * Opening a name clearing (DOMAIN §6): a case officer of the commission that verified the accusation
 * (谁核实、谁澄清) records it as concluded untrue — from a complaint recorded in the complaint-handling
 * system (its number) or entered by hand — and the clearing deadline starts from the day of that
 * conclusion. The allegation and the conclusion are stored encrypted; who accused is an internal,
 * encrypted record the cadre never sees. The cadre's unit is kept on the matter's facts only, so the
 * unit leader does not see the matter (see domain/name-clearing/access.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Deps } from '../../app/deps.ts';
import type { UserWithGrants } from '../../db/queries/principal.ts';
import { appendAudit } from '../../audit/append.ts';
import { actorOf } from '../../domain/access.ts';
import { deadlineStatus } from '../../domain/calendar/index.ts';
import { parseLocalDate, toBeijingDate } from '../../domain/calendar/local-date.ts';
import { DomainError } from '../../domain/errors.ts';
import { clearingClock, type NameClearingClocks } from '../../domain/name-clearing/clocks.ts';
import type { OpenNameClearingBody } from '../../contracts/name-clearing.ts';
import { effectivePolicy, jurisdictionChain, loadCalendar } from '../policy-context.ts';
import { addMatterRecord } from '../procedure/records.ts';
import { handlingJurisdiction, nextMatterNumber } from '../tolerance/open-matter.ts';
import { ACCUSER_RECORD, EMPTY_CLEARING, type StoredAccusation } from './stored.ts';

/**
 * @throws DomainError('auth.forbidden' | 'cadre.unknown' | 'procedure.recused' | 'date.invalid' |
 *   'name_clearing.complaint_number_required' | 'name_clearing.concluded_in_future' |
 *   'name_clearing.received_after_conclusion' | 'name_clearing.accuser_name_required' |
 *   'name_clearing.accuser_name_unexpected')
 */
export async function openNameClearing(
  deps: Deps,
  user: UserWithGrants,
  body: OpenNameClearingBody,
): Promise<{ id: string; number: string }> {
  if (!user.grants.some((g) => g.role === 'case_officer')) throw new DomainError('auth.forbidden');
  const cadre = await deps.db
    .selectFrom('cadres as c')
    .innerJoin('jurisdictions as j', 'j.id', 'c.jurisdiction_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.name', 'c.position', 'c.unit_id', 'u.name as unit_name', 'j.path'])
    .where('c.id', '=', body.subjectCadreId)
    .executeTakeFirst();
  // Out of the officer's jurisdiction reads like a missing cadre; nobody clears their own name.
  if (
    !cadre ||
    cadre.id === user.cadreId ||
    !user.grants.some((g) => g.role === 'case_officer' && cadre.path.startsWith(g.jurisdictionPath))
  )
    throw new DomainError('cadre.unknown', {}, 'subjectCadreId');
  const own = user.cadreId
    ? await deps.db.selectFrom('cadres').select('unit_id').where('id', '=', user.cadreId).executeTakeFirst()
    : undefined;
  if (own?.unit_id === cadre.unit_id) throw new DomainError('procedure.recused');

  const now = deps.clock.now();
  const today = toBeijingDate(now);
  const receivedOn = parseLocalDate(body.receivedOn, 'receivedOn');
  const concludedOn = parseLocalDate(body.concludedOn, 'concludedOn');
  if (concludedOn > today)
    throw new DomainError('name_clearing.concluded_in_future', { date: concludedOn }, 'concludedOn');
  if (receivedOn > concludedOn)
    throw new DomainError(
      'name_clearing.received_after_conclusion',
      { received: receivedOn, concluded: concludedOn },
      'receivedOn',
    );
  const complaintNumber = body.complaintNumber?.trim() || null;
  if (body.source === 'complaint_record' && !complaintNumber)
    throw new DomainError('name_clearing.complaint_number_required', {}, 'complaintNumber');
  const accuser = body.accuser;
  const accuserName = accuser.name?.trim() ?? '';
  if (!accuser.anonymous && !accuserName)
    throw new DomainError('name_clearing.accuser_name_required', {}, 'accuser.name');
  if (accuser.anonymous && (accuserName || accuser.contact?.trim()))
    throw new DomainError(
      'name_clearing.accuser_name_unexpected',
      {},
      accuserName ? 'accuser.name' : 'accuser.contact',
    );

  const handling = await handlingJurisdiction(deps, cadre.path);
  const jurisdiction = await deps.db
    .selectFrom('jurisdictions')
    .select(['id', 'code', 'name'])
    .where('id', '=', handling.id)
    .executeTakeFirstOrThrow();
  const policy = effectivePolicy(await jurisdictionChain(deps.db, jurisdiction.id), today);
  const calendar = await loadCalendar(deps.db);
  const clocks: NameClearingClocks = { clearing: clearingClock(policy.timeLimits.nameClearing, concludedOn) };
  const deadline = deadlineStatus(clocks.clearing!, calendar, now).dueDate;
  const facts: StoredAccusation = {
    source: body.source,
    complaintNumber,
    receivedOn,
    concludedOn,
    finding: body.finding,
    subjectUnit: { id: cadre.unit_id, name: cadre.unit_name },
    subjectPosition: cadre.position,
    accuserAnonymous: accuser.anonymous,
  };
  const id = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    const number = await nextMatterNumber(trx, jurisdiction, 'name_clearing', Number(today.slice(0, 4)));
    await trx
      .insertInto('matters')
      .values({
        id,
        type: 'name_clearing',
        number,
        jurisdiction_id: jurisdiction.id,
        status: 'trigger_check',
        route: body.source,
        subject_cadre_id: cadre.id,
        // Not the unit: its leader must not learn of the accusation through the matter (see above).
        subject_unit_id: null,
        // Nobody on the commission is an applicant: the officer who opened it must not be recused.
        applicant_user_id: null,
        title: body.title?.trim() || `关于${cadre.name}同志被反映问题的澄清正名`,
        summary_enc: deps.keyring.encrypt(body.allegation.trim(), `matter.summary:${id}`),
        policy_id: policy.id,
        policy_version: policy.version,
        facts: JSON.stringify(facts),
        decision: JSON.stringify(EMPTY_CLEARING),
        clocks: JSON.stringify(clocks),
        due_on: deadline,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const writer = { trx, deps, user, now };
    await addMatterRecord(writer, id, {
      kind: 'conclusion',
      visibility: 'parties',
      data: { finding: body.finding, concludedOn },
      text: body.conclusion.trim(),
    });
    // An anonymous report may still come with a note (how it arrived); the record holds both.
    if (!accuser.anonymous || accuser.note?.trim())
      await addMatterRecord(writer, id, {
        kind: ACCUSER_RECORD,
        visibility: 'internal',
        data: {},
        text: JSON.stringify({
          name: accuserName || null,
          contact: accuser.contact?.trim() || null,
          note: accuser.note?.trim() || null,
        }),
      });
    await appendAudit(
      trx,
      {
        actor: actorOf(user),
        action: 'name_clearing.opened',
        entityType: 'matter',
        entityId: id,
        jurisdictionId: jurisdiction.id,
        data: {
          number,
          source: body.source,
          status: 'trigger_check',
          concludedOn,
          deadline,
          anonymous: accuser.anonymous,
        },
      },
      now,
    );
    return { id, number };
  });
}
