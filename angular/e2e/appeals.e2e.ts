import {
  APIRequestContext,
  Browser,
  Page,
  Response,
  expect,
  request,
  test,
} from '@playwright/test';

/*
 * Staged publication (公示) and an appeal (申诉): on its own annual period (a year no other test uses) 兰州 and 天水
 * are entered and approved through the API; the official publishes with a five-day notice, 天水's administrator
 * appeals a line on the score sheet, the auditor upholds it from the appeals queue and 天水 passes 兰州 in the ranking.
 */

const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';

interface Line {
  indicatorCode: string;
  points: number;
  maxPoints: number;
}

interface Sheet {
  total: number;
  lines: Line[];
}

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

async function ok<T>(response: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const r = await response;
  expect(r.ok(), `${r.url()}: ${await r.text()}`).toBeTruthy();
  const text = await r.text();
  return (text ? JSON.parse(text) : null) as T;
}

async function signIn(browser: Browser, user: string, city: string | null, errors: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') {
      errors.push(`[${user}] ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => errors.push(`[${user}] ${e.message}`));
  await page.goto('/login');
  if (city) {
    await page.getByTestId('login-side').getByText('试点城市').click();
    await page.getByTestId('login-tenant').click();
    await page.locator('nz-option-item', { hasText: `${city}市` }).click();
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

function visibleModal(page: Page) {
  return page.locator('.ant-modal-content').filter({ visible: true });
}

test('a city appeals a line during the public notice, the auditor upholds it and the ranking changes', async ({
  browser,
}) => {
  const errors: string[] = [];

  // 1. Its own annual period, 兰州 (B04 95) and 天水 (B04 90) entered, submitted and approved.
  const official = await apiAs('official');
  const auditor = await apiAs('auditor');
  const schemes = await ok<{ items: { id: string; creationTime: string }[] }>(
    official.get('/api/app/schemes?status=Published&maxResultCount=100'),
  );
  const scheme = [...schemes.items].sort((a, b) => a.creationTime.localeCompare(b.creationTime))[0];
  const wall = (ms: number) => new Date(Date.now() + ms + 8 * 3600_000).toISOString().slice(0, 19);
  const created = await ok<{ id: string; name: string }>(
    official.post('/api/app/periods', {
      data: {
        schemeId: scheme.id,
        kind: 0,
        year: 2040 + Math.floor(Math.random() * 55),
        number: 1,
        entryOpensAt: wall(-3600_000),
        entryClosesAt: wall(10 * 24 * 3600_000),
      },
    }),
  );
  await ok(official.post(`/api/app/periods/${created.id}/open`));
  const cityIds: Record<string, string> = {};
  for (const [city, value] of [
    ['兰州', 95],
    ['天水', 90],
  ] as const) {
    const clerk = await apiAs('clerk', city);
    await ok(
      clerk.put(`/api/app/data-entry/periods/${created.id}/lines/B04`, {
        data: { value: { number: value } },
      }),
    );
    const admin = await apiAs('admin', city);
    await ok(admin.post(`/api/app/data-entry/periods/${created.id}/submit`));
    const submissions = await ok<{ cityId: string; cityName: string }[]>(
      auditor.get(`/api/app/reviews/periods/${created.id}/submissions`),
    );
    const id = submissions.find((s) => s.cityName?.startsWith(city))!.cityId;
    cityIds[city] = id;
    await ok(auditor.post(`/api/app/reviews/periods/${created.id}/cities/${id}/approve`));
  }

  // 2. The official publishes in public notice for five days.
  const officialUi = await signIn(browser, 'official', null, errors);
  let page = officialUi.page;
  await page.goto('/periods');
  const row = page.getByTestId('period-table').locator('tbody tr', { hasText: created.name });
  await row.getByTestId('period-publish').click();
  await expect(page.getByTestId('publish-summary')).toBeVisible();
  await page.getByTestId('publish-early-close-reason').fill('参评城市均已报送');
  for (const reason of await page.getByTestId('publish-left-out-reason').all()) {
    await reason.fill('本期未参评');
  }
  await page.getByTestId('publish-staged').locator('input[type="checkbox"]').check();
  await page.getByTestId('publish-appeal-days').fill('5');
  const published = api(page, 'POST', new RegExp(`/results/periods/${created.id}/publish$`));
  await visibleModal(page).locator('.ant-modal-footer .ant-btn-primary').click();
  const publishResponse = await published;
  expect(publishResponse.status()).toBe(200);
  expect(publishResponse.request().postDataJSON().appealDays).toBe(5);
  await officialUi.close();

  // The line 天水 gains most on: upheld at its maximum, 天水 passes 兰州.
  const tianshuiAdmin = await apiAs('admin', '天水');
  const lanzhouAdmin = await apiAs('admin', '兰州');
  const before = await ok<Sheet>(
    tianshuiAdmin.get(`/api/app/results/periods/${created.id}/my-sheet`),
  );
  const lanzhou = await ok<Sheet>(
    lanzhouAdmin.get(`/api/app/results/periods/${created.id}/my-sheet`),
  );
  const line = [...before.lines].sort(
    (a, b) =>
      b.maxPoints - b.points - (a.maxPoints - a.points) ||
      a.indicatorCode.localeCompare(b.indicatorCode),
  )[0];
  expect(before.total + line.maxPoints - line.points).toBeGreaterThan(lanzhou.total);

  // 3. 天水's administrator appeals the line on the score sheet during the notice.
  const city = await signIn(browser, 'admin', '天水', errors);
  page = city.page;
  await page.goto(`/score-sheet?period=${created.id}`);
  await expect(page.getByTestId('sheet-publicity')).toContainText('公示中');
  await page.locator(`tr[data-line="${line.indicatorCode}"]`).getByTestId('appeal-line').click();
  await page.getByTestId('appeal-reason').fill('调查样本统计口径有误，已补充佐证');
  const filed = api(page, 'POST', /^\/api\/app\/appeals$/);
  await visibleModal(page).locator('.ant-modal-footer .ant-btn-primary').click();
  expect((await filed).status()).toBe(200);
  await expect(page.getByTestId('sheet-appeals')).toContainText('待裁决');

  // 4. The auditor upholds it from the queue, with the new score and a reason.
  const auditorUi = await signIn(browser, 'auditor', null, errors);
  const queuePage = auditorUi.page;
  await queuePage.goto('/appeals');
  const appealRow = queuePage
    .getByTestId('appeal-queue')
    .locator('tbody tr', { hasText: '天水市' })
    .filter({ hasText: line.indicatorCode });
  await appealRow.getByTestId('appeal-uphold').click();
  await queuePage.getByTestId('decision-score').fill(String(line.maxPoints));
  await queuePage.getByTestId('decision-reason').fill('复核样本后认可');
  const upheld = api(queuePage, 'POST', /\/api\/app\/appeals\/[^/]+\/uphold$/);
  await visibleModal(queuePage).locator('.ant-modal-footer .ant-btn-primary').click();
  expect((await upheld).status()).toBe(200);

  // 5. The ranking changes: 天水 first, 兰州 second; the city sees the decision.
  await queuePage.goto(`/score-sheet?period=${created.id}`);
  const ranking = queuePage.getByTestId('sheet-ranking');
  await expect(ranking.locator('tr[data-city="天水市"] td').first()).toHaveText('1');
  await expect(ranking.locator('tr[data-city="兰州市"] td').first()).toHaveText('2');
  await page.reload();
  await expect(page.getByTestId('sheet-appeals')).toContainText('申诉成立');
  await expect(page.getByTestId('sheet-version')).toContainText('申诉改判');

  await auditorUi.close();
  await city.close();
  expect(errors).toEqual([]);
});
