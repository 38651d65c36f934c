/**
 * The tolerance pages of scripts/screenshots.ts, visited as the user who works on each: the cadre's
 * applications and guided application, the officer's inbox and workspace, the meeting agenda and a
 * meeting, the higher level's and the organisation department's read-only views, and the public
 * verification page. Relies on the demo matters of the seed (a matter in each state).
 */
import type { Page } from 'playwright-core';

export type TourTools = {
  baseUrl: string;
  password: string;
  /** Records overflow and axe findings for the page as it is now. */
  check: (page: Page, name: string) => Promise<void>;
  /** Saves a screenshot named `name`. */
  shoot: (page: Page, name: string, fullPage?: boolean) => Promise<void>;
};

async function signIn(page: Page, tools: TourTools, username: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${tools.baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(tools.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByRole('heading', { level: 1 }).waitFor();
}

/** Opens the first matter in the list whose stage tag reads `stage`. */
async function openMatterIn(page: Page, tools: TourTools, stage: string): Promise<boolean> {
  await page.goto(`${tools.baseUrl}/matters?pageSize=100`);
  const row = page
    .locator('[data-testid=inbox-table] tr.ant-table-row, [data-testid=inbox-cards] li')
    .filter({ hasText: stage })
    .first();
  try {
    await row.waitFor({ timeout: 10_000 });
  } catch {
    return false;
  }
  await row.locator('a[href^="/matters/"]').first().click();
  await page.getByTestId('matter-number').waitFor();
  return true;
}

async function visit(
  page: Page,
  tools: TourTools,
  name: string,
  go: () => Promise<unknown>,
  fullPage = true,
): Promise<void> {
  await go();
  await page.waitForTimeout(400);
  await tools.check(page, name);
  await tools.shoot(page, name, fullPage);
}

export async function tourMatters(page: Page, tools: TourTools): Promise<void> {
  await signIn(page, tools, 'cadre');
  await visit(page, tools, 'cadre-my', () =>
    page.goto(`${tools.baseUrl}/my`).then(() => page.getByTestId('my-matters').waitFor()),
  );
  await visit(page, tools, 'cadre-apply', () =>
    page.goto(`${tools.baseUrl}/apply`).then(() => page.getByTestId('apply-learn').waitFor()),
  );
  await visit(page, tools, 'cadre-matter', async () => {
    await page.goto(`${tools.baseUrl}/my`);
    await page.getByTestId('my-matters').locator('a[href^="/matters/"]').first().click();
    await page.getByTestId('party-status').waitFor();
  });

  await signIn(page, tools, 'officer');
  await visit(
    page,
    tools,
    'officer-inbox',
    () =>
      page
        .goto(`${tools.baseUrl}/matters`)
        .then(() => page.locator('[data-testid=inbox-table], [data-testid=inbox-cards]').first().waitFor()),
    false,
  );
  if (await openMatterIn(page, tools, '核实中'))
    await visit(page, tools, 'officer-workspace', () => page.getByTestId('matter-info').waitFor());
  await visit(page, tools, 'officer-new-matter', () =>
    page.goto(`${tools.baseUrl}/matters/new`).then(() => page.getByTestId('new-matter-form').waitFor()),
  );

  await visit(page, tools, 'officer-dashboard', () =>
    page
      .goto(`${tools.baseUrl}/dashboard`)
      .then(() => page.getByTestId('chart-funnel').locator('svg').waitFor()),
  );

  await signIn(page, tools, 'leader');
  await visit(page, tools, 'leader-meetings', () =>
    page.goto(`${tools.baseUrl}/meetings`).then(() => page.getByTestId('agenda').waitFor()),
  );
  await visit(page, tools, 'leader-meeting', async () => {
    await page.getByTestId('agenda-item').first().click();
    await page.getByTestId('meeting').waitFor();
  });

  await signIn(page, tools, 'supervisor');
  await visit(
    page,
    tools,
    'supervisor-list',
    () => page.goto(`${tools.baseUrl}/matters`).then(() => page.getByRole('heading', { level: 1 }).waitFor()),
    false,
  );
  await visit(page, tools, 'supervisor-dashboard', () =>
    page.goto(`${tools.baseUrl}/dashboard`).then(() => page.getByTestId('dashboard').waitFor()),
  );
  await signIn(page, tools, 'orgdept');
  if (await openMatterIn(page, tools, '已送达'))
    await visit(page, tools, 'orgdept-outcome', () => page.getByTestId('matter-number').waitFor());

  await signIn(page, tools, 'admin');
  await visit(
    page,
    tools,
    'admin-users',
    () =>
      page
        .goto(`${tools.baseUrl}/admin/users`)
        .then(() => page.locator('[data-testid=users-table] tr.ant-table-row').first().waitFor()),
    false,
  );
  await visit(
    page,
    tools,
    'admin-units',
    () =>
      page
        .goto(`${tools.baseUrl}/admin/units`)
        .then(() => page.locator('[data-testid=units-table] tr.ant-table-row').first().waitFor()),
    false,
  );
  await visit(page, tools, 'admin-policies', () =>
    page
      .goto(`${tools.baseUrl}/policies`)
      .then(() => page.locator('[data-testid=policies-table] tr.ant-table-row').first().waitFor()),
  );
  await visit(page, tools, 'admin-policy-diff', () =>
    page
      .goto(`${tools.baseUrl}/policies/k-county/2024-01-01?compare=2019-06-01`)
      .then(() => page.getByTestId('policy-diff').waitFor()),
  );
  await visit(page, tools, 'admin-calendar', () =>
    page
      .goto(`${tools.baseUrl}/admin/calendar`)
      .then(() => page.locator('[data-testid=calendar-years] tr.ant-table-row').first().waitFor()),
  );

  await page.context().clearCookies();
  await visit(page, tools, 'verify-public', () =>
    page.goto(`${tools.baseUrl}/verify`).then(() => page.getByTestId('verify-code').waitFor()),
  );
}
