import { Browser, Locator, Page, Response, expect, test } from '@playwright/test';

/*
 * The whole assessment workflow on a fresh database (the host seeds the users and the published sample
 * scheme; no period is open): the official opens a monthly period, 兰州's clerk enters lines of several rule
 * kinds with evidence and reports them, the city administrator submits the city, the auditor adjusts a line
 * with a reason and approves, the official publishes and the dashboard ranks 兰州.
 */

const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const CITY = '兰州';
/** Monthly period of 2026 with a number no other test uses. */
const YEAR = 2026;
const MONTH = Number(process.env['E2E_FLOW_MONTH'] ?? 9);

/** A 1×1 PNG: the evidence file. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Session {
  page: Page;
  close: () => Promise<void>;
}

const consoleErrors: string[] = [];

/** A fresh browser context per user, signed in, with console errors collected. */
async function signIn(
  browser: Browser,
  user: string,
  city: string | null = null,
): Promise<Session> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') {
      consoleErrors.push(`[${user}${city ? '@' + city : ''}] ${message.text()}`);
    }
  });
  page.on('pageerror', (error) =>
    consoleErrors.push(`[${user}${city ? '@' + city : ''}] ${error.message}`),
  );
  await page.goto('/login');
  if (city) {
    await page.getByTestId('login-side').getByText('试点城市').click();
    await page.getByTestId('login-tenant').click();
    await page.locator('nz-option-item', { hasText: city }).click();
  }
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
  return { page, close: () => context.close() };
}

function api(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );
}

/** Picks an option of an nz-select by its text. */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.locator('nz-option-item').filter({ hasText: text }).first().click();
}

/** Confirms the open popconfirm. */
async function confirmPopover(page: Page): Promise<void> {
  await page.locator('.ant-popover').filter({ visible: true }).locator('.ant-btn-primary').click();
}

function wallClock(date: Date): string {
  // Asia/Shanghai wall clock (UTC+8, no daylight saving)
  const shanghai = new Date(date.getTime() + 8 * 3600_000);
  return shanghai.toISOString().slice(0, 16).replace('T', ' ');
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/flow-${name}.png`, fullPage: true });
}

test('a period runs from opening through entry, review and publishing to the ranking', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  consoleErrors.length = 0;

  // 1. The official creates and opens a monthly period.
  const official = await signIn(browser, 'official');
  let page = official.page;
  await page.goto('/periods');
  await page.getByTestId('period-create').click();
  const dialog = page.locator('.ant-modal-content').filter({ visible: true });
  await choose(page, dialog.getByTestId('period-scheme'), '考评细则（示例）');
  await choose(
    page,
    dialog.locator('nz-form-item', { hasText: '类型' }).locator('nz-select'),
    '月度',
  );
  await dialog.locator('input#p-year').fill(String(YEAR));
  await dialog.locator('input#p-number').fill(String(MONTH));
  const now = Date.now();
  for (const [id, when] of [
    ['p-opens', new Date(now - 24 * 3600_000)],
    ['p-closes', new Date(now + 20 * 24 * 3600_000)],
  ] as const) {
    const box = dialog.locator(`input#${id}`);
    await box.click();
    await box.fill(wallClock(when));
    await page
      .locator('.ant-picker-dropdown')
      .filter({ visible: true })
      .locator('.ant-picker-ok button')
      .click();
    await expect(box).toHaveValue(wallClock(when));
  }
  const created = api(page, 'POST', /^\/api\/app\/periods$/);
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  const period = (await (await created).json()) as { id: string; name: string };
  expect(period.id).toBeTruthy();
  const row = page.getByTestId('period-table').locator('tbody tr', { hasText: period.name });
  await row.getByTestId('period-open').click();
  const opened = api(page, 'POST', new RegExp(`/api/app/periods/${period.id}/open$`));
  await confirmPopover(page);
  expect((await opened).status()).toBe(200);
  await expect(row).toContainText('填报中');
  await shot(page, '01-period-open');

  // 2. 兰州's clerk enters a number, occurrences and a grade, uploads evidence and reports the lines.
  const clerk = await signIn(browser, 'clerk', CITY);
  page = clerk.page;
  const sheetLoaded = api(page, 'GET', new RegExp(`/api/app/data-entry/periods/${period.id}$`));
  await page.goto('/data-entry');
  await choose(page, page.getByTestId('entry-period'), period.name);
  await sheetLoaded;
  const table = page.getByTestId('entry-table');

  // number (ratio to target): typed, Enter saves and moves on
  let saved = api(page, 'PUT', /\/lines\/B02$/);
  await table.locator('input[data-code="B02"]').fill('92');
  await table.locator('input[data-code="B02"]').press('Enter');
  expect((await saved).status()).toBe(200);

  // occurrences (per-occurrence deduction): one incident, Tab leaves the box and saves
  saved = api(page, 'PUT', /\/lines\/A01$/);
  await table.locator('input[data-code="A01"][data-occurrence=""]').fill('1');
  await table.locator('input[data-code="A01"][data-occurrence=""]').press('Tab');
  expect((await saved).status()).toBe(200);

  // qualitative grade, evidence required
  saved = api(page, 'PUT', /\/lines\/F01$/);
  await choose(page, table.locator('[data-grade="F01"]'), '良');
  expect((await saved).status()).toBe(200);
  await expect(table.locator('[data-state="F01"]')).toContainText('已保存');
  await shot(page, '02-clerk-entry');

  // evidence upload with progress
  await table.locator('[data-evidence="F01"]').click();
  const drawer = page.locator('.ant-drawer-content').filter({ visible: true });
  const uploaded = api(page, 'POST', /\/api\/app\/data-entry\/lines\/[^/]+\/evidence$/);
  await drawer
    .getByTestId('evidence-upload')
    .locator('input[type="file"]')
    .setInputFiles({ name: '综治中心现场照片.png', mimeType: 'image/png', buffer: PNG });
  expect((await uploaded).status()).toBe(200);
  const progress = drawer.getByTestId('evidence-progress');
  await expect(progress).toHaveAttribute('data-done', 'true');
  await expect(progress.locator('.ant-progress-status-success')).toHaveCount(1);
  await expect(drawer.getByTestId('evidence-table')).toContainText('综治中心现场照片.png');
  await shot(page, '03-evidence');
  await drawer.locator('.ant-drawer-close').click();
  await expect(table.locator('[data-evidence="F01"]')).toContainText('1');

  // report every entered line to the city administrator
  await page.getByTestId('entry-submit-lines').click();
  const reported = api(page, 'POST', /\/lines\/submit$/);
  await confirmPopover(page);
  expect((await reported).status()).toBe(200);
  for (const code of ['A01', 'B02', 'F01']) {
    await expect(table.locator(`[data-status="${code}"]`)).toHaveText('已报送');
  }
  await expect(table.locator('input[data-code="B02"]')).toBeDisabled();
  await shot(page, '04-lines-reported');
  await clerk.close();

  // 3. The city administrator submits the city's self-assessment.
  const admin = await signIn(browser, 'admin', CITY);
  page = admin.page;
  const adminSheet = api(page, 'GET', new RegExp(`/api/app/data-entry/periods/${period.id}$`));
  await page.goto('/data-entry');
  await choose(page, page.getByTestId('entry-period'), period.name);
  await adminSheet;
  await page.getByTestId('entry-submit-city').click();
  const submitted = api(page, 'POST', new RegExp(`/periods/${period.id}/submit$`));
  await confirmPopover(page);
  expect((await submitted).status()).toBe(200);
  await expect(page.getByTestId('entry-submission-status')).toHaveText('已提交省级');
  await shot(page, '05-city-submitted');
  await admin.close();

  // 4. The auditor adjusts a line with a reason and approves.
  const auditor = await signIn(browser, 'auditor');
  page = auditor.page;
  await page.goto('/reviews');
  const listed = api(page, 'GET', new RegExp(`/reviews/periods/${period.id}/submissions$`));
  await choose(page, page.getByTestId('review-period'), period.name);
  await listed;
  const cityRow = page.getByTestId('review-table').locator('tbody tr', { hasText: CITY });
  await expect(cityRow).toContainText('已提交省级');
  await cityRow.locator('a[data-open]').click();
  const lines = page.getByTestId('review-lines');
  await expect(lines.locator('tr[data-line="F01"]')).toContainText('综治中心现场照片.png');

  await lines.locator('[data-adjust="B02"]').click();
  const adjust = page.locator('.ant-modal-content').filter({ visible: true });
  await adjust.getByTestId('adjust-score').locator('input').fill('3.5');
  await adjust.getByTestId('adjust-reason').fill('');
  await adjust.locator('.ant-modal-footer .ant-btn-primary').click();
  // the reason is required: the message stands beside the field and nothing is sent
  await expect(
    adjust.locator('nz-form-item', { has: page.getByTestId('adjust-reason') }),
  ).toContainText('必填');
  await adjust.getByTestId('adjust-reason').fill('破案率台账与公安系统数据不一致，按核实数计分');
  const adjusted = api(page, 'POST', /\/api\/app\/reviews\/lines\/[^/]+\/adjust$/);
  await adjust.locator('.ant-modal-footer .ant-btn-primary').click();
  expect((await adjusted).status()).toBe(200);
  await expect(lines.locator('[data-auditor="B02"]')).toContainText('3.5');
  await expect(lines.locator('[data-auditor="B02"]')).toContainText('破案率台账');
  await shot(page, '06-review-adjusted');

  await page.getByTestId('review-approve').click();
  const approved = api(page, 'POST', /\/approve$/);
  await confirmPopover(page);
  expect((await approved).status()).toBe(200);
  await expect(page.getByTestId('review-status')).toHaveText('已审核');
  await shot(page, '07-approved');
  await auditor.close();

  // 5. The official publishes; the dashboard ranks 兰州.
  page = official.page;
  const periods = api(page, 'GET', /^\/api\/app\/periods$/);
  await page.reload();
  await periods;
  const publishRow = page.getByTestId('period-table').locator('tbody tr', { hasText: period.name });
  const summary = api(page, 'GET', new RegExp(`/reviews/periods/${period.id}/submissions$`));
  await publishRow.getByTestId('period-publish').click();
  await summary;
  await expect(page.getByTestId('publish-summary')).toContainText('已审核通过 1 /');
  // The window is still open and four cities were not approved: the official gives the reasons.
  await page.getByTestId('publish-early-close-reason').fill('全省统一提前汇总');
  for (const reason of await page.getByTestId('publish-left-out-reason').all()) {
    await reason.fill('本期未完成审核');
  }
  await shot(page, '08-publish-confirm');
  const published = api(page, 'POST', new RegExp(`/results/periods/${period.id}/publish$`));
  await page
    .locator('.ant-modal-content')
    .filter({ visible: true })
    .locator('.ant-modal-footer .ant-btn-primary')
    .click();
  expect((await published).status()).toBe(200);
  await expect(publishRow).toContainText('已发布');

  await page.goto('/dashboard');
  const ranking = api(page, 'GET', new RegExp(`/results/periods/${period.id}/ranking$`));
  await choose(page, page.getByTestId('dashboard-period'), period.name);
  await ranking;
  await expect(page.getByTestId('dashboard-ranking')).toContainText(CITY);
  await shot(page, '09-dashboard');
  await official.close();

  expect(consoleErrors).toEqual([]);
});
