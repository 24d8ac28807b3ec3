import { Page, Response, expect, test } from '@playwright/test';

import { PeriodDto, openHalfYearPeriod } from './half-year-period';
import { signIn, watchProblems } from './screens';

/*
 * Live points while typing: 兰州's clerk opens the entry sheet of an open half-year period of its own
 * (created when none is open, so no other spec's period or city data is touched), types two values in
 * a line and sees the line's points and explanation change with each, and the city's 自评总分 shown and
 * changing, before anything is submitted. Nothing is saved: the typed box is never left.
 */

const CITY = '兰州';

/** An open half-year period of 2026 of the published scheme (no other spec uses half-years). */
let period: PeriodDto;

test.beforeAll(async () => {
  period = await openHalfYearPeriod();
});

/** The grid's "x / max 分" of a line, exactly. */
function pointsText(points: number, max: number): RegExp {
  return new RegExp(`^\\s*${points}\\s*/\\s*${max}\\s*分\\s*$`);
}

/** The workflow bar's "自评总分 x / 100 分", exactly. */
function totalText(total: number): RegExp {
  return new RegExp(`^\\s*自评总分\\s*${total}\\s*/\\s*100\\s*分\\s*$`);
}

function api(page: Page, method: string, path: RegExp): Promise<Response> {
  return page.waitForResponse(
    (r) => r.request().method() === method && path.test(new URL(r.url()).pathname),
  );
}

test('the clerk sees a line’s points and the city total change while typing, before submitting', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);

  await signIn(page, { slug: 'city-clerk', userName: 'clerk', tenant: CITY });

  const sheetLoaded = api(page, 'GET', new RegExp(`/api/app/data-entry/periods/${period.id}$`));
  await page.goto('/data-entry');
  await page.getByTestId('entry-period').click();
  await page.locator('nz-option-item').filter({ hasText: period.name }).first().click();
  const sheet = (await (await sheetLoaded).json()) as {
    submissionStatus: string;
    runningTotal: number;
  };
  expect(sheet.submissionStatus).not.toBe('Submitted');

  // The running 自评总分 is on the sheet before anything is typed or submitted.
  const total = page.getByTestId('entry-running-total');
  await expect(total).toHaveText(totalText(sheet.runningTotal));

  const table = page.getByTestId('entry-table');
  const box = table.locator('input[data-code="B02"]');
  const points = table.locator('[data-points="B02"]');
  const explanation = table.locator('[data-explanation="B02"]');
  await expect(box).toBeEditable();

  // First value: the line is scored once typing pauses.
  let previewed = api(page, 'POST', /\/lines\/B02\/preview$/);
  await box.fill('50');
  const low = (await (await previewed).json()) as { points: number; total: number };
  expect(low.points).toBeGreaterThan(0);
  await expect(points).toHaveText(pointsText(low.points, 4));
  await expect(explanation).not.toBeEmpty();
  const lowExplanation = await explanation.innerText();
  await expect(total).toHaveText(totalText(low.total));

  // Second value: other points, another explanation and another total.
  previewed = api(page, 'POST', /\/lines\/B02\/preview$/);
  await box.fill('90');
  const high = (await (await previewed).json()) as { points: number; total: number };
  expect(high.points).toBeGreaterThan(low.points);
  expect(high.total).toBeGreaterThan(low.total);
  await expect(points).toHaveText(pointsText(high.points, 4));
  await expect(explanation).not.toHaveText(lowExplanation);
  await expect(total).toHaveText(totalText(high.total));

  // Still a draft of the city: nothing was submitted, and the line was not saved.
  await expect(page.getByTestId('entry-submission-status')).not.toHaveText('已提交省级');
  await page.screenshot({ path: 'e2e/artifacts/live-scores.png', fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
});
