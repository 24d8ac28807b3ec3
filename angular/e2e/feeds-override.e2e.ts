import { APIRequestContext, expect, request, test } from '@playwright/test';

import { PERIOD_KIND, PeriodDto, apiClient, openNewPeriod, periods } from './period-setup';
import { signIn, watchProblems } from './screens';

/*
 * A fed value changed by hand: the province registers a data feed for 张掖 (no other spec's city in the grid),
 * the feed sends B04 of a monthly period of 2032 (months no other spec uses; a new one each run, closed
 * afterwards), and 张掖's clerk changes it in the grid: the grid asks for the reason before it saves, sends it,
 * and the line then says it was changed by hand, with the reason.
 */

const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';
const CITY = '张掖';
const YEAR = 2032;
const SOURCE = '公安局 · 警情推送';

/** A new monthly period of 2032, opened for entry. */
async function newMonth(official: APIRequestContext): Promise<PeriodDto> {
  const taken = new Set(
    (await periods(official))
      .filter((p) => p.kind === 'Monthly' && p.year === YEAR)
      .map((p) => p.number),
  );
  const number = [...Array(12).keys()].map((n) => n + 1).find((n) => !taken.has(n));
  expect(number, 'a month of 2032 is still free').toBeDefined();
  return openNewPeriod(official, PERIOD_KIND.monthly, YEAR, number!, '2099-12-31T18:00:00');
}

/** The province registers a feed for the city and sends B04 = 80 with it. */
async function feed(official: APIRequestContext, period: PeriodDto): Promise<void> {
  const admin = await apiClient('admin', null);
  const tenants = (await (await admin.get('/api/app/tenants?MaxResultCount=1000')).json()) as {
    items: { id: string; name: string }[];
  };
  await admin.dispose();
  const cityId = tenants.items.find((t) => t.name === CITY)!.id;
  const registered = await official.post('/api/app/feeds/clients', {
    data: {
      name: '警情推送',
      department: '公安局',
      cityIds: [cityId],
      allIndicators: false,
      indicatorCodes: ['B04'],
    },
  });
  expect(registered.ok(), await registered.text()).toBeTruthy();
  const { client: created, clientSecret } = (await registered.json()) as {
    client: { id: string };
    clientSecret: string;
  };
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const token = await anonymous.post('/api/feeds/token', {
    form: {
      grant_type: 'client_credentials',
      client_id: created.id,
      client_secret: clientSecret,
    },
  });
  expect(token.ok(), await token.text()).toBeTruthy();
  const { access_token } = (await token.json()) as { access_token: string };
  const imported = await anonymous.post('/api/feeds/values?dryRun=false', {
    headers: { Authorization: `Bearer ${access_token}`, 'Idempotency-Key': `e2e-${period.id}` },
    data: { rows: [{ city: CITY, period: period.id, indicator: 'B04', value: { number: 80 } }] },
  });
  expect(imported.ok(), await imported.text()).toBeTruthy();
  // The client is not needed after this run.
  await official.post(`/api/app/feeds/clients/${created.id}/revoke`, {
    data: { reason: '端到端测试结束' },
  });
  await anonymous.dispose();
}

let target: PeriodDto | undefined;

test.beforeAll(async () => {
  const official = await apiClient('official', null);
  target = await newMonth(official);
  await feed(official, target);
  await official.dispose();
});

test.afterAll(async () => {
  const official = await apiClient('official', null);
  if (target) {
    await official.post(`/api/app/periods/${target.id}/close`);
  }
  await official.dispose();
});

test('the grid asks for a reason before a fed value is changed, and marks the line as changed by hand', async ({
  page,
}) => {
  const problems = watchProblems(page);

  await signIn(page, { slug: 'city-clerk', userName: 'clerk', tenant: CITY });

  await page.goto('/data-entry');
  await page.getByTestId('entry-period').click();
  await page.locator('nz-option-item').filter({ hasText: target!.name }).first().click();
  const table = page.getByTestId('entry-table');
  const mark = table.locator('[data-feed-source="B04"]');
  await expect(mark).toHaveText(`数据接口：${SOURCE}`);
  const box = table.locator('input[data-code="B04"]');
  await expect(box).toHaveValue('80');

  // The change is not sent before a reason is given.
  let sent = 0;
  page.on('request', (r) => {
    if (r.method() === 'PUT' && /\/lines\/B04$/.test(new URL(r.url()).pathname)) {
      sent++;
    }
  });
  await box.fill('90');
  await box.press('Enter');
  const prompt = page.locator('.ant-modal-content');
  await expect(prompt.getByTestId('override-source')).toContainText(SOURCE);
  expect(sent).toBe(0);

  const saved = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && /\/lines\/B04$/.test(new URL(r.url()).pathname),
  );
  await prompt.getByTestId('override-reason').fill('公安局数据含外市案件');
  await prompt.locator('.ant-modal-footer button.ant-btn-primary').click();
  const response = await saved;
  expect(response.ok(), await response.text()).toBeTruthy();
  expect(response.request().postDataJSON().overrideReason).toBe('公安局数据含外市案件');

  await expect(prompt).toBeHidden();
  await expect(mark).toHaveText(
    `人工修改，原值来自数据接口：${SOURCE}（原因：公安局数据含外市案件）`,
  );
  await expect(box).toHaveValue('90');
  await page.screenshot({ path: 'e2e/artifacts/feeds-override.png', fullPage: true });
  expect(problems).toEqual([]);
});
