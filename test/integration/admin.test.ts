/**
 * Administration and rule data through the API: decision support (the FACTS.md contract of
 * `rongcuo evaluate`), policy versions and their diff, the working-day calendar, accounts with scoped
 * roles, and units — each re-read from the database and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestPlatform,
  ENGINES,
  signIn,
  type TestPlatform,
} from '../support/platform.ts';
import type { App } from '../../src/server/build-app.ts';
import { DEMO_JURISDICTION_IDS, DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';

type Session = Awaited<ReturnType<typeof signIn>>;

const ALL_GATES = { G1: true, G2: true, G3: 'yes', G4: true, G5: true, G6: true, G7: true };
const C02 = {
  conductDate: '2023-06-15',
  route: 'own_application',
  gates: ALL_GATES,
  situations: ['S3'],
  exclusions: [],
  preRegistration: 'not_required',
  breachOutstanding: false,
};
const C16 = { ...C02, gates: { ...ALL_GATES, G1: false, G3: 'no' } };
const NOWHERE = '00000000-0000-4000-8000-000000000000';
const PASSWORD = 'Tq7#vRz2!pWx9k';

const SCHEDULE_2027 = {
  year: 2027,
  source: ['https://www.gov.cn/example-2027'],
  holidays: [{ name: '元旦', nameEn: "New Year's Day", days: ['2027-01-01', '2027-01-02', '2027-01-03'] }],
  makeupWorkdays: [],
};

describe.each(ENGINES)('administration on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let admin: Session;
  let officer: Session;

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    admin = await signIn(app, 'admin');
    officer = await signIn(app, 'officer');
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  const send = (s: Session, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, cookies: s.cookies, headers: s.headers, ...(payload ? { payload } : {}) });
  const audit = (action: string, entityId: string) =>
    platform.deps.db
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', action)
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();

  describe('decision support and policies', () => {
    it('evaluates FACTS.md examples like `rongcuo evaluate`: C02 exempt, C16 refuse', async () => {
      const c02 = await send(officer, 'POST', '/api/policy/evaluate', C02);
      expect(c02.statusCode, c02.body).toBe(200);
      expect(c02.json()).toMatchObject({
        recommendation: 'exempt',
        correctionRequired: false,
        policy: { id: 'default', jurisdiction: null },
        situationsMatched: ['S3'],
      });
      const c16 = (await send(officer, 'POST', '/api/policy/evaluate', { ...C16, jurisdiction: 'K' })).json();
      expect(c16).toMatchObject({
        recommendation: 'refuse',
        gatesFailed: ['G1', 'G3'],
        policy: { id: 'k-county', version: '2019-06-01', jurisdiction: 'K' },
      });
      expect(c16.reasons[0].clause).toContain('默认政策');
      // Any signed-in user, even a cadre: the facts name no one.
      const cadre = await signIn(app, 'cadre');
      expect((await send(cadre, 'POST', '/api/policy/evaluate', C02)).statusCode).toBe(200);
      expect(
        (await app.inject({ method: 'POST', url: '/api/policy/evaluate', payload: C02 })).statusCode,
      ).toBe(401);
    });

    it('names the bad field: gates.G3, an unknown jurisdiction, an item the policy lacks', async () => {
      const badG3 = await send(officer, 'POST', '/api/policy/evaluate', {
        ...C02,
        gates: { ...ALL_GATES, G3: 'maybe' },
      });
      expect(badG3.statusCode).toBe(400);
      expect(badG3.json()).toMatchObject({ code: 'facts.invalid', field: 'gates.G3' });
      expect(badG3.json().details.problems[0].field).toBe('gates.G3');
      const unknown = await send(officer, 'POST', '/api/policy/evaluate', { ...C02, jurisdiction: 'ZZ' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ code: 'jurisdiction.unknown', field: 'jurisdiction' });
      const item = await send(officer, 'POST', '/api/policy/evaluate', { ...C02, situations: ['S99'] });
      expect(item.statusCode).toBe(400);
      expect(item.json().code).toBe('facts.unknown_item');
    });

    it("lists policy versions, resolves one, and diffs K County's two versions (S2 now needs pre-registration)", async () => {
      const list = (await send(officer, 'GET', '/api/policies')).json();
      expect(
        list.items
          .filter((p: { id: string }) => p.id === 'k-county')
          .map((p: { version: string }) => p.version),
      ).toEqual(['2019-06-01', '2024-01-01']);
      expect(
        list.items.find(
          (p: { version: string; id: string }) => p.id === 'k-county' && p.version === '2024-01-01',
        ).parent,
      ).toEqual({ id: 'k-county', version: '2019-06-01' });
      const k2024 = (await send(officer, 'GET', '/api/policies/k-county/2024-01-01')).json();
      expect(k2024.lineage.map((l: { id: string }) => l.id)).toEqual(['default', 'k-county', 'k-county']);
      expect(k2024.situations.find((s: { id: string }) => s.id === 'S2').requiresPreRegistration).toBe(true);
      expect(k2024.timeLimits.acceptance).toEqual({ unit: 'working_days', amount: 5 });
      const diff = await send(officer, 'GET', '/api/policies/k-county/diff?from=2019-06-01&to=2024-01-01');
      expect(diff.statusCode, diff.body).toBe(200);
      const d = diff.json();
      expect(d.identical).toBe(false);
      expect(d.situations.changed).toEqual([
        {
          id: 'S2',
          changes: expect.arrayContaining([{ field: 'requiresPreRegistration', from: false, to: true }]),
        },
      ]);
      expect(d.situations.added.map((s: { id: string }) => s.id)).toEqual(['S9', 'S10']);
      expect(d.timeLimits).toEqual([]);
      expect((await send(officer, 'GET', '/api/policies/k-county/2020-01-01')).statusCode).toBe(404);
      expect((await send(officer, 'GET', '/api/policies/k-county/diff?from=2019-06-01')).statusCode).toBe(
        400,
      );
    });
  });

  describe('working-day calendar', () => {
    it('lists covered years and their source', async () => {
      const years = (await send(officer, 'GET', '/api/calendar/years')).json();
      expect(years.items.find((y: { year: number }) => y.year === 2026)).toMatchObject({
        source: 'official',
        enteredBy: null,
      });
      expect(years.items.some((y: { year: number }) => y.year === 2027)).toBe(false);
      const y2026 = (await send(officer, 'GET', '/api/calendar/years/2026')).json();
      expect(y2026.schedule.holidays[0].name).toBe('元旦');
      expect((await send(officer, 'GET', '/api/calendar/years/2027')).statusCode).toBe(404);
    });

    it('an administrator enters 2027; deadlines in 2027 stop being uncertain', async () => {
      const url = '/api/calendar/deadline?from=2026-12-31&amount=5&unit=working_days';
      const before = (await send(officer, 'GET', url)).json();
      expect(before).toMatchObject({ dueDate: '2027-01-07', uncertain: true, missingYears: [2027] });

      const refused = await send(officer, 'PUT', '/api/calendar/years/2027', SCHEDULE_2027);
      expect(refused.statusCode).toBe(403);
      const bad = await send(admin, 'PUT', '/api/calendar/years/2027', {
        ...SCHEDULE_2027,
        makeupWorkdays: ['2027-01-04'],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'calendar.schedule_invalid', field: 'makeupWorkdays[0]' });
      const wrongDay = await send(admin, 'PUT', '/api/calendar/years/2027', {
        ...SCHEDULE_2027,
        holidays: [{ name: '元旦', nameEn: 'New Year', days: ['2027-01-01', '2026-12-31'] }],
      });
      expect(wrongDay.json()).toMatchObject({
        code: 'calendar.schedule_invalid',
        field: 'holidays[0].days[1]',
      });
      const mismatch = await send(admin, 'PUT', '/api/calendar/years/2028', SCHEDULE_2027);
      expect(mismatch.json()).toMatchObject({ code: 'calendar.year_mismatch', field: 'year' });

      const saved = await send(admin, 'PUT', '/api/calendar/years/2027', SCHEDULE_2027);
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ year: 2027, source: 'entered', enteredBy: 'admin' });
      const after = (await send(officer, 'GET', url)).json();
      expect(after).toEqual({
        from: '2026-12-31',
        rule: { unit: 'working_days', amount: 5 },
        dueDate: '2027-01-08',
        uncertain: false,
        missingYears: [],
      });
      const events = await audit('calendar.year_saved', '2027');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actor: 'admin',
        data: { year: 2027, holidayDays: 3, replaced: false },
      });
      const years = (await send(officer, 'GET', '/api/calendar/years')).json();
      expect(years.items.find((y: { year: number }) => y.year === 2027)).toMatchObject({
        source: 'entered',
        holidayDays: 3,
      });
    });
  });

  describe('accounts, roles and units', () => {
    it('refuses everyone but administrators', async () => {
      expect((await send(officer, 'GET', '/api/admin/users')).statusCode).toBe(403);
      const supervisor = await signIn(app, 'supervisor');
      expect(
        (
          await send(supervisor, 'POST', '/api/admin/units', {
            jurisdictionId: DEMO_JURISDICTION_IDS.K,
            code: 'X1',
            name: '某单位',
            kind: 'other',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('lists the accounts in scope, each with its roles there', async () => {
      const list = (await send(admin, 'GET', '/api/admin/users?pageSize=200')).json();
      const names = list.items.map((u: { username: string }) => u.username);
      expect(names).toEqual(
        expect.arrayContaining(['admin', 'officer', 'leader', 'cadre', 'unit', 'orgdept']),
      );
      // The supervisor holds a role at the city only, above the K County administrator.
      expect(names).not.toContain('supervisor');
      const unit = list.items.find((u: { username: string }) => u.username === 'unit');
      expect(unit.roles).toEqual([
        expect.objectContaining({
          role: 'unit_leader',
          jurisdiction: expect.objectContaining({ code: 'K' }),
          unit: expect.objectContaining({ id: DEMO_PEOPLE.unitLeader.unitId }),
        }),
      ]);
      const searched = (await send(admin, 'GET', '/api/admin/users?q=commit')).json();
      expect(searched.total).toBe(5);
    });

    it('creates an account with a role; the new user signs in and works in that role', async () => {
      const created = await send(admin, 'POST', '/api/admin/users', {
        username: 'officer2',
        displayName: '刘洋',
        password: PASSWORD,
        roles: [{ role: 'case_officer', jurisdictionId: DEMO_JURISDICTION_IDS.K }],
      });
      expect(created.statusCode, created.body).toBe(201);
      const user = created.json();
      expect(user.roles).toEqual([
        expect.objectContaining({ role: 'case_officer', roleLabel: { zh: '承办人', en: 'Case officer' } }),
      ]);
      const session = await signIn(app, 'officer2', PASSWORD);
      expect((await send(session, 'GET', '/api/stats/overview')).statusCode).toBe(200);
      expect(await audit('user.created', user.id)).toHaveLength(1);
      expect(await audit('user.role_granted', user.id)).toHaveLength(1);

      const duplicate = await send(admin, 'POST', '/api/admin/users', {
        username: 'officer2',
        displayName: '重名',
        password: PASSWORD,
        roles: [{ role: 'cadre', jurisdictionId: DEMO_JURISDICTION_IDS.K }],
      });
      expect(duplicate.statusCode).toBe(409);
      const outside = await send(admin, 'POST', '/api/admin/users', {
        username: 'lofficer',
        displayName: '外县',
        password: PASSWORD,
        roles: [{ role: 'case_officer', jurisdictionId: DEMO_JURISDICTION_IDS.L }],
      });
      expect(outside.statusCode).toBe(400);
      expect(outside.json()).toMatchObject({
        code: 'jurisdiction.unknown',
        field: 'roles[0].jurisdictionId',
      });
      const weak = await send(admin, 'POST', '/api/admin/users', {
        username: 'weakling',
        displayName: '弱密码',
        password: 'password123',
        roles: [{ role: 'cadre', jurisdictionId: DEMO_JURISDICTION_IDS.K }],
      });
      expect(weak.json()).toMatchObject({ code: 'auth.weak_password', field: 'password' });
    });

    it('grants and revokes scoped roles, with a unit for unit leaders, and keeps at least one role', async () => {
      const user = (await send(admin, 'GET', '/api/admin/users?q=officer2')).json().items[0];
      const noUnit = await send(admin, 'POST', `/api/admin/users/${user.id}/roles`, {
        role: 'unit_leader',
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
      });
      expect(noUnit.json()).toMatchObject({ code: 'role.unit_required', field: 'unitId' });
      const strayUnit = await send(admin, 'POST', `/api/admin/users/${user.id}/roles`, {
        role: 'committee_member',
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
        unitId: DEMO_PEOPLE.cadre.unitId,
      });
      expect(strayUnit.json()).toMatchObject({ code: 'role.unit_not_applicable', field: 'unitId' });

      const granted = await send(admin, 'POST', `/api/admin/users/${user.id}/roles`, {
        role: 'committee_member',
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
      });
      expect(granted.statusCode, granted.body).toBe(201);
      const roles = granted.json().roles as { id: string; role: string }[];
      expect(roles.map((r) => r.role)).toEqual(['case_officer', 'committee_member']);
      expect(
        (
          await send(admin, 'POST', `/api/admin/users/${user.id}/roles`, {
            role: 'committee_member',
            jurisdictionId: DEMO_JURISDICTION_IDS.K,
          })
        ).statusCode,
      ).toBe(409);

      const member = roles.find((r) => r.role === 'committee_member')!;
      const revoked = await send(admin, 'DELETE', `/api/admin/users/${user.id}/roles/${member.id}`);
      expect(revoked.statusCode, revoked.body).toBe(200);
      const events = await audit('user.role_revoked', user.id);
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({
        role: 'committee_member',
        jurisdiction: 'K',
        assignmentId: member.id,
      });
      const left = await platform.deps.db
        .selectFrom('role_assignments')
        .select('role')
        .where('user_id', '=', user.id)
        .execute();
      expect(left.map((r) => r.role)).toEqual(['case_officer']);
      const last = await send(admin, 'DELETE', `/api/admin/users/${user.id}/roles/${roles[0]!.id}`);
      expect(last.statusCode).toBe(409);
      expect(last.json().code).toBe('user.last_role');
    });

    it('resets passwords and disables accounts; never its own', async () => {
      const user = (await send(admin, 'GET', '/api/admin/users?q=officer2')).json().items[0];
      const reset = await send(admin, 'POST', `/api/admin/users/${user.id}/reset-password`, {
        password: 'Vb4$kPz8@nQw2e',
      });
      expect(reset.statusCode, reset.body).toBe(200);
      await signIn(app, 'officer2', 'Vb4$kPz8@nQw2e');
      const disabled = await send(admin, 'POST', `/api/admin/users/${user.id}/disable`);
      expect(disabled.json().status).toBe('disabled');
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'officer2', password: 'Vb4$kPz8@nQw2e' },
      });
      expect(login.statusCode).toBe(401);
      const me = (await send(admin, 'GET', '/api/admin/users?q=admin'))
        .json()
        .items.find((u: { username: string }) => u.username === 'admin');
      expect((await send(admin, 'POST', `/api/admin/users/${me.id}/disable`)).json().code).toBe(
        'user.self_lockout',
      );
      expect(
        (await send(admin, 'DELETE', `/api/admin/users/${me.id}/roles/${me.roles[0].id}`)).json().code,
      ).toBe('user.self_lockout');
    });

    it('answers an account outside the scope exactly like a missing one', async () => {
      const supervisor = await platform.deps.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'supervisor')
        .executeTakeFirstOrThrow();
      for (const [method, suffix, payload] of [
        ['GET', '', undefined],
        ['POST', '/reset-password', { password: PASSWORD }],
        ['POST', '/disable', undefined],
        ['POST', '/roles', { role: 'cadre', jurisdictionId: DEMO_JURISDICTION_IDS.K }],
      ] as const) {
        const outside = await send(admin, method, `/api/admin/users/${supervisor.id}${suffix}`, payload);
        const missing = await send(admin, method, `/api/admin/users/${NOWHERE}${suffix}`, payload);
        expect(outside.statusCode, `${method} ${suffix}`).toBe(404);
        expect(outside.body).toBe(missing.body);
      }
      const status = await platform.deps.db
        .selectFrom('users')
        .select('status')
        .where('id', '=', supervisor.id)
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('active');
    });

    it('creates a unit in scope, audited; refuses duplicates and other counties', async () => {
      const body = {
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
        code: 'K-NEW-1',
        name: '县数据资源局',
        kind: 'government',
      };
      const created = await send(admin, 'POST', '/api/admin/units', body);
      expect(created.statusCode, created.body).toBe(201);
      const unit = created.json();
      expect(unit).toMatchObject({
        code: 'K-NEW-1',
        name: '县数据资源局',
        jurisdictionId: DEMO_JURISDICTION_IDS.K,
        cadreCount: 0,
      });
      expect(await audit('unit.created', unit.id)).toHaveLength(1);
      const listed = (
        await send(admin, 'GET', `/api/units?jurisdictionId=${DEMO_JURISDICTION_IDS.K}`)
      ).json();
      expect(listed.items.map((u: { id: string }) => u.id)).toContain(unit.id);
      expect(
        (await send(admin, 'POST', '/api/admin/units', { ...body, name: '另一个名称' })).json(),
      ).toMatchObject({ code: 'record.duplicate', field: 'code' });
      expect(
        (await send(admin, 'POST', '/api/admin/units', { ...body, code: 'K-NEW-2' })).json(),
      ).toMatchObject({ code: 'record.duplicate', field: 'name' });
      const elsewhere = await send(admin, 'POST', '/api/admin/units', {
        ...body,
        code: 'L-NEW-1',
        jurisdictionId: DEMO_JURISDICTION_IDS.L,
      });
      expect(elsewhere.json()).toMatchObject({ code: 'jurisdiction.unknown', field: 'jurisdictionId' });
      const badParent = await send(admin, 'POST', '/api/admin/units', {
        ...body,
        code: 'K-NEW-3',
        name: '下属中心',
        parentId: NOWHERE,
      });
      expect(badParent.json()).toMatchObject({ code: 'unit.parent_invalid', field: 'parentId' });
      const child = await send(admin, 'POST', '/api/admin/units', {
        ...body,
        code: 'K-NEW-4',
        name: '下属中心',
        parentId: unit.id,
        kind: 'institution',
      });
      expect(child.json().parentId).toBe(unit.id);
    });
  });
});
