import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestPlatform, signIn, type TestPlatform } from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';

// Requests the fuzzer found answered with 5xx or uncoded bodies; each must now be a coded 4xx.
describe('hostile requests get coded 4xx answers (PGlite)', () => {
  let platform: TestPlatform;
  let app: App;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite', { seed: true });
    app = await createTestApp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });
  const coded = (res: { statusCode: number; json(): { code?: string; messageEn?: string } }) => {
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().code).toEqual(expect.any(String));
    expect(res.json().messageEn).toEqual(expect.any(String));
  };

  it('a NUL byte in a query filter', async () => {
    const s = await signIn(app, 'officer');
    coded(await app.inject({ url: '/api/matters?status=%00', cookies: s.cookies }));
  });
  it('a multipart body without its boundary', async () => {
    coded(await app.inject({ method: 'POST', url: '/api/verify', headers: { 'content-type': 'multipart/form-data; boundary=abc' }, payload: '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nhello' }));
  });
  it('a lone surrogate in a JSON string', async () => {
    coded(await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"\\ud800","password":" "}' }));
  });
  it('a path that does not %-decode and an over-long path parameter', async () => {
    coded(await app.inject({ url: '/api/matters/%E0%A4%A' }));
    coded(await app.inject({ url: `/api/matters/${'a'.repeat(201)}` }));
  });
  it('a forbidden documentation asset path', async () => {
    coded(await app.inject({ url: '/api/docs/static/%5C' }));
  });
});
