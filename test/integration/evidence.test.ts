import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, ENGINES, signIn, type TestPlatform } from '../support/platform.ts';
import { buildApp, type App } from '../../src/server/build-app.ts';
import { DEMO_PEOPLE } from '../../src/db/seed/k-county.ts';
import { SYSTEM_ACTOR } from '../../src/audit/append.ts';
import { addUser } from '../../src/usecases/users/manage-users.ts';
import { sm3Hex } from '../../src/crypto/sm3.ts';
import { verifyAuditChain } from '../../src/audit/verify.ts';
import { tinyPdf, tinyPng } from '../../src/uploads/test-files.ts';

/** Small enough that the oversize test sends a modest body. */
const MAX_UPLOAD_BYTES = 64 * 1024;

type Part = { name: string; content: Uint8Array | string; filename?: string; contentType?: string };

/** multipart/form-data for app.inject: text fields and files, in order. */
function form(parts: Part[]) {
  const boundary = `----rongcuo${crypto.randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const type =
      part.filename !== undefined
        ? `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}`
        : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`),
      Buffer.from(part.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(ENGINES)('evidence uploads and downloads on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  type Session = Awaited<ReturnType<typeof signIn>>;
  let cadre: Session;
  let officer: Session;
  let stranger: Session;
  let matterId: string;
  let cadrePdf: { id: string; digest: string };
  let internalFileId: string;
  const pdf = tinyPdf('张明的情况说明');

  const upload = (s: Session, id: string, parts: Part[]) => {
    const body = form(parts);
    return app.inject({
      method: 'POST',
      url: `/api/matters/${id}/evidence`,
      payload: body.payload,
      headers: { ...body.headers, ...s.headers },
      cookies: s.cookies,
    });
  };
  const file = (filename: string, content: Uint8Array | string, extra: Part[] = []): Part[] => [
    { name: 'file', filename, content },
    ...extra,
  ];
  const download = (s: Session, id: string, fileId: string) =>
    app.inject({ url: `/api/matters/${id}/files/${fileId}`, cookies: s.cookies });
  const post = (s: Session, url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, payload: payload as object, cookies: s.cookies, headers: s.headers });
  const detail = async (s: Session, id: string) =>
    (await app.inject({ url: `/api/matters/${id}`, cookies: s.cookies })).json();

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await buildApp({
      config: { ...platform.config, maxUploadBytes: MAX_UPLOAD_BYTES },
      deps: platform.deps,
      logger: false,
    });
    // Another K County cadre with an account of their own: no relation to 张明's matter.
    const other = await platform.handle.db
      .selectFrom('cadres')
      .select('id')
      .where(
        'jurisdiction_id',
        '=',
        (
          await platform.handle.db
            .selectFrom('cadres')
            .select('jurisdiction_id')
            .where('id', '=', DEMO_PEOPLE.cadre.cadreId)
            .executeTakeFirstOrThrow()
        ).jurisdiction_id,
      )
      .where('unit_id', '!=', DEMO_PEOPLE.cadre.unitId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await addUser(platform.deps, SYSTEM_ACTOR, {
      username: 'othercadre',
      displayName: '其他干部',
      password: 'rongcuo-demo-2026',
      cadreId: other.id,
      roles: [{ role: 'cadre', jurisdictionCode: 'K' }],
    });
    [cadre, officer, stranger] = [
      await signIn(app, 'cadre'),
      await signIn(app, 'officer'),
      await signIn(app, 'othercadre'),
    ];
    const opened = await post(cadre, '/api/matters', {
      route: 'own_application',
      title: '关于提前开工的容错申请',
      summary: '为赶农时提前开工。',
      submit: true,
    });
    expect(opened.statusCode).toBe(201);
    matterId = opened.json().id;
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('a cadre uploads a PDF as the add_evidence step and downloads it back byte for byte, as an attachment', async () => {
    const res = await upload(
      cadre,
      matterId,
      file('情况说明.pdf', pdf, [{ name: 'description', content: '本人情况说明' }]),
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.file).toMatchObject({
      filename: '情况说明.pdf',
      mime: 'application/pdf',
      size: pdf.length,
      digest: sm3Hex(pdf),
      visibility: 'parties',
    });
    expect(body.matter.files.map((f: { id: string }) => f.id)).toContain(body.file.id);
    cadrePdf = body.file;
    const event = await platform.handle.db
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('entity_id', '=', matterId)
      .where('action', '=', 'tolerance.add_evidence')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({
      from: 'submitted',
      to: 'submitted',
      fileId: cadrePdf.id,
      digest: cadrePdf.digest,
    });

    const got = await download(cadre, matterId, cadrePdf.id);
    expect(got.statusCode).toBe(200);
    expect(Buffer.compare(got.rawPayload, Buffer.from(pdf))).toBe(0);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(
      `attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('情况说明.pdf')}`,
    );
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    const audited = await platform.handle.db
      .selectFrom('audit_events')
      .select(['actor', 'data'])
      .where('action', '=', 'evidence.downloaded')
      .where('entity_id', '=', cadrePdf.id)
      .execute();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({
      actor: 'cadre',
      data: { matterId, digest: cadrePdf.digest, visibility: 'parties' },
    });
  });

  it('refuses HTML named .pdf, a PNG named .pdf, and files over the size limit', async () => {
    const html = await upload(
      cadre,
      matterId,
      file('决定书.pdf', '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
    );
    expect(html.statusCode).toBe(400);
    expect(html.json()).toMatchObject({ code: 'upload.type_refused', details: { detected: 'HTML' } });
    const png = await upload(cadre, matterId, file('scan.pdf', tinyPng()));
    expect(png.statusCode).toBe(400);
    expect(png.json()).toMatchObject({
      code: 'upload.extension_mismatch',
      details: { declared: 'pdf', detected: 'PNG' },
    });
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set(pdf);
    const oversized = await upload(cadre, matterId, file('big.pdf', big));
    expect(oversized.statusCode).toBe(413);
    expect(oversized.json().code).toBe('request.too_large');
    const none = await upload(cadre, matterId, [{ name: 'description', content: '没有附件' }]);
    expect(none.json()).toMatchObject({ code: 'upload.missing_file', field: 'file' });
    const internal = await upload(
      cadre,
      matterId,
      file('b.pdf', pdf, [{ name: 'visibility', content: 'internal' }]),
    );
    expect(internal.json()).toMatchObject({ code: 'request.invalid', field: 'visibility' });
    const files = await platform.handle.db
      .selectFrom('matter_files')
      .select('id')
      .where('matter_id', '=', matterId)
      .execute();
    expect(files).toHaveLength(1);
  });

  it('stores the same bytes once, and strips paths and control characters from names', async () => {
    const res = await upload(cadre, matterId, file('..\\..\\windows\\evil\u202Etxt.pdf', pdf));
    expect(res.statusCode).toBe(201);
    expect(res.json().file.filename).toBe('eviltxt.pdf');
    const blobs = await platform.handle.db
      .selectFrom('files')
      .select('digest')
      .where('digest', '=', sm3Hex(pdf))
      .execute();
    expect(blobs).toHaveLength(1);
    expect(
      await platform.handle.db
        .selectFrom('matter_files')
        .select('id')
        .where('digest', '=', sm3Hex(pdf))
        .execute(),
    ).toHaveLength(2);
  });

  it('officer files are internal unless shared; the cadre never sees internal files or records', async () => {
    expect((await post(officer, `/api/matters/${matterId}/actions/accept`, {})).statusCode).toBe(200);
    await post(officer, `/api/matters/${matterId}/actions/add_task`, {
      kind: 'document_review',
      description: '调阅会议记录',
    });
    const internal = await upload(officer, matterId, file('谈话笔录.txt', '谈话笔录：某某称……'));
    expect(internal.statusCode, internal.body).toBe(201);
    expect(internal.json().file).toMatchObject({ visibility: 'internal', mime: 'text/plain; charset=utf-8' });
    internalFileId = internal.json().file.id;
    const shared = await upload(
      officer,
      matterId,
      file('调取清单.txt', '请提供会议纪要', [{ name: 'visibility', content: 'parties' }]),
    );
    expect(shared.json().file.visibility).toBe('parties');

    const seen = await detail(cadre, matterId);
    expect(seen.matter.view).toBe('party');
    expect(seen.files.map((f: { filename: string }) => f.filename).sort()).toEqual(
      ['eviltxt.pdf', '情况说明.pdf', '调取清单.txt'].sort(),
    );
    expect(seen.records.map((r: { kind: string }) => r.kind)).not.toContain('task');
    expect(JSON.stringify(seen)).not.toContain('谈话笔录');
    expect((await download(cadre, matterId, internalFileId)).statusCode).toBe(404);
    const officerGot = await download(officer, matterId, internalFileId);
    expect(officerGot.statusCode).toBe(200);
    expect(officerGot.rawPayload.toString('utf8')).toBe('谈话笔录：某某称……');
    expect((await detail(officer, matterId)).files).toHaveLength(4);
  });

  it('an unrelated cadre gets 404 for the matter, its files and its upload endpoint', async () => {
    expect(
      (await app.inject({ url: `/api/matters/${matterId}`, cookies: stranger.cookies })).statusCode,
    ).toBe(404);
    const got = await download(stranger, matterId, cadrePdf.id);
    expect(got.statusCode).toBe(404);
    expect(got.json().code).toBe('record.not_found');
    expect((await upload(stranger, matterId, file('x.pdf', pdf))).statusCode).toBe(404);
    // A file id of this matter under another matter's URL is no way in either.
    const { id: ownId } = (
      await post(stranger, '/api/matters', { route: 'own_application', title: '我的申请', summary: '说明。' })
    ).json();
    expect((await download(stranger, ownId, cadrePdf.id)).statusCode).toBe(404);
  });

  it('evidence cannot be added once the matter has left the stages that take it', async () => {
    const { id } = (
      await post(cadre, '/api/matters', { route: 'own_application', title: '撤回的申请', summary: '说明。' })
    ).json();
    expect((await post(cadre, `/api/matters/${id}/actions/withdraw`, {})).statusCode).toBe(200);
    const res = await upload(cadre, id, file('late.pdf', pdf));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('procedure.wrong_state');
  });

  it('documents both endpoints in OpenAPI', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/matters/{id}/evidence', '/api/matters/{matterId}/files/{fileId}']),
    );
  });

  it('leaves an intact audit chain', async () => {
    expect((await verifyAuditChain(platform.handle.db)).ok).toBe(true);
  });
});
