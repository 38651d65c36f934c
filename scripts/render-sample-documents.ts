/**
 * Renders every document template with sample data, signed with a throw-away SM2 key, as .pdf and
 * .docx into OUTDIR:  npx tsx scripts/render-sample-documents.ts OUTDIR
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSm2KeyPair } from '../src/crypto/sm2.ts';
import { renderDocx } from '../src/documents/render-docx.ts';
import { renderPdf } from '../src/documents/render-pdf.ts';
import { sampleDocuments } from '../src/documents/samples.ts';
import { signOfficialDocument } from '../src/documents/sign.ts';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: npx tsx scripts/render-sample-documents.ts OUTDIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const key = generateSm2KeyPair();
const signer = { keyId: 'sample', privateKeyHex: key.privateKeyHex };

for (const [name, doc] of Object.entries(sampleDocuments())) {
  const signed = signOfficialDocument(doc, signer, 'https://jw.k-county.example.gov.cn/rongcuo');
  const started = Date.now();
  const pdf = await renderPdf(signed.document);
  const docx = await renderDocx(signed.document);
  writeFileSync(join(outDir, `${name}.pdf`), pdf);
  writeFileSync(join(outDir, `${name}.docx`), docx);
  console.log(
    `${name}: ${signed.signature.code}  pdf ${(pdf.length / 1024).toFixed(0)} KB, docx ${(docx.length / 1024).toFixed(0)} KB, ${Date.now() - started} ms`,
  );
}
