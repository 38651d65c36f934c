import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { resetTwoFactor } from '../../src/usecases/auth/two-factor.ts';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type TestPlatform,
} from '../support/platform.ts';
import { buildApp, type App } from '../../src/server/build-app.ts';

const PASSWORD = 'rongcuo-demo-2026';

describe.each(ENGINES)('two-factor sign-in on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  /** The same platform served outside demo mode, where the second factor is mandatory for some roles. */
  let strictApp: App;
  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    strictApp = await buildApp({
      config: { ...platform.config, demo: false },
      deps: platform.deps,
      logger: false,
    });
  });
  afterAll(async () => {
    await app.close();
    await strictApp.close();
    await platform.close();
  });

  const epoch = () => Math.floor(platform.clock.now().getTime() / 1000);
  const codeFor = (secret: string) => generate({ secret, epoch: epoch() });
  const post = (
    target: App,
    url: string,
    payload?: object,
    session?: Awaited<ReturnType<typeof signIn>>,
    ip = '10.9.0.1',
  ) =>
    target.inject({
      method: 'POST',
      url,
      ...(payload ? { payload } : {}),
      ...(session ? { cookies: session.cookies, headers: session.headers } : {}),
      remoteAddress: ip,
    });

  /** Enrols `username` through the API and returns its secret and recovery codes. */
  async function enrol(target: App, username: string) {
    const s = await signIn(target, username);
    const setup = await post(target, '/api/auth/2fa/setup', undefined, s);
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json<{ secret: string }>();
    const confirm = await post(target, '/api/auth/2fa/confirm', { token: await codeFor(secret) }, s);
    expect(confirm.statusCode).toBe(200);
    return { secret, recoveryCodes: confirm.json<{ recoveryCodes: string[] }>().recoveryCodes, session: s };
  }

  it('keeps the { user, csrfToken } sign-in answer for accounts without a second factor', async () => {
    const res = await post(app, '/api/auth/login', { username: 'orgdept', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json()).sort()).toEqual(['csrfToken', 'user']);
  });

  it('enrols: a QR code for the otpauth URI, a wrong code refused, the right one gives ten recovery codes stored only hashed', async () => {
    const s = await signIn(app, 'officer');
    const setup = await post(app, '/api/auth/2fa/setup', undefined, s);
    expect(setup.json()).toMatchObject({
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\/Rongcuo:officer\?.*secret=/),
      qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    const { secret } = setup.json<{ secret: string }>();
    const wrong = await post(
      app,
      '/api/auth/2fa/confirm',
      { token: '000000' === (await codeFor(secret)) ? '111111' : '000000' },
      s,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'auth.totp_code_invalid', field: 'token' });
    const ok = await post(app, '/api/auth/2fa/confirm', { token: await codeFor(secret) }, s);
    const { recoveryCodes } = ok.json<{ recoveryCodes: string[] }>();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    const db = platform.handle.db;
    const user = await db
      .selectFrom('users')
      .select(['id', 'totp_secret_enc', 'totp_enabled_at'])
      .where('username', '=', 'officer')
      .executeTakeFirstOrThrow();
    expect(user.totp_enabled_at).not.toBeNull();
    expect(user.totp_secret_enc).toMatch(/^v1\.k1\./);
    expect(platform.deps.keyring.decrypt(user.totp_secret_enc!, `user.totp:${user.id}`)).toBe(secret);
    const stored = JSON.stringify(
      await db.selectFrom('recovery_codes').selectAll().where('user_id', '=', user.id).execute(),
    );
    for (const code of recoveryCodes) expect(stored).not.toContain(code.replace('-', ''));
    expect((await post(app, '/api/auth/2fa/setup', undefined, s)).json().code).toBe(
      'auth.two_factor_already_enabled',
    );
    const me = await app.inject({ url: '/api/auth/me', cookies: s.cookies });
    expect(me.json()).toMatchObject({ twoFactorEnabled: true });
  });

  it('then signs in in two steps: a challenge without a cookie, then the code; a used code never works twice', async () => {
    const { secret } = await (async () => {
      const db = platform.handle.db;
      const u = await db
        .selectFrom('users')
        .select(['id', 'totp_secret_enc'])
        .where('username', '=', 'officer')
        .executeTakeFirstOrThrow();
      return { secret: platform.deps.keyring.decrypt(u.totp_secret_enc!, `user.totp:${u.id}`) };
    })();
    const step1 = await post(app, '/api/auth/login', { username: 'officer', password: PASSWORD });
    expect(step1.statusCode).toBe(200);
    expect(step1.cookies.find((c) => c.name === 'rc_session')).toBeUndefined();
    const { challenge } = step1.json<{ challenge: string }>();
    expect(step1.json()).toMatchObject({
      twoFactorRequired: true,
      challenge: expect.any(String),
      expiresAt: expect.any(String),
    });

    // The code that confirmed enrolment (same 30-second step) was spent there.
    const replay = await post(app, '/api/auth/login/2fa', { challenge, token: await codeFor(secret) });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('auth.second_factor_replayed');

    platform.clock.advance(30_000);
    const token = await codeFor(secret);
    const step2 = await post(app, '/api/auth/login/2fa', { challenge, token });
    expect(step2.statusCode).toBe(200);
    expect(Object.keys(step2.json()).sort()).toEqual(['csrfToken', 'user']);
    const cookie = step2.cookies.find((c) => c.name === 'rc_session')!;
    expect(
      (await app.inject({ url: '/api/matters', cookies: { rc_session: cookie.value } })).statusCode,
    ).toBe(200);

    // The challenge is single-use, and the same code with a fresh challenge is a replay.
    expect((await post(app, '/api/auth/login/2fa', { challenge, token })).json().code).toBe(
      'auth.challenge_invalid',
    );
    const again = (await post(app, '/api/auth/login', { username: 'officer', password: PASSWORD })).json<{
      challenge: string;
    }>();
    expect((await post(app, '/api/auth/login/2fa', { challenge: again.challenge, token })).json().code).toBe(
      'auth.second_factor_replayed',
    );
  });

  it('accepts each recovery code once, and audits its use with the number left', async () => {
    const { recoveryCodes } = await enrol(app, 'committee1');
    const first = (await post(app, '/api/auth/login', { username: 'committee1', password: PASSWORD })).json<{
      challenge: string;
    }>();
    const used = await post(app, '/api/auth/login/2fa', {
      challenge: first.challenge,
      recoveryCode: recoveryCodes[3]!.toLowerCase(),
    });
    expect(used.statusCode).toBe(200);
    const second = (await post(app, '/api/auth/login', { username: 'committee1', password: PASSWORD })).json<{
      challenge: string;
    }>();
    const reused = await post(app, '/api/auth/login/2fa', {
      challenge: second.challenge,
      recoveryCode: recoveryCodes[3]!,
    });
    expect(reused.json().code).toBe('auth.second_factor_invalid');
    const events = await platform.handle.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('action', '=', 'auth.recovery_code_used')
      .execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ remaining: 9 });
  });

  it('throttles second-factor guesses like passwords: five wrong codes lock the account', async () => {
    const { secret } = await enrol(app, 'committee2');
    platform.clock.advance(30_000);
    const ip = '10.9.1.1';
    let last: Awaited<ReturnType<typeof post>> | undefined;
    for (let i = 0; i < 5; i++) {
      const { challenge } = (
        await post(app, '/api/auth/login', { username: 'committee2', password: PASSWORD }, undefined, ip)
      ).json<{ challenge: string }>();
      const right = await codeFor(secret);
      last = await post(
        app,
        '/api/auth/login/2fa',
        { challenge, token: right === '123456' ? '654321' : '123456' },
        undefined,
        ip,
      );
    }
    expect(last?.statusCode).toBe(429);
    expect(last?.json().code).toBe('auth.account_locked');
    const locked = await post(
      app,
      '/api/auth/login',
      { username: 'committee2', password: PASSWORD },
      undefined,
      ip,
    );
    expect(locked.json().code).toBe('auth.account_locked');
    const failures = await platform.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'auth.login_failed')
      .where('entity_type', '=', 'user')
      .execute();
    expect(
      failures.filter((f) => (f.data as { reason?: string }).reason === 'wrong_second_factor').length,
    ).toBeGreaterThanOrEqual(5);
    platform.clock.advance(16 * 60_000);
  });

  it('lets a challenge expire after five minutes', async () => {
    const { secret } = await enrol(app, 'committee3');
    platform.clock.advance(30_000);
    const { challenge } = (
      await post(app, '/api/auth/login', { username: 'committee3', password: PASSWORD })
    ).json<{ challenge: string }>();
    platform.clock.advance(5 * 60_000 + 1000);
    expect(
      (await post(app, '/api/auth/login/2fa', { challenge, token: await codeFor(secret) })).json().code,
    ).toBe('auth.challenge_invalid');
  });

  it('outside demo mode confines a commission account without a second factor to enrolment', async () => {
    const res = await post(strictApp, '/api/auth/login', { username: 'committee4', password: PASSWORD });
    expect(res.json()).toMatchObject({ user: { username: 'committee4' }, twoFactorEnrolmentRequired: true });
    const s = await signIn(strictApp, 'committee4');
    const blocked = await strictApp.inject({ url: '/api/matters', cookies: s.cookies });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.two_factor_enrolment_required');
    expect((await strictApp.inject({ url: '/api/auth/me', cookies: s.cookies })).json()).toMatchObject({
      twoFactorEnrolmentRequired: true,
      twoFactorEnabled: false,
    });

    const setup = (await post(strictApp, '/api/auth/2fa/setup', undefined, s)).json<{ secret: string }>();
    expect(
      (await post(strictApp, '/api/auth/2fa/confirm', { token: await codeFor(setup.secret) }, s)).statusCode,
    ).toBe(200);
    expect((await strictApp.inject({ url: '/api/matters', cookies: s.cookies })).statusCode).toBe(200);
    expect(
      (await strictApp.inject({ url: '/api/auth/me', cookies: s.cookies })).json().twoFactorEnrolmentRequired,
    ).toBeUndefined();

    // A cadre is not required to enrol, and demo mode requires nobody.
    const cadre = await signIn(strictApp, 'cadre');
    expect((await strictApp.inject({ url: '/api/matters', cookies: cadre.cookies })).statusCode).toBe(200);
    const demoLeader = await signIn(app, 'leader');
    expect((await app.inject({ url: '/api/matters', cookies: demoLeader.cookies })).statusCode).toBe(200);
  });

  it('logs out everywhere: every session of the user ends, audited', async () => {
    const a = await signIn(app, 'unit');
    const b = await signIn(app, 'unit', PASSWORD, '10.9.2.2');
    const res = await post(app, '/api/auth/logout-all', undefined, a);
    expect(res.statusCode).toBe(204);
    for (const s of [a, b])
      expect((await app.inject({ url: '/api/auth/me', cookies: s.cookies })).statusCode).toBe(401);
    const event = await platform.handle.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'auth.logout_all')
      .executeTakeFirstOrThrow();
    expect(event.data).toEqual({ sessions: 2 });
  });

  it('resets a second factor from the CLI use case: sessions end, sign-in is one step again, audited', async () => {
    const { session } = await enrol(app, 'supervisor');
    const result = await resetTwoFactor(platform.deps, { userId: null, label: 'cli:test' }, 'supervisor');
    expect(result.wasEnabled).toBe(true);
    expect((await app.inject({ url: '/api/auth/me', cookies: session.cookies })).statusCode).toBe(401);
    const res = await post(app, '/api/auth/login', { username: 'supervisor', password: PASSWORD });
    expect(Object.keys(res.json()).sort()).toEqual(['csrfToken', 'user']);
    const codes = await platform.handle.db
      .selectFrom('recovery_codes')
      .innerJoin('users', 'users.id', 'recovery_codes.user_id')
      .select('recovery_codes.id')
      .where('users.username', '=', 'supervisor')
      .execute();
    expect(codes).toEqual([]);
    const actions = (await platform.handle.db.selectFrom('audit_events').select('action').execute()).map(
      (e) => e.action,
    );
    expect(actions).toContain('auth.2fa_enabled');
    expect(actions).toContain('auth.2fa_disabled');
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
