import { Browser, Locator, Page, Response, expect, request, test } from '@playwright/test';

import { PASSWORD, ROLES, menuEntries, signIn, switchToEnglish, walkScreens } from './screens';

/**
 * Every screen of every demo role: signs in through the UI, walks each entry of the rendered
 * side menu (plus one detail page where a list has rows) and checks, at 1280×800, that the page
 * has no console error, no failed API call (>= 500, nor 401/403/404 while loading: a page must not
 * call an API its role may not use), shows its main content and does not overflow horizontally.
 * Nothing is changed through the UI; before the tests an open period is made sure of (reused when
 * one exists) so the dashboard and the data entry show data, so the tests run in any order on one
 * fresh database.
 */
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';

/**
 * A period open for data entry: a non-planned quarterly period of 2026 of the published scheme,
 * created and opened by the official when none exists (the dashboard test does the same).
 */
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
  const periods = (await (await api.get('/api/app/periods')).json()) as {
    kind: string;
    year: number;
    number: number;
    status: string;
  }[];
  const quarterly = periods.filter((p) => p.kind === 'Quarterly' && p.year === 2026);
  if (!quarterly.some((p) => p.status !== 'Planned')) {
    const schemes = (await (
      await api.get('/api/app/schemes?Status=Published&MaxResultCount=1')
    ).json()) as { items: { id: string }[] };
    const taken = new Set(quarterly.map((p) => p.number));
    const number = [1, 2, 3, 4].find((n) => !taken.has(n))!;
    const created = await api.post('/api/app/periods', {
      data: {
        schemeId: schemes.items[0].id,
        kind: 2,
        year: 2026,
        number,
        entryOpensAt: '2026-01-01T09:00:00',
        entryClosesAt: '2026-12-31T18:00:00',
      },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    const { id } = (await created.json()) as { id: string };
    const opened = await api.post(`/api/app/periods/${id}/open`);
    expect(opened.ok(), await opened.text()).toBeTruthy();
  }
  await api.dispose();
});

/** A text that looks like an untranslated i18n key, e.g. "menu.users". */
const RAW_KEY = /^[a-z]+(\.[a-zA-Z]+)+$/;

/** Problems seen while the current page loads; reset before each navigation. */
class Watch {
  problems: string[] = [];
  private loading = false;

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') {
        this.problems.push(`console: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${String(error)}`));
    page.on('response', (response: Response) => {
      const status = response.status();
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/api/')) {
        return;
      }
      const call = `${response.request().method()} ${url.pathname}${url.search}`;
      if (status >= 500) {
        this.problems.push(`HTTP ${status}: ${call}`);
      } else if (this.loading && [401, 403, 404].includes(status)) {
        this.problems.push(`HTTP ${status} while loading: ${call}`);
      }
    });
  }

  /** Runs `navigate` and waits until the page's network is idle, watching 4xx meanwhile. */
  async load(page: Page, navigate: () => Promise<unknown>): Promise<void> {
    this.problems = [];
    this.loading = true;
    try {
      await navigate();
      await page.waitForLoadState('networkidle');
    } finally {
      this.loading = false;
    }
  }
}

/** Lines of visible text that look like raw i18n keys. */
async function rawKeys(scope: Locator): Promise<string[]> {
  const text = await scope.innerText();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => RAW_KEY.test(line));
}

/** The checks every page must pass once loaded. */
async function checkPage(page: Page, watch: Watch, label: string, shot: string): Promise<void> {
  const content = page.locator('.app-content');
  const heading = content.locator('h1').first();
  await expect(heading, `${label}: a heading`).toBeVisible();
  // retried: the page that is being left may still hold the first h1 for a frame
  await expect(heading, `${label}: the heading has text`).toHaveText(/\S/);
  await expect(
    content
      .locator(
        [
          '.ant-table',
          '.ant-card',
          '.ant-tree',
          '.ant-descriptions',
          '.ant-tabs',
          'form',
          // an empty state that says why there is nothing (e.g. no period open for entry)
          '.ant-empty',
          '.ant-result',
          '.ant-alert',
          '.empty',
        ].join(', '),
      )
      .first(),
    `${label}: main content (table, card, tree, form...)`,
  ).toBeVisible();
  // No spinner left: the page finished loading its data.
  await expect(content.locator('.ant-spin-spinning'), `${label}: still loading`).toHaveCount(0);

  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(
    overflow.scrollWidth,
    `${label}: horizontal overflow at 1280×800 (${JSON.stringify(overflow)})`,
  ).toBeLessThanOrEqual(overflow.clientWidth + 1);

  expect(await rawKeys(page.locator('body')), `${label}: raw i18n keys`).toEqual([]);
  await page.screenshot({ path: `e2e/artifacts/screens-${shot}.png`, fullPage: true });
  expect(watch.problems, `${label}: console errors / failed API calls`).toEqual([]);
}

function pageSlug(href: string): string {
  return href.replace(/^\//, '').replace(/[^a-zA-Z0-9]+/g, '-') || 'home';
}

async function newPage(browser: Browser): Promise<{ page: Page; watch: Watch }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  return { page, watch: new Watch(page) };
}

for (const role of ROLES) {
  test(`every screen of ${role.slug} loads cleanly at 1280×800`, async ({ browser }) => {
    const { page, watch } = await newPage(browser);
    await watch.load(page, () => signIn(page, role));
    const landing = pageSlug(new URL(page.url()).pathname);
    await checkPage(page, watch, `${role.slug} landing /${landing}`, `${role.slug}-landing`);

    const screens = await walkScreens(page, {
      navigate: (go) => watch.load(page, go),
      visit: (screen) =>
        screen.kind === 'menu'
          ? checkPage(
              page,
              watch,
              `${role.slug} ${screen.menuText} (${screen.href})`,
              `${role.slug}-${pageSlug(screen.href)}`,
            )
          : checkPage(
              page,
              watch,
              `${role.slug} detail ${screen.href}`,
              `${role.slug}-${pageSlug(screen.menuHref)}-detail`,
            ),
    });
    // at least the published sample scheme has a row
    const detailOpened = screens.some((s) => s.kind === 'detail');
    expect(detailOpened, `${role.slug}: a list with rows opened a detail page`).toBeTruthy();
    await page.context().close();
  });
}

test('in English the menu, the header and a page show English texts, no raw keys', async ({
  browser,
}) => {
  const { page, watch } = await newPage(browser);
  await watch.load(page, () => signIn(page, ROLES[1]));
  await switchToEnglish(page);

  const entries = await menuEntries(page);
  const schemes = entries.find((e) => e.href === '/schemes')!;
  expect(schemes, 'the official sees the schemes').toBeTruthy();
  await watch.load(page, () => page.getByTestId('side-menu').locator(`a[href="/schemes"]`).click());
  const cjk = /[\u4e00-\u9fff]/;
  const sider = page.getByTestId('side-menu');
  const header = page.locator('.app-header');
  const heading = page.locator('.app-content h1').first();
  await expect(heading).toBeVisible();
  await expect(heading, 'the heading has text').toHaveText(/\S/);
  for (const [name, scope] of [
    ['sider', sider],
    ['heading', heading],
  ] as const) {
    const text = await scope.innerText();
    expect(text, `${name} in English`).not.toMatch(cjk);
    expect(await rawKeys(scope), `${name}: raw i18n keys`).toEqual([]);
  }
  expect(await header.locator('.app-title').innerText()).not.toMatch(cjk);
  await checkPage(page, watch, 'English /schemes', 'province-official-schemes-en');
  await page.context().close();
});

/** The error text shown for a field: inside the same nz-form-item as the field. */
async function expectErrorBeside(field: Locator, label: string): Promise<void> {
  const item = field.locator('xpath=ancestor::nz-form-item[1]');
  await expect(item, `${label}: the field is inside an nz-form-item`).toHaveCount(1);
  await expect(
    item.locator('.ant-form-item-explain-error').first(),
    `${label}: the error beside the field`,
  ).toBeVisible();
  await expect(item.locator('.ant-form-item-explain-error').first()).not.toHaveText('');
}

test('forms show their errors beside the fields', async ({ browser }) => {
  const { page, watch } = await newPage(browser);

  // The sign-in form submitted empty
  await page.goto('/login');
  await page.getByTestId('login-submit').click();
  await expectErrorBeside(page.getByTestId('login-username'), 'sign-in user name');
  await expectErrorBeside(page.getByTestId('login-password'), 'sign-in password');

  // The city admin's "new user" dialog submitted empty
  await watch.load(page, () => signIn(page, ROLES[3]));
  await watch.load(page, () => page.getByTestId('side-menu').locator('a[href="/users"]').click());
  await page.getByTestId('user-create').click();
  const dialog = page.locator('.ant-modal');
  await expect(dialog).toBeVisible();
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await expectErrorBeside(dialog.locator('#u-userName'), 'user name');
  await expectErrorBeside(dialog.locator('#u-password'), 'password');
  await dialog.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
  await expect(dialog).toHaveCount(0);

  // The change-password dialog submitted empty
  await page.getByTestId('current-user').click();
  await page.locator('.ant-dropdown li[nz-menu-item]').first().click();
  const cp = page.locator('.ant-modal');
  await expect(cp).toBeVisible();
  await cp.locator('.ant-modal-footer .ant-btn-primary').click();
  await expectErrorBeside(cp.locator('#cp-current'), 'current password');
  await expectErrorBeside(cp.locator('#cp-new'), 'new password');
  await cp.locator('.ant-modal-footer .ant-btn:not(.ant-btn-primary)').click();
  expect(watch.problems).toEqual([]);
  await page.context().close();

  // The province admin's "new city" dialog submitted empty
  const province = await newPage(browser);
  await province.watch.load(province.page, () => signIn(province.page, ROLES[0]));
  await province.watch.load(province.page, () =>
    province.page.getByTestId('side-menu').locator('a[href="/tenants"]').click(),
  );
  await province.page.getByTestId('tenant-create').click();
  const create = province.page.locator('.ant-modal');
  await expect(create).toBeVisible();
  await create.locator('.ant-modal-footer .ant-btn-primary').click();
  await expectErrorBeside(create.locator('#t-displayName'), 'city display name');
  await expectErrorBeside(create.locator('#t-name'), 'city name');
  await expectErrorBeside(create.locator('#t-adminPassword'), 'city admin password');
  expect(province.watch.problems).toEqual([]);
  await province.page.context().close();
});
