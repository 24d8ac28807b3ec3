import { Page, expect, test } from '@playwright/test';

/**
 * Time until interactive at national scale: the official's monitoring dashboard (ranking rows and the chart of
 * 300 cities, then the parts drawn after them) and a clerk's entry grid (150 lines of the open period: the first
 * value, the last line's value, and Enter from line to line). Prints the figures; run it with
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
  const spread =
    sorted.length > 10
      ? `${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)}`
      : sorted.map((t) => t.toFixed(0)).join(', ');
  console.log(
    `${name}: median ${median.toFixed(0)} ms over ${times.length} (${spread} ms)${extra}`,
  );
}

test('province dashboard at national scale', async ({ page }) => {
  await signIn(page, 'official');
  const ranking: number[] = [];
  const chart: number[] = [];
  const rest: number[] = [];
  const answer: number[] = [];
  let rows = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = Date.now();
    const answered = page.waitForResponse((r) => /\/ranking$/.test(r.url()));
    await page.goto('/dashboard');
    await answered;
    answer.push(Date.now() - started);
    // The first ranking row's sheet link clickable, then the chart drawn (a canvas inside the echarts host),
    // then the parts drawn after the ranking (radar, trends, warnings, completeness).
    await page.locator('[data-testid^="dashboard-sheet-"]').first().waitFor();
    ranking.push(Date.now() - started);
    await page.locator('[data-testid="dashboard-chart"] canvas').first().waitFor();
    chart.push(Date.now() - started);
    await page.getByTestId('dashboard-completeness').waitFor();
    await page.getByTestId('dashboard-warnings').waitFor();
    rest.push(Date.now() - started);
    rows = await page.locator('[data-testid="dashboard-ranking"] tbody tr').count();
  }

  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  report(
    'dashboard: first ranking row clickable',
    ranking,
    `; ${rows} ranking rows in the DOM, ${dom} elements`,
  );
  report('dashboard: ranking answered by the host', answer);
  report('dashboard: chart rendered', chart);
  report('dashboard: radar, trends, warnings and completeness drawn', rest);
});

/** The indicator code of the line whose value has the focus. */
function focusedLine(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.closest('tr[data-line]')?.getAttribute('data-line') ?? null,
  );
}

/**
 * What the browser asked and when, from a navigation on: each request's start and end (ms after the
 * navigation began), to see which requests wait for others. Printed with PERF_TIMELINE=1.
 */
function recordTimeline(
  page: Page,
  started: () => number,
): { clear: () => void; text: () => string } {
  const rows: { name: string; start: number; end: number | null }[] = [];
  const byRequest = new Map<object, (typeof rows)[number]>();
  page.on('request', (r) => {
    const url = new URL(r.url());
    const row = { name: `${r.method()} ${url.pathname}`, start: Date.now() - started(), end: null };
    rows.push(row);
    byRequest.set(r, row);
  });
  const done = (r: object) => {
    const row = byRequest.get(r);
    if (row) {
      row.end = Date.now() - started();
    }
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    clear: () => (rows.length = 0),
    text: () =>
      rows
        .map(
          (r) =>
            `  ${String(r.start).padStart(5)}–${String(r.end ?? '?').padStart(5)} ms  ${r.name}`,
        )
        .join('\n'),
  };
}

test('entry grid of 150 lines at national scale', async ({ page }) => {
  await signIn(page, 'clerk', CITY);
  const times: number[] = [];
  const sheet: number[] = [];
  const last: number[] = [];
  let rows = 0;
  let lines = 0;
  let started = 0;
  const timeline = process.env['PERF_TIMELINE'] ? recordTimeline(page, () => started) : null;
  if (timeline) {
    // Long tasks of the page (ms after its navigation began), to see what the first click waits behind.
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: string[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          w.longTasks.push(`${e.startTime.toFixed(0)}+${e.duration.toFixed(0)}`);
        }
      }).observe({ type: 'longtask', buffered: true });
    });
  }
  for (let round = 0; round < ROUNDS; round++) {
    started = Date.now();
    timeline?.clear();
    const answered = page.waitForResponse((r) =>
      /\/api\/app\/data-entry\/periods\/[^/]+$/.test(r.url()),
    );
    await page.goto('/data-entry');
    await answered;
    sheet.push(Date.now() - started);
    const first = page.locator('[data-testid="entry-table"] tbody tr input').first();
    // The click waits until the box is visible, enabled and still (no expect polling: each failed poll of an
    // expect takes an accessibility snapshot of the page, about 100 ms of the page's main thread here).
    await first.click();
    times.push(Date.now() - started);
    rows = await page.locator('[data-testid="entry-table"] tbody tr').count();
    // The last line's value (the grid scrolled to it), as soon as the whole sheet is there.
    await expect(page.getByTestId('entry-more')).toHaveCount(0);
    const lastInput = page.locator('tr[data-line]').last().locator('td[data-value] input').first();
    await lastInput.click();
    last.push(Date.now() - started);
    lines = await page.locator('tr[data-line]').count();
    if (timeline) {
      const longTasks = await page.evaluate(
        () => (window as unknown as { longTasks: string[] }).longTasks,
      );
      console.log(`long tasks (ms after the page's start + duration): ${longTasks.join(', ')}`);
      console.log(
        `round ${round + 1}: sheet answered ${sheet[round]} ms, first value clicked ${times[round]} ms, last ${last[round]} ms\n${timeline.text()}`,
      );
    }
  }
  const dom = await page.evaluate(() => document.getElementsByTagName('*').length);
  report(
    'entry grid: first value input clickable',
    times,
    `; ${rows} table rows in the DOM at that moment`,
  );
  report('entry grid: sheet answered by the host', sheet);
  report('entry grid: last line value clicked', last, `; ${lines} lines, ${dom} elements`);

  // Enter from the first line down, like a spreadsheet: how long one step takes and how far it gets
  // (a grade's dropdown keeps Enter for itself: the walk stops there).
  await page.goto('/data-entry');
  await page.locator('tr[data-line] td[data-value] input').first().click();
  const steps: number[] = [];
  let at = await focusedLine(page);
  for (let i = 0; i < 200; i++) {
    const before = Date.now();
    await page.keyboard.press('Enter');
    const moved = await page
      .waitForFunction(
        (from) =>
          (document.activeElement?.closest('tr[data-line]')?.getAttribute('data-line') ?? null) !==
          from,
        at,
        { timeout: 5_000 },
      )
      .then(() => true)
      .catch(() => false);
    if (!moved) {
      break;
    }
    steps.push(Date.now() - before);
    at = await focusedLine(page);
  }
  const codes = await page
    .locator('tr[data-line]')
    .evaluateAll((r) => r.map((x) => x.getAttribute('data-line')));
  if (steps.length) {
    report(
      'entry grid: Enter to the next line',
      steps,
      `; ${steps.length} steps, down to line ${codes.indexOf(at) + 1} of ${codes.length} (${at})`,
    );
  }
});
