/**
 * The K County demo's name clearings: made through the real steps, one in each telling state, each
 * usable by the demo users straight away.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import type { App } from '../../src/server/build-app.ts';
import { createTestApp, createTestPlatform, signIn, type TestPlatform } from '../support/platform.ts';

describe('K County demo name clearings (PGlite)', () => {
  let platform: TestPlatform;
  let app: App;
  const get = async (user: string, url: string) => {
    const s = await signIn(app, user);
    return app.inject({ url, cookies: s.cookies });
  };
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { seed: 'with-matters', now: '2026-11-27T09:00:00+08:00' });
    app = await createTestApp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('has a filed clearing with its letter, one awaiting consent, one awaiting approval, one overdue and one not cleared', async () => {
    const list = (await get('officer', '/api/name-clearings?pageSize=50')).json();
    const byStatus = Object.fromEntries(list.items.map((i: { status: string }) => [i.status, i]));
    expect(Object.keys(byStatus).sort()).toEqual([
      'awaiting_leader',
      'closed',
      'consulting',
      'ended',
      'executing',
    ]);
    expect(byStatus.executing.deadline).toMatchObject({ kind: 'clearing', status: 'overdue' });
    expect(byStatus.consulting.subject.name).toBe('张明');

    const closed = (await get('officer', `/api/name-clearings/${byStatus.closed.id}`)).json();
    expect(closed.matter).toMatchObject({
      execution: { onTime: true, scope: { value: 'party_organisation' } },
      accuserHandling: { classification: 'malicious' },
      archive: { orgDept: '中共K县委组织部' },
    });
    const letter = closed.documents.find((d: { kind: string }) => d.kind === 'name_clearing_letter');
    const verified = await app.inject({ url: `/api/verify?code=${letter.code}`, remoteAddress: '10.9.0.1' });
    expect(verified.json()).toMatchObject({ valid: true, document: { kind: 'name_clearing_letter' } });
    // The organisation department has its copy of the filed one, and nothing else.
    const orgDept = (await get('orgdept', '/api/name-clearings')).json();
    expect(orgDept.items.map((i: { id: string }) => i.id)).toEqual([byStatus.closed.id]);
  });

  it('lets 张明 consent in the app and the leader approve the waiting plan', async () => {
    const list = (await get('cadre', '/api/name-clearings')).json();
    expect(list.items.map((i: { status: string }) => i.status)).toEqual(['consulting']);
    const mine = (await get('cadre', `/api/name-clearings/${list.items[0].id}`)).json();
    expect(mine.allowedActions.map((a: { action: string }) => a.action)).toEqual([
      'record_consent',
      'decline',
    ]);
    const waiting = (await get('leader', '/api/name-clearings?status=awaiting_leader')).json().items[0];
    const plan = (await get('leader', `/api/name-clearings/${waiting.id}`)).json();
    expect(plan.allowedActions.map((a: { action: string }) => a.action)).toEqual([
      'approve',
      'return_plan',
      'extend_deadline',
    ]);
    expect(plan.matter.plan).toMatchObject({ scope: { value: 'party_organisation' } });
  });

  it('keeps the audit chain intact', async () => {
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
