import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, createTestPlatform, ENGINES, signIn, type TestPlatform } from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';

describe.each(ENGINES)('roster on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let admin: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    admin = await signIn(app, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('lists the K County roster with masked ID numbers, paged', async () => {
    const res = await app.inject({ url: '/api/cadres?pageSize=50', cookies: admin.cookies });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(700);
    expect(body.items).toHaveLength(50);
    for (const c of body.items) expect(c.idNumberMasked).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(res.body).not.toMatch(/\d{17}[\dX]/);
  });

  it('filters by name, unit and exact ID number', async () => {
    const zhang = DEMO_PEOPLE.cadre;
    const byName = (await app.inject({ url: `/api/cadres?q=${encodeURIComponent(zhang.name)}`, cookies: admin.cookies })).json();
    expect(byName.items.map((c: { id: string }) => c.id)).toContain(zhang.cadreId);
    const byUnit = (await app.inject({ url: `/api/cadres?unitId=${zhang.unitId}&pageSize=200`, cookies: admin.cookies })).json();
    expect(byUnit.items.every((c: { unit: { id: string } }) => c.unit.id === zhang.unitId)).toBe(true);
    const reveal = await app.inject({ method: 'POST', url: `/api/cadres/${zhang.cadreId}/reveal`, payload: { field: 'idNumber' }, cookies: admin.cookies, headers: admin.headers });
    const idNumber = reveal.json().value as string;
    expect(idNumber).toMatch(/^\d{17}[\dX]$/);
    const byId = (await app.inject({ url: `/api/cadres?q=${idNumber}`, cookies: admin.cookies })).json();
    expect(byId.items.map((c: { id: string }) => c.id)).toEqual([zhang.cadreId]);
  });

  it('records every reveal of a sensitive field in the audit log', async () => {
    const id = DEMO_PEOPLE.leader.cadreId;
    await app.inject({ method: 'POST', url: `/api/cadres/${id}/reveal`, payload: { field: 'mobile' }, cookies: admin.cookies, headers: admin.headers });
    const events = await platform.handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'cadre.sensitive_revealed').where('entity_id', '=', id).execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toEqual({ field: 'mobile' });
    expect(events[0]!.actor).toBe('admin');
  });

  it('keeps other counties out of scope: a K County admin gets 404 for an L County cadre, exactly like a missing one', async () => {
    const supervisor = await signIn(app, 'supervisor');
    const lCadre = (await app.inject({ url: '/api/jurisdictions', cookies: supervisor.cookies })).json();
    expect(lCadre.items.map((j: { code: string }) => j.code)).toEqual(expect.arrayContaining(['K', 'L', 'M']));
    const lCounty = lCadre.items.find((j: { code: string }) => j.code === 'L');
    const lList = (await app.inject({ url: `/api/cadres?jurisdictionId=${lCounty.id}`, cookies: supervisor.cookies })).json();
    expect(lList.total).toBeGreaterThan(0);
    const outsider = lList.items[0].id as string;
    const forbidden = await app.inject({ url: `/api/cadres/${outsider}`, cookies: admin.cookies });
    const missing = await app.inject({ url: `/api/cadres/00000000-0000-4000-8000-000000000000`, cookies: admin.cookies });
    expect(forbidden.statusCode).toBe(404);
    expect(forbidden.body).toBe(missing.body);
    const adminList = (await app.inject({ url: `/api/cadres?jurisdictionId=${lCounty.id}`, cookies: admin.cookies })).json();
    expect(adminList.total).toBe(0);
  });

  it('refuses the roster to a plain cadre and lets the supervisor read but not reveal', async () => {
    const cadre = await signIn(app, 'cadre');
    expect((await app.inject({ url: '/api/cadres', cookies: cadre.cookies })).statusCode).toBe(403);
    const supervisor = await signIn(app, 'supervisor');
    const id = DEMO_PEOPLE.officer.cadreId;
    const detail = (await app.inject({ url: `/api/cadres/${id}`, cookies: supervisor.cookies })).json();
    expect(detail.allowedActions).toEqual([]);
    const reveal = await app.inject({ method: 'POST', url: `/api/cadres/${id}/reveal`, payload: { field: 'idNumber' }, cookies: supervisor.cookies, headers: supervisor.headers });
    expect(reveal.statusCode).toBe(403);
  });

  it('exports the filtered roster to .xlsx with masked ID numbers', async () => {
    const res = await app.inject({ url: `/api/cadres/export.xlsx?unitId=${DEMO_PEOPLE.cadre.unitId}`, cookies: admin.cookies });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('干部名册');
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['姓名', '身份证号']));
    const ids = sheet.getColumn(9).values.slice(2).map(String);
    expect(ids.length).toBeGreaterThan(0);
    for (const v of ids) expect(v).toMatch(/\*{8}/);
  });
});
