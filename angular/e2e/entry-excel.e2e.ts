import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { expect, test } from '@playwright/test';

import { PeriodDto, openHalfYearPeriod } from './half-year-period';

/*
 * Excel-native entry: 兰州's clerk downloads the entry template of the 2026 half-year period (the one
 * live-scores uses; created the same way when none is open) and the template is opened as a person
 * would, converted to PDF with LibreOffice and kept as an artifact (with a screenshot of the grid); the grid's filters and
 * category groups are shown. Nothing is saved.
 */

const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const CITY = '兰州';

let period: PeriodDto;

test.beforeAll(async () => {
  period = await openHalfYearPeriod();
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
