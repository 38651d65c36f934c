/**
 * 事前报备 end to end through the API on both engines: a unit files a risky initiative with its
 * minutes attached, the commission acknowledges it within the first-review time with a receipt that
 * seals the filing's SM3 digest and the time and verifies publicly; a later tolerance matter on the
 * same initiative links to it and the engine's fact comes from the link, not from what was typed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { sm3Hex } from '../../src/crypto/sm3.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { filingCanonicalText } from '../../src/domain/pre-registration/filing.ts';
import type { App } from '../../src/server/build-app.ts';
import { tinyPdf } from '../../src/uploads/test-files.ts';
import { CorrectionFlow } from '../support/correction-flow.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';
import { EXEMPT_FACTS } from '../support/tolerance-flow.ts';

const INITIATIVE = '村集体土地经营权入股农业企业试点';
const FILING = {
  route: 'unit_filing',
  title: INITIATIVE,
  description: '拟以三个村的集体土地经营权入股县内农业龙头企业，按股分红。',
  category: '改革创新',
  legalGap: '土地经营权入股的具体程序和收益分配尚无县级规定。',
  risks: [
    {
      risk: '入股企业经营失败导致集体资产损失',
      controls: '设置保底收益，入股前经村民代表大会表决并进行资产评估',
    },
  ],
  collectiveDecision: { body: '城关镇党委会', heldOn: '2026-02-26', reference: '城党会〔2026〕3号' },
  plannedStartOn: '2026-03-20',
  responsiblePerson: '李华',
};

describe.each(ENGINES)('pre-registration on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: CorrectionFlow;
  let filingId: string;
  let filingNumber: string;
  let receipt: { documentId: string; code: string; filingDigest: string; sealedAt: string };

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new CorrectionFlow(app, platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('lets a unit draft a filing privately, attach its minutes, revise it and file it before acting', async () => {
    const opened = await flow.post('unit', '/api/pre-registrations', FILING);
    expect(opened.statusCode, opened.body).toBe(201);
    ({ id: filingId, number: filingNumber } = opened.json<{ id: string; number: string }>());
    expect(filingNumber).toMatch(/^K备〔2026〕\d+号$/);
    expect((await flow.get('officer', `/api/pre-registrations/${filingId}`)).statusCode).toBe(404);
    const draft = await flow.preRegistration('unit', filingId);
    expect(draft.matter).toMatchObject({
      status: 'draft',
      route: 'unit_filing',
      subject: null,
      filing: { plannedStartOn: '2026-03-20', collectiveDecision: { reference: '城党会〔2026〕3号' } },
    });
    expect(draft.allowedActions.map((a) => a.action).sort()).toEqual([
      'add_evidence',
      'revise',
      'submit',
      'withdraw',
    ]);

    const attached = await flow.upload(
      'unit',
      `/api/pre-registrations/${filingId}/attachments`,
      '党委会会议纪要.pdf',
      '会议纪要',
    );
    expect(attached.statusCode, attached.body).toBe(201);
    const revised = (
      await flow.file('unit', filingId, 'revise', {
        legalGap: '土地经营权入股的程序、收益分配和退出机制尚无县级规定。',
      })
    ).json();
    expect(revised.matter.filing).toMatchObject({
      legalGap: '土地经营权入股的程序、收益分配和退出机制尚无县级规定。',
      category: '改革创新',
    });
    expect((await flow.file('unit', filingId, 'revise', {}, 400)).json().code).toBe('request.invalid');

    const filed = (await flow.file('unit', filingId, 'submit', { note: '请予备案。' })).json();
    // 初审 within one working day (K County inherits the default): filed Monday, due Tuesday.
    expect(filed.matter).toMatchObject({
      status: 'submitted',
      statusLabel: { zh: '待初审' },
      deadline: { kind: 'review', dueDate: '2026-03-03' },
    });
    const inbox = (await flow.get('officer', '/api/matters?type=pre_registration')).json<{
      items: { id: string; deadline: unknown; statusLabel: unknown }[];
    }>();
    expect(inbox.items.find((i) => i.id === filingId)).toMatchObject({
      statusLabel: { zh: '待初审', en: 'Awaiting first review' },
      deadline: { kind: 'review', dueDate: '2026-03-03' },
    });
    // 张明 works elsewhere: the unit's filing answers like a missing one.
    expect((await flow.get('cadre', `/api/pre-registrations/${filingId}`)).statusCode).toBe(404);
  });

  it('acknowledges within the review time with a receipt sealing the filing’s SM3 digest and the server’s time', async () => {
    flow.setDay('2026-03-03');
    const acknowledged = (
      await flow.file('officer', filingId, 'acknowledge', {
        opinion: '风险防控措施基本可行。\n实施中请每月报告进展。',
      })
    ).json();
    expect(acknowledged.matter).toMatchObject({
      status: 'acknowledged',
      deadline: null,
      review: { result: 'acknowledged', reviewedOn: '2026-03-03', onTime: true },
    });
    receipt = acknowledged.matter.review.receipt;
    expect(receipt.sealedAt).toBe('2026-03-03T01:00:00.000Z');

    // The digest is of the filing as filed — its text, fields and the minutes' own SM3 digest.
    const stored = await platform.deps.db
      .selectFrom('matters')
      .select('facts')
      .where('id', '=', filingId)
      .executeTakeFirstOrThrow();
    const unitName = DEMO_PEOPLE.unitLeader.unitName;
    const expected = sm3Hex(
      filingCanonicalText({
        number: filingNumber,
        title: INITIATIVE,
        description: FILING.description,
        filer: { kind: 'unit', name: unitName, unit: unitName },
        filing: stored.facts as never,
        attachments: [{ filename: '党委会会议纪要.pdf', digest: sm3Hex(tinyPdf('会议纪要')) }],
        filedOn: '2026-03-02' as never,
      }),
    );
    expect(receipt.filingDigest).toBe(expected);
    const event = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', filingId)
      .where('action', '=', 'pre_registration.acknowledge')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({
      from: 'submitted',
      to: 'acknowledged',
      onTime: true,
      filingDigest: expected,
      attachments: 1,
    });
    // What was sealed can no longer change.
    expect(
      (await flow.upload('unit', `/api/pre-registrations/${filingId}/attachments`, '补充.pdf', '补充'))
        .statusCode,
    ).toBe(409);
    await flow.file('unit', filingId, 'revise', { legalGap: '改动' }, 409);
  });

  it('renders the receipt, saying filing is not immunity, and verifies it publicly by code', async () => {
    const pdf = await flow.get('unit', `/api/documents/${receipt.documentId}.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-receipt-')), 'receipt.pdf');
    fs.writeFileSync(file, pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    for (const expected of [
      `关于“${INITIATIVE}”事前报备的回执`,
      receipt.filingDigest,
      '2026年3月3日09时00分00秒',
      '事前报备不等于免责',
      '初审意见：风险防控措施基本可行。',
      receipt.code,
    ])
      expect(text).toContain(expected);
    const verified = await app.inject({ url: `/api/verify?code=${receipt.code}`, remoteAddress: '10.2.0.1' });
    expect(verified.json()).toMatchObject({
      valid: true,
      status: 'valid',
      document: { kind: 'pre_registration_receipt', title: `关于“${INITIATIVE}”事前报备的回执` },
    });
  });

  it('links a later tolerance matter on the same initiative; the engine’s fact comes from the link, not what was typed', async () => {
    flow.setDay('2026-04-01');
    const subjectCadreId = await flow.unitCadreId();
    const base = {
      title: '关于土地经营权入股试点出现亏损的容错申请',
      summary: '入股企业因市场波动出现亏损。',
      conductDate: '2026-03-25',
      submit: true,
    };
    const other = await flow.post('cadre', '/api/matters', {
      ...base,
      route: 'own_application',
      preRegistrationId: filingId,
    });
    expect(other.json()).toMatchObject({ code: 'pre_registration.link_invalid', field: 'preRegistrationId' });
    const unnamed = await flow.post('unit', '/api/matters', {
      ...base,
      route: 'pre_registration',
      subjectCadreId,
    });
    expect(unnamed.json()).toMatchObject({
      code: 'pre_registration.link_required',
      field: 'preRegistrationId',
    });

    // K County 2024: S2 pilots need pre-registration; typed 'not_filed' alone would allow only mitigation.
    const pilot = {
      ...EXEMPT_FACTS,
      conductDate: '2026-03-25',
      situations: ['S2'],
      preRegistration: 'not_filed',
    };
    const open = async (link: boolean) => {
      const res = await flow.post('unit', '/api/matters', {
        ...base,
        route: link ? 'pre_registration' : 'unit_application',
        subjectCadreId,
        ...(link ? { preRegistrationId: filingId } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      const { id } = res.json<{ id: string }>();
      await flow.act('officer', id, 'accept');
      const recorded = (
        await flow.act('officer', id, 'record_facts', {
          facts: pilot,
          findings: '入股经事前报备，风险防控措施已落实。',
        })
      ).json();
      return { id, matter: recorded.matter };
    };
    const linked = await open(true);
    expect(linked.matter.facts).toMatchObject({
      route: 'pre_registration',
      preRegistration: 'filed_acknowledged',
    });
    expect(linked.matter.recommendation).toMatchObject({
      recommendation: 'exempt',
      policy: { id: 'k-county', version: '2024-01-01' },
    });
    const factsEvent = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', linked.id)
      .where('action', '=', 'tolerance.record_facts')
      .executeTakeFirstOrThrow();
    expect(factsEvent.data).toMatchObject({ preRegistrationFromLink: true, recommendation: 'exempt' });
    const unlinked = await open(false);
    expect(unlinked.matter.facts.preRegistration).toBe('not_filed');
    expect(unlinked.matter.recommendation.recommendation).toBe('mitigate');
    expect(unlinked.matter.recommendation.reasons.map((r: { rule: string }) => r.rule)).toContain(
      'pre_registration_missing',
    );

    const seen = await flow.preRegistration('officer', filingId);
    expect((seen.matter.linkedMatters as { id: string }[]).map((m) => m.id)).toEqual([linked.id]);
  });

  it('files only before acting, returns with reasons (late, as recorded), and acknowledges the revised filing', async () => {
    const own = {
      ...FILING,
      route: 'own_filing',
      title: '村级光伏项目先行建设',
      collectiveDecision: undefined,
    };
    const late = await flow.post('cadre', '/api/pre-registrations', {
      ...own,
      plannedStartOn: '2026-03-30',
      submit: true,
    });
    expect(late.json()).toMatchObject({
      code: 'pre_registration.not_before_acting',
      field: 'plannedStartOn',
    });
    const opened = await flow.post('cadre', '/api/pre-registrations', {
      ...own,
      plannedStartOn: '2026-04-20',
      submit: true,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const { id } = opened.json<{ id: string }>();
    expect((await flow.preRegistration('cadre', id)).matter).toMatchObject({
      subject: { id: DEMO_PEOPLE.cadre.cadreId },
      deadline: { dueDate: '2026-04-02' },
    });

    flow.setDay('2026-04-03');
    const returned = (
      await flow.file('officer', id, 'return_filing', { reasons: '未附集体研究材料。' })
    ).json();
    expect(returned.matter).toMatchObject({
      status: 'returned',
      review: { result: 'returned', onTime: false, receipt: null },
      deadline: null,
    });
    const party = await flow.preRegistration('cadre', id);
    expect(party.records.find((r) => r.kind === 'review')).toMatchObject({
      data: { result: 'returned', onTime: false },
      text: '未附集体研究材料。',
    });
    await flow.file('cadre', id, 'revise', {
      collectiveDecision: { body: '县农业农村局党组会', heldOn: '2026-04-02' },
      plannedStartOn: '2026-04-27',
    });
    const refiled = (await flow.file('cadre', id, 'submit')).json();
    // Filed again on Friday 04-03: Qingming (04-04…06) pushes the review to Tuesday.
    expect(refiled.matter).toMatchObject({ status: 'submitted', deadline: { dueDate: '2026-04-07' } });
    flow.setDay('2026-04-07');
    const acknowledged = (await flow.file('officer', id, 'acknowledge', {})).json();
    expect(acknowledged.matter.review).toMatchObject({ result: 'acknowledged', onTime: true });
    const doc = acknowledged.documents.find((d: { kind: string }) => d.kind === 'pre_registration_receipt');
    const stored = await platform.deps.db
      .selectFrom('documents')
      .select('content')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored.content)).toContain('张明同志');
    expect(JSON.stringify(stored.content)).toContain('你于2026年4月3日报送的');
  });

  it('refuses to link a filing that was never filed, and lets the filer withdraw it', async () => {
    const draft = await flow.post('cadre', '/api/pre-registrations', {
      ...FILING,
      route: 'own_filing',
      title: '草稿',
      plannedStartOn: '2026-05-06',
    });
    const { id } = draft.json<{ id: string }>();
    const link = await flow.post('cadre', '/api/matters', {
      route: 'pre_registration',
      subjectCadreId: DEMO_PEOPLE.cadre.cadreId,
      title: '申请',
      summary: '说明',
      preRegistrationId: id,
    });
    expect(link.json()).toMatchObject({ code: 'pre_registration.not_filed', field: 'preRegistrationId' });
    const withdrawn = (await flow.file('cadre', id, 'withdraw', { reason: '不再实施。' })).json();
    expect(withdrawn.matter.status).toBe('withdrawn');
    expect(withdrawn.allowedActions).toEqual([]);
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(platform.deps.db)).ok).toBe(true);
  });
});
