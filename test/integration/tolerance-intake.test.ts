import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, createTestPlatform, ENGINES, signIn, type TestPlatform } from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';

describe.each(ENGINES)('tolerance intake on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  type Session = Awaited<ReturnType<typeof signIn>>;
  let cadre: Session;
  let officer: Session;
  const post = (s: Session, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, cookies: s.cookies, headers: { ...s.headers, ...headers } });
  const get = (s: Session, url: string) => app.inject({ url, cookies: s.cookies });
  const application = { route: 'own_application', title: '关于高标准农田项目提前开工的容错申请', summary: '为赶农时提前开工。', conductDate: '2026-01-10' };

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true, now: '2026-09-25T10:00:00+08:00' });
    app = await createTestApp(platform);
  });
  // Fresh sessions per test: some tests move the clock past the idle expiry.
  beforeEach(async () => {
    cadre = await signIn(app, 'cadre');
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('a draft is the applicant\'s alone until submitted; submitting starts the acceptance clock in working days', async () => {
    const created = await post(cadre, '/api/matters', application);
    expect(created.statusCode).toBe(201);
    const { id, number } = created.json();
    expect(number).toMatch(/^K容〔2026〕\d+号$/);
    expect((await get(officer, `/api/matters/${id}`)).statusCode).toBe(404);
    const draft = (await get(cadre, `/api/matters/${id}`)).json();
    expect(draft.matter.status).toBe('draft');
    expect(draft.allowedActions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['submit', 'withdraw']));
    const submitted = await post(cadre, `/api/matters/${id}/actions/submit`, {});
    expect(submitted.statusCode).toBe(200);
    // 2026-09-25 (Fri) + 5 working days across National Day (10-01…10-07 off): 09-28, 09-29, 09-30, 10-08, 10-09.
    expect(submitted.json().matter.deadline).toMatchObject({ kind: 'acceptance', dueDate: '2026-10-09', status: 'on_time' });
    const seen = (await get(officer, `/api/matters/${id}`)).json();
    expect(seen.matter.summary).toBe('为赶农时提前开工。');
    expect(seen.allowedActions.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['accept', 'refuse_acceptance', 'request_supplement']));
  });

  it('pauses the acceptance clock while awaiting a supplement, and accepting issues a signed acceptance notice', async () => {
    const { id } = (await post(cadre, '/api/matters', { ...application, submit: true })).json();
    await post(officer, `/api/matters/${id}/actions/request_supplement`, { items: '请补充集体研究会议纪要' });
    platform.clock.advance(14 * 86_400_000);
    cadre = await signIn(app, 'cadre');
    officer = await signIn(app, 'officer');
    const paused = (await get(cadre, `/api/matters/${id}`)).json();
    expect(paused.matter.deadline.status).toBe('paused');
    expect(paused.records.map((r: { kind: string }) => r.kind)).toContain('supplement_request');
    await post(cadre, `/api/matters/${id}/actions/supplement`, { note: '已补充会议纪要。' });
    const accepted = await post(officer, `/api/matters/${id}/actions/accept`, {});
    expect(accepted.statusCode).toBe(200);
    const body = accepted.json();
    expect(body.matter.status).toBe('verifying');
    expect(body.matter.deadline.kind).toBe('verification');
    expect(body.documents).toHaveLength(1);
    expect(body.documents[0]).toMatchObject({ kind: 'acceptance_notice', number: expect.stringMatching(/^K纪〔2026〕\d+号$/) });
    expect(body.documents[0].code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });

  it('two officers accepting at once: exactly one wins, the other gets a conflict', async () => {
    const { id } = (await post(cadre, '/api/matters', { ...application, submit: true })).json();
    const [a, b] = await Promise.all([post(officer, `/api/matters/${id}/actions/accept`, {}), post(officer, `/api/matters/${id}/actions/accept`, {})]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = await platform.handle.db.selectFrom('audit_events').select('action').where('entity_id', '=', id).where('action', '=', 'tolerance.accept').execute();
    expect(events).toHaveLength(1);
  });

  it('an idempotency key makes a retried application create one matter', async () => {
    const key = crypto.randomUUID();
    const first = await post(cadre, '/api/matters', application, { 'idempotency-key': key });
    const again = await post(cadre, '/api/matters', application, { 'idempotency-key': key });
    expect(again.json()).toEqual(first.json());
    const changed = await post(cadre, '/api/matters', { ...application, title: '另一个申请' }, { 'idempotency-key': key });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('idempotency.mismatch');
  });

  it('refuses steps to the wrong role (403), in the wrong state (409), and out-of-scope matters as missing (404)', async () => {
    const { id } = (await post(cadre, '/api/matters', { ...application, submit: true })).json();
    const asCadre = await post(cadre, `/api/matters/${id}/actions/accept`, {});
    expect(asCadre.statusCode).toBe(403);
    const wrongState = await post(officer, `/api/matters/${id}/actions/propose`, { outcome: 'exempt', analysis: 'x' });
    expect(wrongState.statusCode).toBe(409);
    expect(wrongState.json().code).toBe('procedure.wrong_state');
    const unit = await signIn(app, 'unit');
    const other = await get(unit, `/api/matters/${id}`);
    const missing = await get(unit, `/api/matters/00000000-0000-4000-8000-000000000000`);
    expect(other.statusCode).toBe(404);
    expect(other.body).toBe(missing.body);
  });

  it('the officer opens an ex officio check straight into verification; the cadre cannot withdraw it', async () => {
    const created = await post(officer, '/api/matters', { route: 'ex_officio', subjectCadreId: DEMO_PEOPLE.cadre.cadreId, title: '对问责线索开展容错情形审查', summary: '线索反映……' });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const detail = (await get(officer, `/api/matters/${id}`)).json();
    expect(detail.matter.status).toBe('verifying');
    const withdraw = await post(cadre, `/api/matters/${id}/actions/withdraw`, {});
    expect(withdraw.statusCode).toBe(409);
    expect(withdraw.json().code).toBe('matter.ex_officio_not_withdrawable');
    const inbox = (await get(officer, '/api/matters?pageSize=200')).json();
    expect(inbox.items.some((m: { id: string }) => m.id === id)).toBe(true);
    const dues = inbox.items.map((m: { deadline: { dueDate: string } | null }) => m.deadline?.dueDate).filter(Boolean);
    expect([...dues].sort()).toEqual(dues);
  });
});
