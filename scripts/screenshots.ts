/**
 * Screenshots of the main pages at desktop (1366×800) and phone (390×844) width, for looking at
 * the UI after a change. Also reports what a user would trip over: horizontal scrolling on the
 * phone, console errors, failed requests, and axe-core accessibility violations.
 *
 *   npx tsx scripts/screenshots.ts [baseUrl=http://127.0.0.1:3000] [outDir=screenshots] [importFile]
 *
 * Needs a running server in demo mode (admin / rongcuo-demo-2026) and /usr/bin/chromium.
 * importFile defaults to /tmp/fixtures/roster-broken.xlsx, else a broken CSV written on the fly.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tourMatters } from './screenshot-tour-matters.ts';

const baseUrl = (process.argv[2] ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const outDir = path.resolve(process.argv[3] ?? 'screenshots');
const USER = 'admin';
const PASSWORD = 'rongcuo-demo-2026';

const VIEWPORTS = {
  desktop: { width: 1366, height: 800 },
  phone: { width: 390, height: 844 },
} as const;
type ViewportName = keyof typeof VIEWPORTS;

const findings: string[] = [];
const note = (line: string) => {
  findings.push(line);
  console.log(`  ! ${line}`);
};

/** A CSV with the column names of the template and a few rows that must fail. */
function brokenCsv(): string {
  const file = path.join(os.tmpdir(), `rongcuo-broken-${process.pid}.csv`);
  const rows = [
    '姓名,性别,出生年月,身份证号,单位,职务,职级,政治面貌,状态,手机号',
    '张三,男,1980-05,110101198005051234,县委办公室,主任,一级主任科员,中共党员,在职,13800000000',
    ',女,1985-13,123,不存在的单位,科员,,群众,在职,',
    '李四,未知,不详,110101199001011235,县委办公室,副主任,,中共党员,在职,1380000',
  ];
  fs.writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

function importFile(): string {
  const given = process.argv[4] ?? '/tmp/fixtures/roster-broken.xlsx';
  return fs.existsSync(given) ? given : brokenCsv();
}

function watch(page: Page, viewport: ViewportName): void {
  page.on('pageerror', (error) => note(`${viewport}: page error: ${error.message}`));
  page.on('console', (message) => {
    // Failed loads are reported by the response handler below, which knows which ones are expected.
    if (message.text().startsWith('Failed to load resource')) return;
    if (message.type() === 'error' || message.type() === 'warning') {
      note(`${viewport}: console ${message.type()}: ${message.text().slice(0, 300)}`);
    }
  });
  page.on('response', (response) => {
    // 401 probing the session, refused imports, the not-yet-built members endpoint, a unit leader's roster.
    const expected =
      response.url().endsWith('/api/auth/me') ||
      response.url().includes('/api/imports/') ||
      response.url().endsWith('/committee');
    if (response.status() >= 400 && !expected)
      note(`${viewport}: HTTP ${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => note(`${viewport}: request failed: ${request.url()}`));
}

async function check(page: Page, viewport: ViewportName, name: string): Promise<void> {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 0) note(`${viewport}/${name}: page scrolls horizontally by ${overflow}px`);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  for (const violation of axe.violations) {
    const targets = violation.nodes
      .slice(0, 3)
      .map((n) => n.target.join(' '))
      .join(' | ');
    note(
      `${viewport}/${name}: axe ${violation.impact ?? ''} ${violation.id} (${violation.nodes.length}): ${targets}`,
    );
  }
}

async function shoot(
  page: Page,
  viewport: ViewportName,
  index: number,
  name: string,
  fullPage = true,
): Promise<void> {
  await page.waitForTimeout(300); // let antd's motion settle
  const file = path.join(outDir, `${viewport}-${String(index).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${path.relative(process.cwd(), file)}`);
}

async function run(context: BrowserContext, viewport: ViewportName): Promise<void> {
  console.log(`${viewport} ${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height}`);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page, viewport);
  let n = 1;

  await page.goto(`${baseUrl}/login`);
  await page.getByRole('button', { name: '登录' }).waitFor();
  await check(page, viewport, 'login');
  await shoot(page, viewport, n++, 'login');
  const demo = page.getByRole('button', { name: /演示账号/ });
  if (await demo.isVisible()) {
    await demo.click();
    await page.getByTestId(`demo-user-${USER}`).click();
    await shoot(page, viewport, n++, 'login-demo-filled');
  } else {
    await page.getByLabel('用户名').fill(USER);
    await page.getByLabel('密码').fill(PASSWORD);
  }
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForURL(`${baseUrl}/`);
  await check(page, viewport, 'home');
  await shoot(page, viewport, n++, 'home');

  if (viewport === 'phone') {
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await shoot(page, viewport, n++, 'menu-drawer', false);
    await page.keyboard.press('Escape');
  }

  await page.goto(`${baseUrl}/cadres`);
  await page
    .locator(
      viewport === 'phone'
        ? '[data-testid=roster-cards] li'
        : '[data-testid=roster-table] tbody tr.ant-table-row',
    )
    .first()
    .waitFor();
  await check(page, viewport, 'roster');
  await shoot(page, viewport, n++, 'roster', false);
  if (viewport === 'phone') {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shoot(page, viewport, n++, 'roster-end', false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: '筛选' }).click();
    await shoot(page, viewport, n++, 'roster-filters', false);
  }

  await page.locator('a[href^="/cadres/"]:not([href="/cadres/import"])').first().click();
  await page.getByTestId('cadre-detail').waitFor();
  await check(page, viewport, 'cadre-detail');
  await shoot(page, viewport, n++, 'cadre-detail');
  const reveal = page.getByRole('button', { name: /查看完整身份证号/ });
  if (await reveal.isVisible()) {
    await reveal.click();
    await page.getByRole('dialog').waitFor();
    await shoot(page, viewport, n++, 'cadre-reveal-confirm', false);
    await page.getByRole('button', { name: '确认查看' }).click();
    await page.getByRole('button', { name: '隐藏' }).waitFor();
    await shoot(page, viewport, n++, 'cadre-revealed');
  }

  await page.goto(`${baseUrl}/cadres/import`);
  await page.locator('input[type=file]').setInputFiles(importFile());
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-report').waitFor({ timeout: 60_000 });
  await check(page, viewport, 'import-errors');
  await shoot(page, viewport, n++, 'import-errors');

  await page.goto(`${baseUrl}/admin/audit`);
  await page.locator('[data-testid=audit-table] tbody tr.ant-table-row').first().waitFor();
  await check(page, viewport, 'audit');
  await shoot(page, viewport, n++, 'audit', false);

  if (viewport === 'desktop') {
    await page.getByTestId('language-switch').click();
    await page.goto(`${baseUrl}/cadres`);
    await page.locator('[data-testid=roster-table] tbody tr.ant-table-row').first().waitFor();
    await shoot(page, viewport, n++, 'roster-en', false);
    await page.getByTestId('language-switch').click(); // back to Chinese for the next run
  }

  await page.goto(`${baseUrl}/no-such-page`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shoot(page, viewport, n++, 'not-found', false);

  // The tolerance pages, each as the user who works on it (the cadre's at phone width matter most).
  await tourMatters(page, {
    baseUrl,
    password: PASSWORD,
    check: (p, name) => check(p, viewport, name),
    shoot: (p, name, fullPage = true) => shoot(p, viewport, n++, name, fullPage),
  });
}

async function main(): Promise<void> {
  fs.mkdirSync(outDir, { recursive: true });
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-udd-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args,
      viewport: VIEWPORTS[viewport],
      isMobile: viewport === 'phone',
      hasTouch: viewport === 'phone',
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    try {
      await run(context, viewport);
    } catch (error) {
      const file = path.join(outDir, `${viewport}-failure.png`);
      await context
        .pages()[0]
        ?.screenshot({ path: file, fullPage: true })
        .catch(() => undefined);
      note(
        `${viewport}: stopped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} (see ${file})`,
      );
    } finally {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    }
  }
  console.log(findings.length ? `\n${findings.length} finding(s).` : '\nNo findings.');
  process.exitCode = findings.length ? 1 : 0;
}

await main();
