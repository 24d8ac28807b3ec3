import { APIRequestContext, expect, test } from '@playwright/test';

import { PERIOD_KIND, PeriodDto, apiClient, openNewPeriod, periods } from './period-setup';
import { signIn, watchProblems } from './screens';

/*
 * Data quality at entry: 酒泉 (no other spec's city) has three approved monthly periods of 2031 with
 * B04 at 80, 82 and 84 (months no other spec uses; created when missing, then closed). In the fourth
 * month its administrator types 95 into B04: once saved, the grid marks the line and says why the
 * value is unusual, and that a note is needed to report it. The fourth month is closed afterwards, so
 * no other spec finds an extra open period.
 */

const CITY = '酒泉';
const YEAR = 2031;
const HISTORY = [80, 82, 84];

/** The monthly period of 2031 with this number, created and opened when missing. */
async function month(official: APIRequestContext, number: number): Promise<PeriodDto> {
  const found = (await periods(official)).find(
    (p) => p.kind === 'Monthly' && p.year === YEAR && p.number === number,
  );
  return found ?? openNewPeriod(official, PERIOD_KIND.monthly, YEAR, number, '2099-12-31T18:00:00');
}

let target: PeriodDto;

test.beforeAll(async () => {
  const official = await apiClient('official', null);
  const auditor = await apiClient('auditor', null);
  const admin = await apiClient('admin', CITY);
  for (const [i, value] of HISTORY.entries()) {
    const period = await month(official, i + 1);
    if (period.status !== 'Open') {
      continue;
    }
    const saved = await admin.put(`/api/app/data-entry/periods/${period.id}/lines/B04`, {
      data: { value: { number: value } },
    });
    expect(saved.ok(), await saved.text()).toBeTruthy();
    const submitted = await admin.post(`/api/app/data-entry/periods/${period.id}/submit`);
    expect(submitted.ok(), await submitted.text()).toBeTruthy();
    const { cityId } = (await submitted.json()) as { cityId: string };
    const approved = await auditor.post(
      `/api/app/reviews/periods/${period.id}/cities/${cityId}/approve`,
    );
    expect(approved.ok(), await approved.text()).toBeTruthy();
    expect((await official.post(`/api/app/periods/${period.id}/close`)).ok()).toBeTruthy();
  }
  // The first later month still open (a run before this one closed its own when it ended).
  for (let number = HISTORY.length + 1; number <= 12 && target?.status !== 'Open'; number++) {
    target = await month(official, number);
  }
  expect(target.status, 'a later month of 2031 is open for entry').toBe('Open');
  await Promise.all([official.dispose(), auditor.dispose(), admin.dispose()]);
});

test.afterAll(async () => {
  const official = await apiClient('official', null);
  if (target) {
    await official.post(`/api/app/periods/${target.id}/close`);
  }
  await official.dispose();
});

test('a value far from the city’s history is flagged beside it in the grid, with the note it needs', async ({
  page,
}) => {
  const problems = watchProblems(page);

  await signIn(page, { slug: 'city-admin', userName: 'admin', tenant: CITY });

  await page.goto('/data-entry');
  await page.getByTestId('entry-period').click();
  await page.locator('nz-option-item').filter({ hasText: target.name }).first().click();
  const table = page.getByTestId('entry-table');
  const box = table.locator('input[data-code="B04"]');
  await expect(box).toBeEditable();

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && /\/lines\/B04$/.test(new URL(r.url()).pathname),
  );
  await box.fill('95');
  await box.press('Enter');
  expect((await saved).ok()).toBeTruthy();

  const flag = table.locator('[data-quality="B04"]');
  await expect(flag).toContainText('异常值');
  await expect(flag).toContainText('与本市近3期中位数 82 相差过大（修正z分数 4.38）');
  await expect(table.locator('[data-quality-note="B04"]')).toBeVisible();
  await expect(table.locator('tr[data-line="B04"]')).toHaveClass(/quality-flagged/);
  await page.screenshot({ path: 'e2e/artifacts/quality-flag.png', fullPage: true });
  expect(problems).toEqual([]);
});
