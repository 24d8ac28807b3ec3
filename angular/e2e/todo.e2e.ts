import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { APIRequestContext, Page, expect, request, test } from '@playwright/test';

/**
 * 待办 per role, the landing page after sign-in, and the province's 通报. Reads what the database
 * has and changes nothing (no 催报, no new period), so the other specs find their state as before.
 * Screenshots of each role's to-do and the 通报 (as PDF by LibreOffice, when installed) are kept
 * in e2e/artifacts/todo.
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';
const ARTIFACTS = join(__dirname, 'artifacts', 'todo');

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

async function signIn(page: Page, userName: string, cityName: string | null): Promise<void> {
  await page.goto('/login');
  if (cityName) {
    await page.getByTestId('login-side').getByText('试点城市').click();
    await page.getByTestId('login-tenant').click();
    await page.locator('nz-option-item', { hasText: cityName }).click();
  }
  await page.getByTestId('login-username').fill(userName);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
}

async function apiAs(userName: string): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName, password: PASSWORD, tenant: null },
  });
  expect(login.ok()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` },
  });
}

test.beforeAll(() => mkdirSync(ARTIFACTS, { recursive: true }));

const ROLES: { role: string; userName: string; city: string | null }[] = [
  { role: 'official', userName: 'official', city: null },
  { role: 'auditor', userName: 'auditor', city: null },
  { role: 'city-admin', userName: 'admin', city: '金昌市' },
  { role: 'clerk', userName: 'clerk', city: '金昌市' },
];

for (const { role, userName, city } of ROLES) {
  test(`${role} lands on the to-do after signing in`, async ({ page }) => {
    const errors = watchConsole(page);
    await signIn(page, userName, city);
    await expect(page).toHaveURL(/\/todo$/);
    await expect(page.locator('.app-content h1')).toHaveText('待办');
    await expect(page.locator('.app-content nz-spin .ant-spin-spinning')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(ARTIFACTS, `todo-${role}.png`), fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('the dashboard keeps its period in the URL, opens a city score sheet and has a big screen', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await signIn(page, 'official', null);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard\?period=/);
  const url = page.url();
  await page.reload();
  await expect(page).toHaveURL(url);

  const sheetLinks = page.locator('[data-testid^="dashboard-sheet-"]');
  if ((await sheetLinks.count()) > 0) {
    await sheetLinks.first().click();
    await expect(page).toHaveURL(/\/score-sheet\?period=.+&city=/);
    await page.goBack();
    await expect(page).toHaveURL(url);
  }

  await page.getByTestId('dashboard-big-screen').click();
  await expect(page.locator('app-dashboard.big-screen')).toBeVisible();
  await page.screenshot({ path: join(ARTIFACTS, 'dashboard-big-screen.png') });
  await page.getByTestId('dashboard-big-screen').click();
  await expect(page.locator('app-dashboard.big-screen')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the province takes away the 通报 of a period as an official Word document', async () => {
  const api = await apiAs('official');
  const periods = (await (await api.get('/api/app/periods')).json()) as {
    id: string;
    status: string;
  }[];
  const period =
    periods.find((p) => p.status === 'Published') ??
    periods.find((p) => p.status !== 'Planned') ??
    periods[0];
  expect(period).toBeTruthy();
  const docx = await api.get(
    `/api/app/results/periods/${period.id}/briefing/export/docx?documentNumber=${encodeURIComponent('甘平安办〔2026〕1号')}`,
  );
  expect(docx.ok()).toBeTruthy();
  const file = join(ARTIFACTS, 'briefing.docx');
  writeFileSync(file, await docx.body());
  for (const kind of ['warnings', 'completeness']) {
    const xlsx = await api.get(`/api/app/results/periods/${period.id}/${kind}/export/xlsx`);
    expect(xlsx.ok()).toBeTruthy();
    writeFileSync(join(ARTIFACTS, `${kind}.xlsx`), await xlsx.body());
  }
  await api.dispose();

  // The document as it prints: PDF and an image of its first page, when LibreOffice is installed.
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  if (soffice) {
    execFileSync(soffice, ['--headless', '--convert-to', 'pdf', '--outdir', ARTIFACTS, file], {
      timeout: 120_000,
    });
    const pdf = join(ARTIFACTS, 'briefing.pdf');
    expect(existsSync(pdf)).toBeTruthy();
    // LibreOffice exports no image of a text document: poppler draws the first page.
    if (existsSync('/usr/bin/pdftoppm')) {
      execFileSync('/usr/bin/pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        pdf,
        join(ARTIFACTS, 'briefing-page'),
      ]);
    }
  }
});
