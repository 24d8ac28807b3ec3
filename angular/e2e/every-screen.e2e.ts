import { Browser, Locator, Page, Response, expect, request, test } from '@playwright/test';

/**
 * Every screen of every demo role: signs in through the UI, walks each entry of the rendered
 * side menu (plus one detail page where a list has rows) and checks, at 1280×800, that the page
 * has no console error, no failed API call (>= 500, nor 401/403/404 while loading: a page must not
 * call an API its role may not use), shows its main content and does not overflow horizontally.
 * Nothing is changed through the UI; before the tests an open period is made sure of (reused when
 * one exists) so the dashboard and the data entry show data, so the tests run in any order on one
 * fresh database.
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';
const CITY = '兰州';

interface Role {
  /** Short name used in screenshot file names. */
  slug: string;
  userName: string;
  tenant: string | null;
}

const ROLES: Role[] = [
  { slug: 'province-admin', userName: 'admin', tenant: null },
  { slug: 'province-official', userName: 'official', tenant: null },
  { slug: 'province-auditor', userName: 'auditor', tenant: null },
  { slug: 'city-admin', userName: 'admin', tenant: CITY },
  { slug: 'city-clerk', userName: 'clerk', tenant: CITY },
];

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

async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto('/login');
  if (role.tenant) {
    await page.getByTestId('login-side').getByText('试点城市').click();
    await page.getByTestId('login-tenant').click();
    await page.locator('nz-option-item', { hasText: `${role.tenant}市` }).click();
  }
  await page.getByTestId('login-username').fill(role.userName);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
  await page.waitForLoadState('networkidle');
}

/** The menu entries as rendered: link and text. */
async function menuEntries(page: Page): Promise<{ href: string; text: string }[]> {
  const links = page.getByTestId('side-menu').locator('a[href]');
  const entries: { href: string; text: string }[] = [];
  for (const link of await links.all()) {
    entries.push({
      href: (await link.getAttribute('href')) ?? '',
      text: (await link.innerText()).trim(),
    });
  }
  return entries;
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
  expect((await heading.innerText()).trim(), `${label}: the heading has text`).not.toBe('');
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

    const entries = await menuEntries(page);
    expect(entries.length, 'the menu has entries').toBeGreaterThan(0);
    let detailOpened = false; // at least the published sample scheme has a row
    for (const entry of entries) {
      const label = `${role.slug} ${entry.text} (${entry.href})`;
      await watch.load(page, async () => {
        await page.getByTestId('side-menu').locator(`a[href="${entry.href}"]`).click();
        // a page may keep its selection in the query string (e.g. ?period=)
        await expect(page).toHaveURL(new RegExp(`${entry.href}(\\?.*)?$`));
      });
      await checkPage(page, watch, label, `${role.slug}-${pageSlug(entry.href)}`);

      // The first row's detail page of every list with rows (e.g. a scheme's, an agreement's)
      {
        const detailLink = page.locator(`.app-content tbody tr a[href^="${entry.href}/"]`).first();
        if (await detailLink.count()) {
          const href = (await detailLink.getAttribute('href'))!;
          await watch.load(page, async () => {
            await detailLink.click();
            await expect(page).toHaveURL(new RegExp(`${href}(\\?.*)?$`));
          });
          await checkPage(
            page,
            watch,
            `${role.slug} detail ${href}`,
            `${role.slug}-${pageSlug(entry.href)}-detail`,
          );
          detailOpened = true;
        }
      }
    }
    expect(detailOpened, `${role.slug}: a list with rows opened a detail page`).toBeTruthy();
    await page.context().close();
  });
}

test('in English the menu, the header and a page show English texts, no raw keys', async ({
  browser,
}) => {
  const { page, watch } = await newPage(browser);
  await watch.load(page, () => signIn(page, ROLES[1]));
  await page.locator('app-lang-switch button').click();
  await page.locator('.ant-dropdown li[nz-menu-item]', { hasText: 'English' }).click();
  await expect(page.locator('app-lang-switch button')).toContainText('English');

  const entries = await menuEntries(page);
  const schemes = entries.find((e) => e.href === '/schemes')!;
  expect(schemes, 'the official sees the schemes').toBeTruthy();
  await watch.load(page, () => page.getByTestId('side-menu').locator(`a[href="/schemes"]`).click());
  const cjk = /[\u4e00-\u9fff]/;
  const sider = page.getByTestId('side-menu');
  const header = page.locator('.app-header');
  const heading = page.locator('.app-content h1').first();
  await expect(heading).toBeVisible();
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
