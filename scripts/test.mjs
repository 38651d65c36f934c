#!/usr/bin/env node
// `npm test`: unit, integration (PGlite; PostgreSQL too when TEST_DATABASE_URL is set) and browser
// tests in one vitest run, then one plain closing line "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildWebIfStale, root } from './build-web.mjs';

const browserAvailable = fs.existsSync('/usr/bin/chromium');
const projects = ['unit', 'integration'];
if (browserAvailable) {
  buildWebIfStale();
  projects.push('e2e');
} else if (process.env.CI) {
  console.error('CI needs Chromium for the browser tests: apt-get install -y chromium fonts-noto-cjk poppler-utils');
  process.exit(1);
} else {
  console.warn('⚠ /usr/bin/chromium not found: browser tests skipped (apt-get install -y chromium fonts-noto-cjk)');
}
if (!process.env.TEST_DATABASE_URL) console.warn('⚠ TEST_DATABASE_URL not set: integration tests run on PGlite only');

const report = path.join(root, '.tmp/vitest-report.json');
fs.mkdirSync(path.dirname(report), { recursive: true });
fs.rmSync(report, { force: true });
const args = ['run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const result = spawnSync(process.execPath, [vitest, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } });

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = json.numFailedTests ?? 0;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
const code = result.status ?? 1;
if (code !== 0 && failed === 0) failed = 1; // a crash or a failed suite with no test counted
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(code);
