import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestPlatform, type TestPlatform } from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';

describe('HTTP edges (PGlite)', () => {
  let platform: TestPlatform;
  let app: App;
  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
    app = await createTestApp(platform);
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('reports health with the engine', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.json()).toMatchObject({ status: 'ok', database: 'pglite' });
  });

  it('serves an OpenAPI document that lists the routes', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/cadres', '/api/imports/cadres', '/api/health']));
  });

  it('answers malformed JSON with 400 request.malformed_json', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.malformed_json', message: expect.any(String), messageEn: expect.any(String) });
  });

  it('names the wrong field of an invalid body in both languages', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 7, password: 'x' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid', field: 'body.username' });
    expect(res.json().message).toMatch(/期望/);
    expect(res.json().messageEn).toMatch(/expected string/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await app.inject({ url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route.not_found');
  });

  it('refuses an oversized body with 413', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('request.too_large');
  });

  it('answers protected routes without a session with 401 and never leaks a stack trace', async () => {
    const res = await app.inject({ url: '/api/cadres' });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sets the security headers', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });
});
