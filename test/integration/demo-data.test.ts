import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { createTestApp, createTestPlatform, signIn, type TestPlatform } from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { TOLERANCE_STATES } from '../../src/domain/tolerance/procedure.ts';

describe('K County demo data (PGlite)', () => {
  let platform: TestPlatform;
  let app: App;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { seed: 'with-matters', now: '2026-11-27T09:00:00+08:00' });
    app = await createTestApp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('has matters in every state but higher approval (no shipped policy requires it), made through the real steps', async () => {
    const rows = await platform.handle.db.selectFrom('matters').select(['status']).where('type', '=', 'tolerance').execute();
    const states = new Set(rows.map((r) => r.status));
    const expected = Object.keys(TOLERANCE_STATES).filter((s) => s !== 'awaiting_approval');
    expect([...states].sort()).toEqual(expected.sort());
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });

  it('gives each role a living workspace: the officer an inbox with deadlines, the cadre their own matters only', async () => {
    const officer = await signIn(app, 'officer');
    const inbox = (await app.inject({ url: '/api/matters?pageSize=100', cookies: officer.cookies })).json();
    expect(inbox.total).toBeGreaterThanOrEqual(15);
    expect(inbox.items.some((m: { deadline: { status: string } | null }) => m.deadline?.status === 'overdue')).toBe(true);
    const cadre = await signIn(app, 'cadre');
    const own = (await app.inject({ url: '/api/matters?type=tolerance', cookies: cadre.cookies })).json();
    expect(own.total).toBe(4);
    expect(own.items.every((m: { subject: { name: string } }) => m.subject.name === '张明')).toBe(true);
    const notified = own.items.find((m: { status: string }) => m.status === 'notified');
    const detail = (await app.inject({ url: `/api/matters/${notified.id}`, cookies: cadre.cookies })).json();
    expect(detail.allowedActions.map((a: { action: string }) => a.action)).toContain('appeal');
    expect(detail.documents.length).toBeGreaterThan(0);
    expect(detail.meeting).toBeNull();
  });

  it('lists the deciding body for a matter, with who must recuse', async () => {
    const officer = await signIn(app, 'officer');
    const inbox = (await app.inject({ url: '/api/matters?status=awaiting_decision', cookies: officer.cookies })).json();
    const id = inbox.items[0].id as string;
    const res = await app.inject({ url: `/api/matters/${id}/committee`, cookies: officer.cookies });
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((m: { name: string }) => m.name);
    expect(names).toEqual(expect.arrayContaining(['陈刚', '刘洋', '赵敏', '孙伟', '周静', '吴军']));
    const cadre = await signIn(app, 'cadre');
    expect((await app.inject({ url: `/api/matters/${id}/committee`, cookies: cadre.cookies })).statusCode).toBe(404);
  });

  it('has live pre-registrations: acknowledged with its receipt and a linked matter, one overdue for first review, one returned', async () => {
    const officer = await signIn(app, 'officer');
    const get = async (url: string, cookies = officer.cookies) => {
      const res = await app.inject({ url, cookies });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const list = await get('/api/matters?type=pre_registration&pageSize=50');
    const byStatus = (status: string) => list.items.filter((i: { status: string }) => i.status === status);
    expect(list.items.map((i: { status: string }) => i.status).sort()).toEqual(['acknowledged', 'returned', 'submitted']);
    expect(byStatus('submitted')[0].deadline).toMatchObject({ kind: 'review', status: 'overdue' });

    const acknowledged = await get(`/api/pre-registrations/${byStatus('acknowledged')[0].id}`);
    expect(acknowledged.documents.map((d: { kind: string }) => d.kind)).toContain('pre_registration_receipt');
    expect(acknowledged.files.length).toBe(1);
    const linked = acknowledged.matter.linkedMatters as { id: string }[];
    expect(linked.length).toBe(1);
    const pilot = await get(`/api/matters/${linked[0]!.id}`);
    // Typed 'not_filed'; the acknowledged filing decides the fact.
    expect(pilot.matter.facts).toMatchObject({ route: 'pre_registration', preRegistration: 'filed_acknowledged' });
    const factsEvent = await platform.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('entity_id', '=', linked[0]!.id)
      .where('action', '=', 'tolerance.record_facts')
      .executeTakeFirstOrThrow();
    expect(factsEvent.data).toMatchObject({ preRegistrationFromLink: true });

    // 张明 sees his returned filing and may revise and file it again.
    const cadre = await signIn(app, 'cadre');
    const returned = await get(`/api/pre-registrations/${byStatus('returned')[0].id}`, cadre.cookies);
    expect(returned.allowedActions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['revise', 'submit']));
  });

  it('has corrections rectifying, observing, escalated, closed after look-back, and one ended by a reopened decision', async () => {
    const officer = await signIn(app, 'officer');
    const get = async (username: string, url: string) => {
      const s = await signIn(app, username);
      const res = await app.inject({ url, cookies: s.cookies });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const list = (await app.inject({ url: '/api/matters?type=correction&pageSize=50', cookies: officer.cookies })).json();
    // The mitigation decisions of demo-matters.ts ordered corrections too: those are still rectifying.
    const one = (status: string, title = '') => {
      const found = list.items.filter((i: { status: string; title: string }) => i.status === status && i.title.startsWith(title));
      expect(found.length, status).toBe(1);
      return found[0].id as string;
    };
    expect(new Set(list.items.map((i: { status: string }) => i.status))).toEqual(new Set(['closed', 'escalated', 'observing', 'rectifying', 'terminated']));
    const kinds = (d: { records: { kind: string }[] }) => d.records.map((r) => r.kind);

    // 李华 reports on her unit's correction in the app.
    const rectifying = await get('unit', `/api/corrections/${one('rectifying', '城关镇')}`);
    expect(kinds(rectifying)).toContain('progress_report');
    expect(rectifying.allowedActions.map((a: { action: string }) => a.action)).toContain('report_completion');
    expect(rectifying.documents.map((d: { kind: string }) => d.kind)).toContain('correction_order');

    const observing = await get('officer', `/api/corrections/${one('observing')}`);
    expect(kinds(observing)).toContain('acceptance');
    expect(observing.files.length).toBe(1);
    expect(observing.matter.deadline).toMatchObject({ kind: 'look_back', status: 'on_time' });

    const escalated = await get('leader', `/api/corrections/${one('escalated')}`);
    expect(escalated.records.find((r: { kind: string }) => r.kind === 'escalation').data).toMatchObject({ ground: 'overdue' });
    expect(escalated.allowedActions.map((a: { action: string }) => a.action).sort()).toEqual(['reorder', 'terminate']);

    const closed = await get('officer', `/api/corrections/${one('closed')}`);
    expect(kinds(closed)).toEqual(expect.arrayContaining(['acceptance', 'look_back', 'closure']));

    const terminated = await get('leader', `/api/corrections/${one('terminated')}`);
    expect(terminated.records.find((r: { kind: string }) => r.kind === 'termination').data).toMatchObject({ ground: 'tolerance_reopened' });
    const reopened = await get('leader', `/api/matters/${terminated.matter.toleranceMatter.id}`);
    expect(reopened.matter.status).toBe('awaiting_decision');
    expect(reopened.timeline.map((t: { action: string }) => t.action)).toContain('tolerance.reopen');
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });

  it('fills the outcome ledger for the demo outcomes through the decisions themselves (结果运用台账)', async () => {
    const orgdept = await signIn(app, 'orgdept');
    const res = await app.inject({ url: '/api/outcome-ledger?pageSize=200', cookies: orgdept.cookies });
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json() as { items: { kind: string; inForce: boolean; source: { matterId: string | null } }[] };
    // (The demo's closed correction concerns a unit, not a cadre: no cadre's ledger has it.)
    expect(new Set(items.map((e) => e.kind))).toEqual(
      new Set(['tolerance_decision', 'correction_ordered', 'correction_terminated', 'name_cleared', 'sanction', 'reuse_decision']),
    );
    // Every decision that took effect has its entry; every entry came with an audit event.
    const decided = await platform.handle.db
      .selectFrom('matters')
      .select('id')
      .where('type', '=', 'tolerance')
      .where('status', 'in', ['decided', 'notified', 'under_review', 'closed'])
      .execute();
    const withEntry = new Set(items.filter((e) => e.kind === 'tolerance_decision').map((e) => e.source.matterId));
    expect(decided.every((m) => withEntry.has(m.id))).toBe(true);
    const events = await platform.handle.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'outcome_ledger.recorded')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(items.length);
    const cadre = await signIn(app, 'cadre');
    const own = (await app.inject({ url: '/api/outcome-ledger', cookies: cadre.cookies })).json();
    expect(own.total).toBeGreaterThan(0);
  });
});
