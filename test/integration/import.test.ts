import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { createTestApp, createTestPlatform, ENGINES, signIn, type TestPlatform } from '../support/platform.ts';
import { csv, csvLine, multipart, testResidentId, testRows, xlsx } from '../support/roster-files.ts';
import type { App } from '../../src/server/build-app.ts';

describe.each(ENGINES)('roster import on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let admin: Awaited<ReturnType<typeof signIn>>;
  const count = async () => Number((await platform.handle.db.selectFrom('cadres').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const upload = (file: string, bytes: Uint8Array, query = '') => {
    const body = multipart(file, bytes);
    return app.inject({ method: 'POST', url: `/api/imports/cadres${query}`, payload: body.payload, headers: { ...body.headers, ...admin.headers }, cookies: admin.cookies });
  };

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    admin = await signIn(app, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('imports a valid .xlsx, and re-importing the same file changes nothing', async () => {
    const before = await count();
    const file = await xlsx(testRows(12));
    const first = await upload('roster.xlsx', file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'imported', created: 12, updated: 0, unchanged: 0, errors: [] });
    expect(await count()).toBe(before + 12);
    const auditBefore = await platform.handle.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    const again = await upload('roster.xlsx', file);
    expect(again.json()).toMatchObject({ status: 'imported', created: 0, updated: 0, unchanged: 12 });
    expect(await count()).toBe(before + 12);
    const auditAfter = await platform.handle.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    // Only the import's own summary event; no cadre event for unchanged rows.
    expect(Number(auditAfter.seq) - Number(auditBefore.seq)).toBe(1);
  });

  it('updates changed rows by ID number and audits the changed field names, never their values', async () => {
    const rows = testRows(12);
    rows[3] = { ...rows[3]!, position: '副科长', mobile: '17099998888' };
    const res = await upload('roster.xlsx', await xlsx(rows));
    expect(res.json()).toMatchObject({ created: 0, updated: 1, unchanged: 11 });
    const event = await platform.handle.db.selectFrom('audit_events').selectAll().where('action', '=', 'cadre.updated').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ changed: ['position', 'mobile'] });
    expect(JSON.stringify(event.data)).not.toContain('17099998888');
  });

  it('all-or-nothing: a file with broken rows writes nothing and lists every bad cell with row and column', async () => {
    const before = await count();
    const good = testRows(6, '县教育局').map((r, i) => ({ ...r, idNumber: testResidentId(40 + i) , gender: 'male' as const }));
    const lines = good.map(csvLine);
    lines[1] = lines[1]!.replace(good[1]!.idNumber, good[1]!.idNumber.slice(0, 17) + (good[1]!.idNumber[17] === '1' ? '2' : '1'));
    lines[3] = lines[3]!.replace(good[3]!.name, '');
    lines[4] = lines[4]!.replace(',县教育局,', ',不存在的局,');
    const res = await upload('broken.csv', csv(lines, 'gb18030'));
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.code).toBe('import.rows_invalid');
    const report = body.details.report;
    expect(report).toMatchObject({ status: 'rejected', encoding: 'gb18030', format: 'csv', totalRows: 6 });
    const cells = report.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(cells).toEqual(expect.arrayContaining(['3:身份证号', '5:姓名', '6:单位']));
    for (const e of report.errors) {
      expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.messageEn).toMatch(/[a-z]/);
    }
    expect(await count()).toBe(before);
  });

  it('valid-rows mode imports the good rows and skips the bad ones', async () => {
    const before = await count();
    const rows = testRows(4, '县教育局').map((r, i) => ({ ...r, idNumber: testResidentId(60 + i, r.gender) }));
    const lines = rows.map(csvLine);
    lines[2] = lines[2]!.replace(',1985-03,', ',1985-13,');
    const res = await upload('partial.csv', csv(lines), '?mode=valid_rows');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'imported', created: 3, skipped: 1, errors: [{ row: 4, column: '出生年月' }] });
    expect(await count()).toBe(before + 3);
  });

  it('a dry run previews without writing', async () => {
    const before = await count();
    const rows = testRows(3, '县教育局').map((r, i) => ({ ...r, idNumber: testResidentId(80 + i, r.gender) }));
    const res = await upload('preview.xlsx', await xlsx(rows), '?dryRun=true');
    expect(res.json()).toMatchObject({ status: 'preview', created: 3 });
    expect(await count()).toBe(before);
  });

  it('rejects files that are not rosters, and oversized uploads', async () => {
    const png = await upload('photo.xlsx', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(png.statusCode).toBe(400);
    const noColumns = await upload('x.csv', Buffer.from('a,b\n1,2\n'));
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().code).toBe('import.missing_columns');
    const huge = await upload('big.csv', Buffer.alloc(platform.config.maxUploadBytes + 10, 0x41));
    expect(huge.statusCode).toBe(413);
  });

  it('keeps the audit chain intact through all of it', async () => {
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
