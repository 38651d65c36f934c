import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { createTestApp, createTestPlatform, ENGINES, signIn, type TestPlatform } from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';

describe.each(ENGINES)('accounts and sessions on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('signs in with an HttpOnly, SameSite=Strict session cookie and answers /me', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'officer', password: 'rongcuo-demo-2026' } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'rc_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await app.inject({ url: '/api/auth/me', cookies: { rc_session: cookie.value } });
    expect(me.json().user).toMatchObject({ username: 'officer', displayName: '王强', roles: [{ role: 'case_officer', jurisdiction: { code: 'K' } }] });
  });

  it('stores only a hash of the session token', async () => {
    const s = await signIn(app, 'orgdept');
    const rows = await platform.handle.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === s.cookies.rc_session)).toBe(false);
  });

  it('rejects a wrong password with 401 and the same answer for an unknown user', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'leader', password: 'nope-nope-nope' }, remoteAddress: '10.0.0.1' });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope-nope-nope' }, remoteAddress: '10.0.0.1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'auth.invalid_credentials', message: '用户名或密码错误' });
  });

  it('locks an account after five failures, even against the right password, and says for how long', async () => {
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'committee5', password: `guess-${i}-guess` }, remoteAddress: `10.1.0.${i}` });
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'committee5', password: 'rongcuo-demo-2026' }, remoteAddress: '10.1.0.9' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('auth.account_locked');
    expect(locked.json().message).toMatch(/15 分钟/);
    platform.clock.advance(16 * 60_000);
    const later = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'committee5', password: 'rongcuo-demo-2026' }, remoteAddress: '10.1.0.9' });
    expect(later.statusCode).toBe(200);
  });

  it('throttles an address that keeps guessing across accounts', async () => {
    const ip = '10.2.0.1';
    for (let i = 0; i < 20; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `spray${i}`, password: 'Summer2026!!' }, remoteAddress: ip });
    }
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'rongcuo-demo-2026' }, remoteAddress: ip });
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('auth.address_throttled');
  });

  it('expires idle sessions with 401 auth.session_expired', async () => {
    const s = await signIn(app, 'committee1');
    expect((await app.inject({ url: '/api/auth/me', cookies: s.cookies })).statusCode).toBe(200);
    platform.clock.advance(31 * 60_000);
    const res = await app.inject({ url: '/api/auth/me', cookies: s.cookies });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('refuses state changes without the CSRF token or from another origin', async () => {
    const s = await signIn(app, 'committee2');
    const noToken = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: s.cookies });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().code).toBe('request.cross_site');
    const otherOrigin = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: s.cookies, headers: { ...s.headers, origin: 'https://evil.example', host: 'localhost:3000' } });
    expect(otherOrigin.statusCode).toBe(403);
    const crossSiteLogin = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'rongcuo-demo-2026' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(crossSiteLogin.statusCode).toBe(403);
    const ok = await app.inject({ method: 'POST', url: '/api/auth/logout', cookies: s.cookies, headers: s.headers });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', cookies: s.cookies })).statusCode).toBe(401);
  });

  it('records every sign-in outcome in an intact audit chain', async () => {
    const events = await platform.handle.db.selectFrom('audit_events').select(['action', 'data']).where('action', 'in', ['auth.login', 'auth.login_failed', 'auth.logout']).execute();
    expect(events.filter((e) => e.action === 'auth.login_failed').length).toBeGreaterThanOrEqual(27);
    expect(events.some((e) => e.action === 'auth.logout')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('nope-nope-nope');
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
