/**
 * 结果运用台账 (issue 8 item 1, DESIGN §3.9, DOMAIN §5.1, §9) on both engines, driven through the real
 * API: every outcome writes a per-cadre ledger entry in the decision's own transaction — with its
 * effects, dates, source and policy version — tolerance, correction and name clearing stay separate
 * entries, a later decision supersedes an earlier one without editing it, a sanction carries its
 * block dates; the organisation department reads and exports the entries of its jurisdictions, a
 * cadre only their own, and nobody outside the scope sees anything.
 */
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { DEMO_PASSWORD } from '../../src/db/seed/load-demo.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { backfillOutcomeLedger } from '../../src/usecases/outcome-ledger/backfill.ts';
import type { OutcomeEntry } from '../../src/contracts/outcome-ledger.ts';
import type { App } from '../../src/server/build-app.ts';
import { accusation, NameClearingFlow } from '../support/name-clearing-flow.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';

type List = { items: OutcomeEntry[]; total: number };

describe.each(ENGINES)('outcome ledger on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: NameClearingFlow;

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new NameClearingFlow(app, platform);
    // L County's organisation department: a reader of the ledger, but not of K County's.
    await addUser(platform.deps, SYSTEM_ACTOR, {
      username: 'orgdept_l',
      displayName: 'L县组织部',
      password: DEMO_PASSWORD,
      roles: [{ role: 'org_dept', jurisdictionCode: 'L' }],
    });
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  const ledger = async (user: string, query = '') => {
    const res = await flow.get(user, `/api/outcome-ledger${query ? `?${query}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<List>();
  };
  const ofMatter = async (matterId: string) =>
    (await ledger('orgdept', 'pageSize=200')).items.filter((e) => e.source.matterId === matterId);

  it('writes the decision’s entry as it takes effect: no negative evaluation in assessment, commendation and promotion, no block', async () => {
    flow.setDay('2026-03-02');
    const id = await flow.decided();
    const [entry, ...others] = await ofMatter(id);
    expect(others).toEqual([]);
    const determination = (await flow.detail('officer', id)).documents.find(
      (d) => d.kind === 'tolerance_exempt',
    )!;
    expect(entry).toMatchObject({
      kind: 'tolerance_decision',
      headline: { zh: '容错免责' },
      cadre: { id: DEMO_PEOPLE.cadre.cadreId, name: '张明' },
      effectiveFrom: '2026-03-02',
      effectiveUntil: null,
      scope: '在老旧小区改造中先行垫资启动施工',
      source: {
        matterId: id,
        matterType: 'tolerance',
        documentId: determination.id,
        documentNumber: determination.number,
      },
      policy: { id: expect.any(String), version: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      supersedes: null,
      supersededBy: null,
      inForce: true,
    });
    expect(entry!.effects.map((e) => e.code)).toEqual([
      'liability_exempted',
      'no_negative_evaluation',
      'no_influence_block',
    ]);
    const areas = entry!.effects.find((e) => e.code === 'no_negative_evaluation')!.areas.map((a) => a.code);
    expect(areas).toEqual(expect.arrayContaining(['annual_assessment', 'commendation', 'promotion']));
    expect(entry!.effects[1]!.label.zh).toBe(
      '在年度考核、评先评优、选拔任用、职级晋升、后备干部及代表委员资格中不作负面评价',
    );
    // Recorded in the decision's transaction, audited right beside it.
    const events = await platform.deps.db
      .selectFrom('audit_events')
      .select(['action', 'seq', 'entity_id', 'data'])
      .where('occurred_at', '=', platform.clock.now())
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['tolerance.decide', 'outcome_ledger.recorded']),
    );
    expect(events.find((e) => e.action === 'outcome_ledger.recorded')).toMatchObject({
      entity_id: entry!.id,
      data: { kind: 'tolerance_decision', cadreId: DEMO_PEOPLE.cadre.cadreId, supersedes: null },
    });
    // The cadre reads it in plain words.
    const mine = await ledger('cadre');
    expect(mine.items.find((e) => e.id === entry!.id)!.plain.zh).toContain(
      '予以容错免责。您在年度考核、评先评优、选拔任用',
    );
  });

  it('refuses to change or delete an entry: the ledger is append-only', async () => {
    const row = await platform.deps.db
      .selectFrom('outcome_ledger')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await expect(
      sql`update outcome_ledger set scope = 'changed' where id = ${row.id}`.execute(platform.deps.db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from outcome_ledger where id = ${row.id}`.execute(platform.deps.db),
    ).rejects.toThrow(/append-only/);
  });

  it('keeps tolerance and correction apart; a reopening ends the correction and the new decision supersedes the old one', async () => {
    flow.setDay('2026-03-05');
    const toleranceId = await flow.decidedWithCorrection({ deadlineWorkingDays: 3 });
    await flow.act('officer', toleranceId, 'notify');
    const correctionId = await flow.correctionOf(toleranceId);
    const [decision] = await ofMatter(toleranceId);
    const [order] = await ofMatter(correctionId);
    expect(decision).toMatchObject({
      kind: 'tolerance_decision',
      headline: { zh: '容错免责' },
      inForce: true,
    });
    expect(order).toMatchObject({
      kind: 'correction_ordered',
      effectiveFrom: '2026-03-05',
      effectiveUntil: '2026-03-10',
      inForce: true,
    });
    expect(order!.effects[0]).toMatchObject({ code: 'correction_required', until: '2026-03-10' });
    expect(order!.cadre.id).toBe(decision!.cadre.id);

    flow.setDay('2026-03-11');
    await flow.correct('officer', correctionId, 'escalate', { note: '逾期未报告整改情况。' });
    await flow.act('leader', toleranceId, 'reopen', {
      reason: '责任单位逾期未纠错，提请常委会重新研究容错认定。',
    });
    const correctionEntries = await ofMatter(correctionId);
    const ended = correctionEntries.find((e) => e.kind === 'correction_terminated')!;
    expect(ended).toMatchObject({
      supersedes: order!.id,
      inForce: true,
      headline: { zh: '纠错终止（容错认定重新研究）' },
    });
    expect(correctionEntries.find((e) => e.id === order!.id)).toMatchObject({
      inForce: false,
      supersededBy: { id: ended.id },
    });
    // The decision in force stays until the committee decides again.
    expect((await ofMatter(toleranceId)).map((e) => [e.kind, e.inForce])).toEqual([
      ['tolerance_decision', true],
    ]);

    await flow.convene(toleranceId, ['leader', 'committee1', 'committee2', 'committee3']);
    await flow.vote(toleranceId, ['committee1', 'committee2', 'committee3', 'leader'], 'refuse');
    await flow.act('leader', toleranceId, 'decide', {
      minutes: '责任单位逾期不纠错，不予容错。',
      departureReason: '责令纠错后逾期未整改，不再符合容错条件。',
    });
    const after = await ofMatter(toleranceId);
    const redecided = after.find((e) => e.supersedes === decision!.id)!;
    expect(redecided).toMatchObject({
      headline: { zh: '不予容错（重新研究后决定）' },
      effectiveFrom: '2026-03-11',
      inForce: true,
    });
    expect(redecided.effects.map((e) => e.code)).toEqual(['liability_pursued']);
    // The earlier entry is unchanged, only marked as replaced.
    const earlier = after.find((e) => e.id === decision!.id)!;
    expect({ ...earlier, supersededBy: null, inForce: true, plain: decision!.plain }).toEqual(decision);
    expect(earlier.plain.zh).toContain('此项已被 2026-03-11 的新决定取代');
    // Filters: what is in force, and what was replaced.
    const inForce = await ledger('orgdept', `status=in_force&cadreId=${decision!.cadre.id}&pageSize=200`);
    expect(inForce.items.map((e) => e.id)).toEqual(expect.arrayContaining([redecided.id, ended.id]));
    expect(inForce.items.map((e) => e.id)).not.toContain(decision!.id);
    const replaced = await ledger('orgdept', `status=superseded&cadreId=${decision!.cadre.id}`);
    expect(replaced.items.map((e) => e.id).sort()).toEqual([decision!.id, order!.id].sort());
  });

  it('a review answer supersedes the decision: refused, then mitigated on appeal (never heavier)', async () => {
    flow.setDay('2026-03-12');
    const id = await flow.awaitingDecision();
    await flow.convene(id, ['leader', 'committee1', 'committee2', 'committee3']);
    await flow.vote(id, ['committee1', 'committee2', 'committee3', 'leader'], 'refuse');
    await flow.act('leader', id, 'decide', {
      minutes: '不予容错。',
      departureReason: '垫资事项未履行报批程序。',
    });
    await flow.act('officer', id, 'notify');
    await flow.act('cadre', id, 'acknowledge_receipt');
    await flow.act('cadre', id, 'appeal', {
      appealType: 'party_accountability',
      contested: 'tolerance',
      grounds: '垫资经镇党委会研究，已及时收回。',
    });
    const panel = await Promise.all(['committee4', 'committee5'].map((u) => flow.userId(u)));
    await flow.act('leader', id, 'assign_review_panel', { members: panel });
    await flow.act('committee4', id, 'review_decide', {
      result: 'changed',
      outcome: 'mitigate',
      measure: '予以诫勉谈话',
      reasons: '当事人出于公心，损失已挽回，予以容错减责。',
    });
    const entries = await ofMatter(id);
    const review = entries.find((e) => e.supersedes !== null)!;
    expect(review).toMatchObject({
      headline: { zh: '容错减责（复核变更）' },
      inForce: true,
      effectiveFrom: '2026-03-12',
    });
    expect(review.effects[0]).toMatchObject({ code: 'liability_mitigated', detail: '予以诫勉谈话' });
    expect(review.source.documentNumber).toBeTruthy();
    expect(entries.find((e) => e.id === review.supersedes)).toMatchObject({
      headline: { zh: '不予容错' },
      inForce: false,
    });
  });

  it('a sanction gives the block dates: from the effective day to the last day of its period', async () => {
    flow.setDay('2026-03-16');
    const unitCadre = await flow.unitCadreId();
    const res = await flow.post('officer', `/api/cadres/${unitCadre}/sanctions`, {
      type: 'public_demerit',
      decidedOn: '2026-03-10',
      effectiveOn: '2026-03-10',
      decidedBy: 'K县监察委员会',
      documentNumber: 'K监处〔2026〕2号',
    });
    expect(res.statusCode, res.body).toBe(201);
    const sanctionId = res.json<{ id: string }>().id;
    const { items } = await ledger('orgdept', `kind=sanction&cadreId=${unitCadre}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'sanction',
      effectiveFrom: '2026-03-10',
      effectiveUntil: '2027-03-09',
      headline: { zh: '记过（影响期至 2027-03-09）' },
      source: { sanctionId, documentNumber: 'K监处〔2026〕2号', documentId: null },
    });
    expect(items[0]!.effects[0]).toMatchObject({
      code: 'influence_period',
      from: '2026-03-10',
      until: '2027-03-09',
      blocks: [
        { code: 'inspection_listing' },
        { code: 'promotion' },
        { code: 'rank_promotion' },
        { code: 'salary_step' },
      ],
    });
  });

  it('a name clearing is an entry of its own, with its forms and reach', async () => {
    flow.setDay('2026-03-17');
    const id = await flow.open(accusation({ concludedOn: '2026-03-17' }));
    await flow.approved(id);
    await flow.clear('officer', id, 'execute', {
      executedOn: '2026-03-17',
      forms: ['written', 'meeting'],
      scope: 'unit',
      details: '在城关镇党委会议上宣读了澄清正名书。',
    });
    const [entry] = await ofMatter(id);
    expect(entry).toMatchObject({
      kind: 'name_cleared',
      effectiveFrom: '2026-03-17',
      cadre: { name: '张明' },
    });
    expect(entry!.effects.map((e) => e.label.zh)).toEqual([
      '已澄清正名（书面澄清、会议澄清；本人所在单位范围内）',
      '失实举报不作为年度考核、评先评优、选拔任用、职级晋升、后备干部及代表委员资格的依据',
    ]);
  });

  it('a cadre sees only their own entries; outside the scope nothing is seen, and other roles are refused', async () => {
    const mine = await ledger('cadre', 'pageSize=200');
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((e) => e.cadre.id))).toEqual(new Set([DEMO_PEOPLE.cadre.cadreId]));
    const all = await ledger('orgdept', 'pageSize=200');
    expect(all.total).toBeGreaterThan(mine.total);
    const other = all.items.find((e) => e.cadre.id !== DEMO_PEOPLE.cadre.cadreId)!;
    expect((await flow.get('cadre', `/api/cadres/${other.cadre.id}/outcome-ledger`)).statusCode).toBe(404);
    const own = await flow.get('cadre', `/api/cadres/${DEMO_PEOPLE.cadre.cadreId}/outcome-ledger`);
    expect(
      own
        .json<{ items: OutcomeEntry[] }>()
        .items.map((e) => e.id)
        .sort(),
    ).toEqual(mine.items.map((e) => e.id).sort());
    // L County's organisation department: nothing of K County.
    expect(await ledger('orgdept_l')).toMatchObject({ items: [], total: 0 });
    expect((await flow.get('orgdept_l', `/api/cadres/${other.cadre.id}/outcome-ledger`)).statusCode).toBe(
      404,
    );
    expect((await flow.get('orgdept_l', '/api/outcomes')).json()).toMatchObject({
      items: [],
      hasMore: false,
    });
    // The commission writes outcomes but does not read the organisation department's ledger.
    for (const user of ['officer', 'supervisor', 'admin', 'unit']) {
      const res = await flow.get(user, '/api/outcome-ledger');
      expect(res.statusCode, user).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.forbidden', message: '无权执行此操作' });
    }
    // Filters: the cadre's name, the kind and the dates.
    const byName = await ledger('orgdept', `q=${encodeURIComponent('张明')}&pageSize=200`);
    expect(byName.items.every((e) => e.cadre.name === '张明')).toBe(true);
    const inMarch = await ledger('orgdept', 'from=2026-03-12&to=2026-03-16&pageSize=200');
    expect(
      inMarch.items.every((e) => e.effectiveFrom >= '2026-03-10' && e.effectiveFrom <= '2026-03-16'),
    ).toBe(true);
    const bad = await flow.get('orgdept', '/api/outcome-ledger?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
  });

  it('exports the organisation department’s ledger to Excel with Chinese headers (audited); others may not', async () => {
    const res = await flow.get('orgdept', '/api/outcome-ledger/export.xlsx?kind=tolerance_decision');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('结果运用台账.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('结果运用台账')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 8)).toEqual([
      '序号',
      '姓名',
      '身份证号（脱敏）',
      '单位',
      '职务',
      '类别',
      '结果',
      '运用效力',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['生效日期', '截止日期', '来源事项', '文书文号', '政策版本', '状态']),
    );
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => (r.values as string[]).slice(1));
    const list = await ledger('orgdept', 'kind=tolerance_decision&pageSize=200');
    expect(rows).toHaveLength(list.total);
    expect(rows.every((r) => r[5] === '容错认定')).toBe(true);
    expect(rows.some((r) => r[14] === '已被取代')).toBe(true);
    // ID numbers stay masked.
    expect(rows.every((r) => /\*{4,}/.test(r[2]!))).toBe(true);
    const audit = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'outcome_ledger.exported')
      .executeTakeFirstOrThrow();
    expect(audit.data).toMatchObject({ rows: list.total, filters: { kind: 'tolerance_decision' } });
    expect((await flow.get('cadre', '/api/outcome-ledger/export.xlsx')).statusCode).toBe(403);
    expect((await flow.get('orgdept_l', '/api/outcome-ledger/export.xlsx')).statusCode).toBe(200);
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });

  it('backfills, once, the same ledger from what was decided before it existed (an upgraded installation)', async () => {
    // What the decisions wrote live, as a chain-independent projection.
    const project = (items: OutcomeEntry[]) => {
      const byId = new Map(items.map((e) => [e.id, e]));
      const keyOf = (e: OutcomeEntry) => `${e.kind}|${e.source.matterId}|${e.source.sanctionId}|${e.effectiveFrom}`;
      return items
        .map((e) => ({
          key: keyOf(e),
          cadre: e.cadre.id,
          headline: e.headline,
          effects: e.effects,
          effectiveUntil: e.effectiveUntil,
          scope: e.scope,
          source: e.source,
          policy: e.policy,
          inForce: e.inForce,
          supersedes: e.supersedes ? keyOf(byId.get(e.supersedes)!) : null,
        }))
        .sort((a, b) => a.key.localeCompare(b.key));
    };
    const live = project((await ledger('orgdept', 'pageSize=200')).items);
    // The state before the upgrade: no ledger (TRUNCATE is not seen by the append-only row trigger).
    await sql`truncate table webhook_delivery_attempts, webhook_outbox, outcome_ledger`.execute(platform.deps.db);
    await sql`update outcome_ledger_head set seq = 0`.execute(platform.deps.db);
    expect((await ledger('orgdept')).total).toBe(0);

    const written = await backfillOutcomeLedger(platform.deps);
    expect(written).toBe(live.length);
    expect(project((await ledger('orgdept', 'pageSize=200')).items)).toEqual(live);
    // Once: a second start (or a second node) does nothing.
    expect(await backfillOutcomeLedger(platform.deps)).toBe(0);
    expect((await ledger('orgdept', 'pageSize=200')).total).toBe(live.length);
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
