import { Page, expect, test } from '@playwright/test';

/**
 * Time until interactive at national scale: the official's monitoring dashboard (ranking rows and the chart of
 * 300 cities) and a clerk's entry grid (150 lines of the open period). Prints the figures; run it with
 * `npx playwright test --config e2e/perf/perf.config.ts` against a host on the generated database
 * (PERF_CITY: a city of that province whose clerk enters, default the first generated one).
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const CITY = process.env['PERF_CITY'] ?? '三亚';
const ROUNDS = Number(process.env['PERF_ROUNDS'] ?? '3');

async function signIn(page: Page, userName: string, tenant: string | null = null): Promise<void> {
  await page.goto('/login');
  if (tenant) {
    await page.getByTestId('login-side').getByText('试点城市').click();
    await page.getByTestId('login-tenant').click();
    await page.getByTestId('login-tenant').locator('input').fill(tenant);
    await page
      .locator('nz-option-item', { hasText: `${tenant}市` })
      .first()
      .click();
  }
  await page.getByTestId('login-username').fill(userName);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
}

function report(name: string, times: number[], extra = ''): void {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `${name}: median ${median.toFixed(0)} ms over ${times.length} loads (${sorted.map((t) => t.toFixed(0)).join(', ')} ms)${extra}`,
  );
}

test('province dashboard at national scale', async ({ page }) => {
  await signIn(page, 'official');
  const ranking: number[] = [];
  const chart: number[] = [];
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = Date.now();
    await page.goto('/dashboard');
    // The first ranking row's sheet link clickable, then the chart drawn (a canvas inside the echarts host).
    await expect(page.locator('[data-testid^="dashboard-sheet-"]').first()).toBeVisible();
    ranking.push(Date.now() - started);
    await expect(
      page.locator('[data-testid="dashboard-ranking"] ~ * canvas, .chart canvas').first(),
    ).toBeVisible();
    chart.push(Date.now() - started);
    rows = await page.locator('[data-testid="dashboard-ranking"] tbody tr').count();
  }

  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  report(
    'dashboard: first ranking row clickable',
    ranking,
    `; ${rows} ranking rows in the DOM, ${dom} elements`,
  );
  report('dashboard: chart rendered', chart);
});

test('entry grid of 150 lines at national scale', async ({ page }) => {
  await signIn(page, 'clerk', CITY);
  const times: number[] = [];
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = Date.now();
    await page.goto('/data-entry');
    const first = page.locator('[data-testid="entry-table"] tbody tr input').first();
    await expect(first).toBeEditable();
    await first.click();
    times.push(Date.now() - started);
    rows = await page.locator('[data-testid="entry-table"] tbody tr').count();
  }

  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  report(
    'entry grid: first value input clickable',
    times,
    `; ${rows} table rows in the DOM, ${dom} elements`,
  );
});
