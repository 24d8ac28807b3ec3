import { APIRequestContext, Browser, Page, expect, request, test } from '@playwright/test';

/**
 * Province screens: an agreement issued by the official and signed by the city, and the
 * monitoring dashboard. Each test creates what it needs (unique names), so the tests run in any
 * order on one fresh database.
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const OFFICIAL = process.env['E2E_OFFICIAL_USER'] ?? 'official';
const CITY = '金昌';
const CITY_NAME = '金昌市';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';

/** Fails the test on any console error or uncaught exception of the page. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

async function signIn(page: Page, userName: string, tenant: string | null = null): Promise<void> {
  await page.goto('/login');
  if (tenant) {
    await page.getByTestId('login-side').getByText('试点城市').click();
    await page.getByTestId('login-tenant').click();
    await page.locator('nz-option-item', { hasText: `${tenant}市` }).click();
  }
  await page.getByTestId('login-username').fill(userName);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
}

/** An API client signed in as the provincial official (or a city's user). */
async function apiAs(userName: string, tenant: string | null = null): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName, password: PASSWORD, tenant },
  });
  expect(login.ok()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` },
  });
}

async function newPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  return { page, errors: watchConsole(page) };
}

/** A tiny but real PDF (the host checks the file's signature, not its name). */
const SCAN_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
    '2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test('the official issues an agreement to a city and the city admin signs it with the scan', async ({
  browser,
}) => {
  // A year no other test uses: one agreement per city and year.
  const year = 2031 + Math.floor(Math.random() * 60);
  const title = `${year}年度${CITY_NAME}平安建设目标责任书（e2e ${Date.now()}）`;

  // 1. The official drafts it from the published scheme and issues it.
  const official = await newPage(browser);
  let page = official.page;
  await signIn(page, OFFICIAL);
  await page.getByTestId('side-menu').getByRole('link', { name: '目标责任书' }).click();
  await expect(page).toHaveURL(/\/agreements$/);
  await page.getByTestId('agreement-create').click();
  await page.getByTestId('agreement-city').click();
  await page.locator('nz-option-item', { hasText: CITY_NAME }).click();
  await page.getByTestId('agreement-scheme').click();
  await page.locator('nz-option-item').first().click();
  const yearInput = page.locator('#a-year input, input#a-year').first();
  await yearInput.fill(String(year));
  await page.locator('#a-title').fill(title);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();

  await expect(page).toHaveURL(/\/agreements\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('agreement-detail-status')).toHaveText('草稿');
  await expect(page.getByTestId('agreement-lines').locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/agreement-draft.png', fullPage: true });

  await page.getByTestId('agreement-issue').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page.getByTestId('agreement-detail-status')).toHaveText('已下达');
  await page.screenshot({ path: 'e2e/artifacts/agreement-issued.png', fullPage: true });
  const agreementUrl = page.url();
  expect(official.errors).toEqual([]);

  // 2. The city admin reads it, uploads the signed scan and signs.
  const city = await newPage(browser);
  page = city.page;
  await signIn(page, 'admin', CITY);
  await page.getByTestId('side-menu').getByRole('link', { name: '目标责任书' }).click();
  const row = page.getByTestId('agreement-table').locator('tbody tr', { hasText: title });
  await expect(row).toContainText('已下达');
  await row.getByTestId('agreement-link').click();
  await expect(page).toHaveURL(agreementUrl);
  await page.getByTestId('agreement-sign').click();
  await page.getByTestId('sign-signatory').fill('金昌市负责人');
  await page
    .getByTestId('sign-dialog')
    .locator('input[type="file"]')
    .setInputFiles({ name: '责任书签字盖章.pdf', mimeType: 'application/pdf', buffer: SCAN_PDF });
  await expect(page.getByTestId('sign-scan-name')).toHaveText('责任书签字盖章.pdf');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();

  await expect(page.getByTestId('agreement-detail-status')).toHaveText('已签署');
  await expect(page.getByTestId('agreement-signed-by')).toHaveText('金昌市负责人');
  await page.getByRole('tab', { name: /附件/ }).click();
  await expect(page.getByTestId('agreement-attachments')).toContainText('责任书签字盖章.pdf');
  await page.screenshot({ path: 'e2e/artifacts/agreement-signed.png', fullPage: true });
  expect(city.errors).toEqual([]);

  // 3. The official sees it signed and puts it in force.
  page = official.page;
  await page.reload();
  await expect(page.getByTestId('agreement-detail-status')).toHaveText('已签署');
  await page.getByTestId('agreement-in-force').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page.getByTestId('agreement-detail-status')).toHaveText('已生效');
  await page.screenshot({ path: 'e2e/artifacts/agreement-in-force.png', fullPage: true });

  // The Word export downloads
  const downloading = page.waitForEvent('download');
  await page.getByTestId('agreement-export').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.docx$/);

  // 4. An amendment: version 2 with a new target for B02, compared with version 1
  await page.getByTestId('agreement-amend').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page).not.toHaveURL(agreementUrl);
  await expect(page.getByTestId('agreement-detail-status')).toHaveText('草稿');
  const target = page.getByTestId('target-B02').locator('input');
  await target.fill('99');
  await target.blur();
  // 下达 waits for the edits to be saved, and says so on hover.
  await page.locator('app-disabled-reason', { has: page.getByTestId('agreement-issue') }).hover();
  await expect(page.locator('.ant-tooltip')).toContainText('请先保存修改');
  // The breadcrumb names the list and the agreement.
  await expect(page.getByTestId('breadcrumb')).toContainText('目标责任书');
  await expect(page.getByTestId('breadcrumb')).toContainText(title);
  // Back to the list with the target typed and not saved asks first; the official keeps editing.
  const amendedUrl = page.url();
  await page.getByRole('link', { name: '返回列表' }).click();
  await expect(page.locator('.ant-modal-confirm')).toContainText('有未保存的修改');
  await page.locator('.ant-modal-confirm-btns .ant-btn:not(.ant-btn-dangerous)').click();
  expect(page.url()).toBe(amendedUrl);
  await expect(target).toHaveValue('99');
  await page.getByTestId('agreement-save').click();
  await expect(page.getByTestId('agreement-save')).toBeDisabled();
  // A disabled button says why on hover (the pointer comes back to it after the click).
  await page.mouse.move(0, 0);
  await page.locator('app-disabled-reason', { has: page.getByTestId('agreement-save') }).hover();
  await expect(page.locator('.ant-tooltip')).toContainText('没有要保存的修改');
  await page.getByRole('tab', { name: '版本与变更' }).click();
  await page.getByTestId('compare-v1').click();
  await expect(page.getByTestId('agreement-diff')).toContainText('第1版 → 第2版');
  await expect(page.getByTestId('agreement-diff')).toContainText(/B02\s*:\s*100\s*→\s*99/);
  await page.screenshot({ path: 'e2e/artifacts/agreement-diff.png', fullPage: true });
  expect(official.errors).toEqual([]);
});

test('the dashboard draws its charts and the early-warning list without console errors', async ({
  browser,
}) => {
  // A quarterly period of 2026 (created if none exists): the cities' monitoring figures exist
  // from the moment a period is open, published or not.
  const api = await apiAs(OFFICIAL);
  const schemes = (await (
    await api.get('/api/app/schemes?Status=Published&MaxResultCount=100')
  ).json()) as {
    items: { id: string; year: number }[];
  };
  const scheme = schemes.items[0];
  expect(scheme).toBeTruthy();
  const periods = (await (await api.get('/api/app/periods')).json()) as {
    id: string;
    name: string;
    kind: string;
    year: number;
    number: number;
    status: string;
    schemeId: string;
  }[];
  let period = periods.find(
    (p) => p.kind === 'Quarterly' && p.year === 2026 && p.status !== 'Planned',
  );
  if (!period) {
    const taken = new Set(
      periods.filter((p) => p.kind === 'Quarterly' && p.year === 2026).map((p) => p.number),
    );
    const number = [1, 2, 3, 4].find((n) => !taken.has(n))!;
    const created = await api.post('/api/app/periods', {
      data: {
        schemeId: scheme.id,
        kind: 2,
        year: 2026,
        number,
        entryOpensAt: '2026-01-01T09:00:00',
        entryClosesAt: '2026-12-31T18:00:00',
      },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    period = await created.json();
    const opened = await api.post(`/api/app/periods/${period!.id}/open`);
    expect(opened.ok(), await opened.text()).toBeTruthy();
    period = await opened.json();
  }
  await api.dispose();

  // 金昌 reports a weak 群众安全感 (I01): a red line on the early-warning list.
  const cityApi = await apiAs('admin', CITY);
  const sheet = await cityApi.get(`/api/app/data-entry/periods/${period!.id}`);
  expect(sheet.ok(), await sheet.text()).toBeTruthy();
  const lines = (
    (await sheet.json()) as { lines: { indicatorCode: string; concurrencyStamp?: string }[] }
  ).lines;
  const i01 = lines.find((l) => l.indicatorCode === 'I01');
  expect(i01).toBeTruthy();
  const saved = await cityApi.put(`/api/app/data-entry/periods/${period!.id}/lines/I01`, {
    data: { value: { number: 50 }, concurrencyStamp: i01!.concurrencyStamp ?? null },
  });
  expect(saved.ok(), await saved.text()).toBeTruthy();
  await cityApi.dispose();

  const { page, errors } = await newPage(browser);
  await signIn(page, OFFICIAL);
  await page.getByTestId('side-menu').getByRole('link', { name: '监测看板' }).click();
  await expect(page).toHaveURL(/\/dashboard(\?period=[^&]+)?$/);
  await page.getByTestId('dashboard-period').click();
  await page.locator('nz-option-item', { hasText: period!.name }).first().click();

  await expect(page.getByTestId('dashboard-radar').locator('canvas')).toBeVisible();
  const warnings = page.getByTestId('dashboard-warnings').locator('tbody tr.ant-table-row');
  await expect(warnings.first()).toBeVisible();
  await expect(
    page.getByTestId('dashboard-completeness').locator('tbody tr.ant-table-row'),
  ).not.toHaveCount(0);

  // Early warnings of one city only
  await page.getByTestId('dashboard-warning-city').click();
  await page.locator('nz-option-item', { hasText: CITY_NAME }).click();
  await expect(warnings.first()).toContainText(CITY_NAME);
  const cities = await warnings.locator('td:first-child').allTextContents();
  expect(new Set(cities.map((c) => c.trim()))).toEqual(new Set([CITY_NAME]));

  // Trends are drawn when the scheme has published periods; the ranking bar chart likewise.
  const trend = page.getByTestId('dashboard-trend');
  if (await trend.count()) {
    await expect(trend.locator('canvas')).toBeVisible();
  } else {
    await expect(page.getByTestId('dashboard-no-trend')).toBeVisible();
  }
  await page.screenshot({ path: 'e2e/artifacts/dashboard.png', fullPage: true });
  expect(errors).toEqual([]);
});

test('the rule editor shows the form of the rule kind, errors beside fields, and previews the edit', async ({
  browser,
}) => {
  const { page, errors } = await newPage(browser);
  await signIn(page, OFFICIAL);
  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page
    .getByTestId('scheme-table')
    .locator('tbody tr', { hasText: '已发布' })
    .first()
    .getByRole('link')
    .click();
  await page.getByTestId('scheme-copy').click();
  await expect(page.getByTestId('scheme-status')).toHaveText('草稿');

  await page.getByTestId('edit-I01').click();
  const form = page.getByTestId('rule-form');
  await expect(form.getByTestId('rule-kind')).toContainText('差距扣分');
  await expect(form.getByTestId('rule-full_at').locator('input')).toHaveValue('96');

  // a cap above the indicator's 6 points: the error is beside the field
  const cap = form.getByTestId('rule-cap').locator('input');
  await cap.fill('9');
  await cap.blur();
  await expect(form).toContainText('不能超过指标分值6分');

  // the live preview scores the rule as edited
  await cap.fill('5');
  await cap.blur();
  await page
    .getByTestId('editor-preview')
    .getByTestId('preview-value')
    .locator('input')
    .fill('93.5');
  await expect(page.getByTestId('editor-preview').getByTestId('preview-points')).toHaveText('5.37');
  await page.locator('.ant-modal').screenshot({ path: 'e2e/artifacts/rule-editor-form.png' });

  // the JSON (advanced) follows the form
  await page.getByRole('tab', { name: '高级（JSON）' }).click();
  await expect(page.getByTestId('editor-rule')).toHaveValue(/"cap": 5/);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.locator('.ant-modal-footer')).toHaveCount(0);

  await page.getByTestId('scheme-delete').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page).toHaveURL(/\/schemes$/);
  expect(errors).toEqual([]);
});

test('a city admin builds the unit tree: create, move under another unit, add a member', async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const { page, errors } = await newPage(browser);
  await signIn(page, 'admin', CITY);
  await page.getByTestId('side-menu').getByRole('link', { name: '组织单位' }).click();
  await expect(page).toHaveURL(/\/units$/);

  for (const [code, name] of [
    [`d${suffix}`, `e2e区${suffix}`],
    [`g${suffix}`, `e2e网格中心${suffix}`],
  ]) {
    await page.getByTestId('unit-create').click();
    await page.getByTestId('unit-code').fill(code);
    await page.getByTestId('unit-name').fill(name);
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect(page.getByTestId('unit-tree')).toContainText(name);
  }

  // move the grid centre under the district
  await page.getByTestId('unit-tree').getByText(`e2e网格中心${suffix}`).click();
  await page.getByTestId('unit-move').click();
  await page.getByTestId('unit-parent').click();
  await page.locator('nz-option-item', { hasText: `e2e区${suffix}` }).click();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.locator('.ant-modal-footer')).toHaveCount(0);

  // the district cannot move under its own child: it is not offered
  await page.getByTestId('unit-tree').getByText(`e2e区${suffix}`).click();
  await page.getByTestId('unit-move').click();
  await page.getByTestId('unit-parent').click();
  await expect(page.locator('nz-option-item', { hasText: '顶级单位' })).toBeVisible();
  await expect(page.locator('nz-option-item', { hasText: `e2e网格中心${suffix}` })).toHaveCount(0);
  await page.keyboard.press('Escape');
  if (await page.locator('.ant-modal-footer').isVisible()) {
    await page.locator('.ant-modal-footer button').first().click();
  }
  await expect(page.locator('.ant-modal-footer')).toHaveCount(0);

  await page.getByTestId('unit-member-user').click();
  await page.locator('nz-option-item').first().click();
  await page.getByTestId('unit-member-add').click();
  await expect(page.getByTestId('unit-members').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.screenshot({ path: 'e2e/artifacts/units.png', fullPage: true });
  expect(errors).toEqual([]);
});
