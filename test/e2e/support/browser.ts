/**
 * Browser tests against the real server: the app is built with `buildApp` on a seeded test platform
 * and listens on a free port; Chromium (Debian's /usr/bin/chromium) drives the built web app from
 * dist/web. Each user gets their own browser context (own cookies), at the viewport they would use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type App } from '../../../src/server/build-app.ts';
import { createTestPlatform, type TestPlatform } from '../../support/platform.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
// E2E_WEB_DIR: a build of one's own, so another build of dist/web cannot swap the chunks mid-run.
export const WEB_DIR = process.env.E2E_WEB_DIR ?? path.join(root, 'dist/web');
export const PASSWORD = 'rongcuo-demo-2026';

export const VIEWPORTS = {
  desktop: { width: 1366, height: 800 },
  tablet: { width: 1024, height: 768 },
  phone: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Harness = {
  platform: TestPlatform;
  app: App;
  baseUrl: string;
  browser: Browser;
  /** Console errors, page errors and failed requests seen so far, with the page they came from. */
  problems: string[];
  close(): Promise<void>;
};

/** The seeded platform, the server listening on a free port, and Chromium. */
export async function startHarness(): Promise<Harness> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html')))
    throw new Error(`no built web app in ${WEB_DIR}: run npx vite build --config vite.config.ts`);
  // The server's clock is frozen at the real "now": Chromium expires cookies by the real clock, so a
  // session made at the platform's default date (in the past) would be dropped at once.
  const platform = await createTestPlatform('pglite', { seed: true, now: new Date().toISOString() });
  const app = await buildApp({
    config: platform.config,
    deps: platform.deps,
    webDir: WEB_DIR,
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  return {
    platform,
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    browser,
    problems: [],
    close: async () => {
      await browser.close();
      await app.close();
      await platform.close();
    },
  };
}

/** A fresh context (own cookies) at a viewport, with the browser's clock on the server's frozen "now". */
export async function newUserPage(harness: Harness, viewport: ViewportName, label: string): Promise<Page> {
  const context: BrowserContext = await harness.browser.newContext({
    viewport: VIEWPORTS[viewport],
    isMobile: viewport === 'phone',
    hasTouch: viewport !== 'desktop',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  // Dates the page offers (today in date fields) must agree with the server's test clock.
  await context.clock.setFixedTime(harness.platform.clock.now());
  const page = await context.newPage();
  page.on('pageerror', (error) => harness.problems.push(`${label}: page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A 4xx answer the page handles (e.g. probing the session) is logged by Chromium as a failed resource.
    if (message.text().startsWith('Failed to load resource')) return;
    harness.problems.push(`${label}: console error: ${message.text().slice(0, 300)}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500)
      harness.problems.push(`${label}: HTTP ${response.status()} ${response.url()}`);
  });
  return page;
}

/** Signs in through the login form and waits for the signed-in shell. */
export async function signInAs(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Saves a full-page screenshot as screenshots/<folder>/<name>.png after motion settles. */
export async function shot(page: Page, folder: string, name: string, fullPage = true): Promise<string> {
  const dir = path.join(root, 'screenshots', folder);
  fs.mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(350);
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** How far the page scrolls sideways (0 on a page that fits). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe-core violations of impact serious or critical, as "id: target" lines. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Picks an option of an antd Select opened from its labelled control. */
export async function chooseOption(page: Page, label: string | RegExp, option: string): Promise<void> {
  await page.getByLabel(label).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
      hasText: option,
    })
    .first()
    .click();
}
