import { it } from 'vitest';
import { createTestApp, createTestPlatform, signIn } from '../support/platform.ts';
import { ToleranceFlow } from '../support/tolerance-flow.ts';
import { DEMO_JURISDICTION_IDS } from '../../src/db/seed/k-county.ts';
it('probes', async () => {
  const p = await createTestPlatform('pglite', { seed: true });
  const app = await createTestApp(p);
  app.addHook('onError', async (_req, _rep, err) => { if (!(err as any).kind) console.log('ERR', (err as any).code, String(err.message).slice(0, 120)); });
  const L = '\\ud800';
  const show = async (label: string, method: string, url: string, json: string, sess: any = null) => {
    const r = await app.inject({ method: method as any, url, cookies: sess?.cookies, headers: { ...(sess?.headers ?? {}), 'content-type': 'application/json' }, payload: json });
    console.log('RES', label, r.statusCode, r.body.slice(0, 120));
  };
  const a = await signIn(app, 'admin');
  const flow = new ToleranceFlow(app, p);
  const id = await flow.apply();
  const o = await flow.session('officer');
  const K = DEMO_JURISDICTION_IDS.K;
  await show('unit name', 'POST', '/api/admin/units', `{"code":"Z1","name":"${L}","kind":"other","jurisdictionId":"${K}"}`, a);
  await show('unit code', 'POST', '/api/admin/units', `{"code":"${L}","name":"x","kind":"other","jurisdictionId":"${K}"}`, a);
  await show('user display', 'POST', '/api/admin/users', `{"username":"zz1","displayName":"${L}","password":"rongcuo-demo-2026","roles":[{"role":"cadre","jurisdictionId":"${K}"}]}`, a);
  await show('calendar', 'PUT', '/api/calendar/years/2032', `{"year":2032,"source":["${L}"],"holidays":[{"name":"${L}","nameEn":"x","days":["2032-01-01"]}],"makeupWorkdays":[]}`, a);
  await show('supplement items', 'POST', `/api/matters/${id}/actions/request_supplement`, `{"items":"${L}"}`, o);
  await show('2fa challenge', 'POST', '/api/auth/login/2fa', `{"challenge":"${L}","token":"1"}`);
  await show('open title', 'POST', '/api/matters', `{"route":"own_application","title":"${L}","summary":"${L}"}`, await flow.session('cadre'));
  await show('policy evaluate', 'POST', '/api/policy/evaluate', `{"conductDate":"2025-01-01","route":"own_application","gates":{"${L}":true},"situations":[],"exclusions":[],"preRegistration":"not_required","breachOutstanding":false}`, o);
  await show('audit q', 'GET', '/api/audit/events?action=%ED%A0%80', '', a);
  await app.close(); await p.close();
});
