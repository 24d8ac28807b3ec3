import { Page, Response, expect, request, test } from '@playwright/test';

/*
 * Live points while typing: 兰州's clerk opens the entry sheet of an open half-year period of its own
 * (created when none is open, so no other spec's period or city data is touched), types two values in
 * a line and sees the line's points and explanation change with each, and the city's 自评总分 shown and
 * changing, before anything is submitted. Nothing is saved: the typed box is never left.
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

let period: PeriodDto;

/** An open half-year period of 2026 of the published scheme (no other spec uses half-years). */
test.beforeAll(async () => {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName: 'official', password: PASSWORD, tenant: null },
  });
  expect(login.ok()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const api = await request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` },
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
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (r) => {
    if (r.status() >= 500) {
      problems.push(`HTTP ${r.status()} ${r.url()}`);
    }
  });

  await page.goto('/login');
  await page.getByTestId('login-side').getByText('试点城市').click();
  await page.getByTestId('login-tenant').click();
  await page.locator('nz-option-item', { hasText: CITY }).click();
  await page.getByTestId('login-username').fill('clerk');
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();

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
