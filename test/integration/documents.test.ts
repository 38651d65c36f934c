/**
 * Issued documents: download as .pdf/.docx (scoped to the matter, audited), and the public
 * verification by code and by upload — a changed byte in the signed content must fail.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntry } from '../../src/documents/zip-entry.ts';
import { SIGNED_CONTENT_PROPERTY } from '../../src/documents/embedded.ts';
import type { App } from '../../src/server/build-app.ts';
import { createTestApp, createTestPlatform, ENGINES, type TestPlatform } from '../support/platform.ts';
import { multipart } from '../support/roster-files.ts';
import { ToleranceFlow } from '../support/tolerance-flow.ts';

const TITLE = '关于张明同志容错免责的认定决定书';

/** Changes one byte of the canonical content embedded (base64) in a rendered PDF, keeping its length. */
function tamperEmbeddedContent(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const key = text.lastIndexOf(`/${SIGNED_CONTENT_PROPERTY}`);
  const ref = /^\/\w+\s+(\d+)\s+0\s+R/.exec(text.slice(key))!;
  const objectStart = text.indexOf(`\n${ref[1]} 0 obj`) + 1;
  const open = text.indexOf('(', objectStart);
  const close = text.indexOf(')', open);
  const content = Buffer.from(text.slice(open + 1, close), 'base64').toString('utf8');
  // One ASCII byte of the signed JSON: the year of the signature date.
  const changed = content.replace(
    /("date":"\d{3})(\d)/,
    (_, head: string, digit: string) => `${head}${(Number(digit) + 1) % 10}`,
  );
  expect(changed).not.toBe(content);
  const encoded = Buffer.from(changed, 'utf8').toString('base64');
  expect(encoded.length).toBe(close - open - 1);
  return Buffer.concat([pdf.subarray(0, open + 1), Buffer.from(encoded, 'latin1'), pdf.subarray(close)]);
}

describe.each(ENGINES)('documents on %s', (engine) => {
  let platform: TestPlatform;
  let app: App;
  let flow: ToleranceFlow;
  let matterId: string;
  let doc: { id: string; code: string; number: string; title: string };
  let pdf: Buffer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rongcuo-documents-test-'));
  const verifyUpload = (bytes: Uint8Array, filename: string, ip = '10.0.0.1') => {
    const body = multipart(filename, bytes);
    return app.inject({
      method: 'POST',
      url: '/api/verify',
      payload: body.payload,
      headers: body.headers,
      remoteAddress: ip,
    });
  };

  beforeAll(async () => {
    platform = await createTestPlatform(engine, { seed: true });
    app = await createTestApp(platform);
    flow = new ToleranceFlow(app, platform);
    matterId = await flow.decided();
    doc = (await flow.detail('officer', matterId)).documents.find((d) => d.kind === 'tolerance_exempt')!;
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
  });

  it('downloads the determination as a PDF carrying the title, the cadre and the verification code, and audits it', async () => {
    const res = await flow.get('officer', `/api/documents/${doc.id}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent(`${TITLE}.pdf`)}`,
    );
    pdf = res.rawPayload;
    const file = path.join(dir, `determination-${engine}.pdf`);
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
      /[ \t]+/g,
      '',
    );
    expect(text).toContain(TITLE);
    expect(text).toContain('张明');
    expect(text).toContain(doc.code);
    expect(text).toContain(doc.number);
    // Rendered from what was signed: the same bytes on every download.
    expect((await flow.get('officer', `/api/documents/${doc.id}.pdf`)).rawPayload.equals(pdf)).toBe(true);
    execFileSync('pdftoppm', [
      '-r',
      '60',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      file,
      path.join(os.tmpdir(), `rongcuo-determination-${engine}`),
    ]);

    const downloads = await platform.deps.db
      .selectFrom('audit_events')
      .select('data')
      .where('action', '=', 'document.downloaded')
      .where('entity_id', '=', matterId)
      .execute();
    expect(downloads.map((e) => e.data)).toContainEqual({
      documentId: doc.id,
      kind: 'tolerance_exempt',
      number: doc.number,
      format: 'pdf',
    });
  });

  it('downloads the .docx with the signed content embedded', async () => {
    const res = await flow.get('cadre', `/api/documents/${doc.id}.docx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${TITLE}.docx`));
    const body = new TextDecoder().decode(readZipEntry(res.rawPayload, 'word/document.xml')!);
    expect(body).toContain('张明');
    expect(body).toContain(doc.code);
    const verified = await verifyUpload(res.rawPayload, 'determination.docx');
    expect(verified.json()).toMatchObject({ valid: true, status: 'valid' });
  });

  it('hides documents of matters the user may not see, exactly like a missing one', async () => {
    const missing = await flow.get('officer', '/api/documents/00000000-0000-4000-8000-000000000000.pdf');
    const hidden = await flow.get('supervisor', `/api/documents/${doc.id}.pdf`);
    expect(missing.statusCode).toBe(404);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).toBe(missing.body);
    expect((await app.inject({ method: 'GET', url: `/api/documents/${doc.id}.pdf` })).statusCode).toBe(401);
  });

  it("verifies a code publicly, masking the cadre's name", async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/verify?code=${doc.code.toLowerCase().replaceAll('-', ' ')}`,
      remoteAddress: '10.0.0.2',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      status: 'valid',
      document: {
        kind: 'tolerance_exempt',
        number: doc.number,
        title: '关于张某同志容错免责的认定决定书',
        issuedAt: expect.any(String),
        issuer: '中共K县纪律检查委员会',
        digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    });
    expect(res.body).not.toContain('张明');
    const random = await app.inject({
      method: 'GET',
      url: '/api/verify?code=ABCD-EFGH-JKMN-PQRS',
      remoteAddress: '10.0.0.2',
    });
    expect(random.json()).toEqual({ valid: false, status: 'unknown' });
    const garbage = await app.inject({
      method: 'GET',
      url: '/api/verify?code=not-a-code',
      remoteAddress: '10.0.0.2',
    });
    expect(garbage.json()).toEqual({ valid: false, status: 'unknown' });
  });

  it('verifies an uploaded PDF, and rejects one whose embedded content has one changed byte', async () => {
    expect((await verifyUpload(pdf, 'determination.pdf')).json()).toMatchObject({
      valid: true,
      status: 'valid',
      document: { number: doc.number },
    });
    const tampered = await verifyUpload(tamperEmbeddedContent(pdf), 'determination.pdf');
    expect(tampered.statusCode).toBe(200);
    expect(tampered.json()).toMatchObject({ valid: false, status: 'content_changed' });
    expect((await verifyUpload(Buffer.from('%PDF-1.7 nothing here'), 'other.pdf')).json()).toEqual({
      valid: false,
      status: 'unreadable',
    });
  });

  it('describes the endpoints in the OpenAPI document', async () => {
    const spec = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/verify', '/api/documents/{id}.pdf', '/api/documents/{id}.docx']),
    );
  });

  it('rate-limits the public endpoints per address (30 a minute)', async () => {
    const ask = (ip: string) =>
      app.inject({ method: 'GET', url: `/api/verify?code=${doc.code}`, remoteAddress: ip });
    for (let i = 0; i < 30; i += 1) expect((await ask('10.9.9.9')).statusCode).toBe(200);
    const limited = await ask('10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'request.rate_limited' });
    expect((await verifyUpload(pdf, 'determination.pdf', '10.9.9.9')).statusCode).toBe(429);
    expect((await ask('10.9.9.10')).statusCode).toBe(200);
    platform.clock.advance(60_000);
    expect((await ask('10.9.9.9')).statusCode).toBe(200);
  });
});
