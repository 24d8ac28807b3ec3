import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { expect, request, test } from '@playwright/test';

/*
 * Excel-native entry: 兰州's clerk downloads the entry template of the 2026 half-year period (the one
 * live-scores uses; created the same way when none is open) and the template is opened as a person
 * would, converted to PDF with LibreOffice and kept as an artifact (with a screenshot of the grid); the grid's filters and
 * category groups are shown. Nothing is saved.
 */

const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';
const CITY = '兰州';

interface PeriodDto {
  id: string;
  name: string;
  kind: string;
  year: number;
  number: number;
  status: string;
}

async function token(userName: string, tenant: string | null): Promise<string> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName, password: PASSWORD, tenant },
  });
  expect(login.ok(), await login.text()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return accessToken;
}

let period: PeriodDto;

test.beforeAll(async () => {
  const api = await request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${await token('official', null)}` },
  });
  const periods = (await (await api.get('/api/app/periods')).json()) as PeriodDto[];
  const halfYears = periods.filter((p) => p.kind === 'HalfYear' && p.year === 2026);
  const open = halfYears.find((p) => p.status === 'Open');
  if (open) {
    period = open;
  } else {
    const schemes = (await (
      await api.get('/api/app/schemes?Status=Published&MaxResultCount=1')
    ).json()) as { items: { id: string }[] };
    const taken = new Set(halfYears.map((p) => p.number));
    const number = [1, 2].find((n) => !taken.has(n));
    expect(number, 'a free half-year of 2026').toBeTruthy();
    const created = await api.post('/api/app/periods', {
      data: {
        schemeId: schemes.items[0].id,
        kind: 1,
        year: 2026,
        number,
        entryOpensAt: '2026-01-01T09:00:00',
        entryClosesAt: '2026-12-31T18:00:00',
      },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    period = (await created.json()) as PeriodDto;
    const opened = await api.post(`/api/app/periods/${period.id}/open`);
    expect(opened.ok(), await opened.text()).toBeTruthy();
  }
  await api.dispose();
});

test('the entry template opens as a styled sheet with the rule and the state of every line', async ({
  page,
}, testInfo) => {
  await page.goto('/login');
  await page.getByTestId('login-side').getByText('试点城市').click();
  await page.getByTestId('login-tenant').click();
  await page.locator('nz-option-item', { hasText: CITY }).click();
  await page.getByTestId('login-username').fill('clerk');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();

  await page.goto('/data-entry');
  await page.getByTestId('entry-period').click();
  await page.locator('nz-option-item').filter({ hasText: period.name }).first().click();
  const table = page.getByTestId('entry-table');
  await expect(table.locator('tr[data-group]').first()).toBeVisible();
  await expect(table.locator('[data-rule]').first()).not.toBeEmpty();
  await expect(page.getByTestId('entry-filters')).toContainText('未填报');
  await page.screenshot({ path: testInfo.outputPath('entry-grid.png'), fullPage: true });
  await page.locator('[data-filter="missingEvidence"]').click();
  await expect(table.locator('tr[data-line]').first()).toBeVisible();
  await expect(table.locator('[data-evidence-required]').first()).toBeVisible();
  await page.locator('[data-filter="all"]').click();

  // The template as the clerk downloads it from the page.
  const download = page.waitForEvent('download');
  await page.getByTestId('entry-template').click();
  const xlsx = testInfo.outputPath('entry-template.xlsx');
  await (await download).saveAs(xlsx);
  await testInfo.attach('entry-template.xlsx', { path: xlsx });

  // Opened as a person would: LibreOffice renders it to PDF (every sheet).
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
  expect(
    soffice,
    'LibreOffice renders the template (apt-get install libreoffice-calc)',
  ).toBeTruthy();
  const out = testInfo.outputPath('rendered');
  mkdirSync(out, { recursive: true });
  for (const format of ['pdf']) {
    execFileSync(
      soffice!,
      [
        '--headless',
        `-env:UserInstallation=file://${out}/profile`,
        '--convert-to',
        format,
        '--outdir',
        out,
        xlsx,
      ],
      { timeout: 120_000 },
    );
  }
  const rendered = readdirSync(out).filter((f) => /\.(pdf|png)$/.test(f));
  expect(rendered).toEqual(['entry-template.pdf']);
  for (const file of rendered) {
    await testInfo.attach(file, { path: join(out, file) });
  }
});
