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
});
