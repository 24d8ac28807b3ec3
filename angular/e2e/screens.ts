import { Page, expect } from '@playwright/test';

/**
 * The demo roles and the walk over their screens that every-screen and words share: sign in
 * through the UI, then each entry of the rendered side menu and, where a list has rows, the first
 * row's detail page.
 */
export const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
export const CITY = '兰州';

export interface Role {
  /** Short name used in test titles and screenshot file names. */
  slug: string;
  userName: string;
  tenant: string | null;
}

export const ROLES: Role[] = [
  { slug: 'province-admin', userName: 'admin', tenant: null },
  { slug: 'province-official', userName: 'official', tenant: null },
  { slug: 'province-auditor', userName: 'auditor', tenant: null },
  { slug: 'city-admin', userName: 'admin', tenant: CITY },
  { slug: 'city-clerk', userName: 'clerk', tenant: CITY },
];

export async function signIn(page: Page, role: Role): Promise<void> {
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

/**
 * What went wrong on the page while a spec ran: uncaught errors and HTTP 5xx answers, collected
 * from now on into the returned list (a spec ends with `expect(problems).toEqual([])`).
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (r) => {
    if (r.status() >= 500) {
      problems.push(`HTTP ${r.status()} ${r.url()}`);
    }
  });
  return problems;
}

/** Switches the language through the header's switch, as a person would. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.locator('app-lang-switch button').click();
  await page.locator('.ant-dropdown li[nz-menu-item]', { hasText: 'English' }).click();
  await expect(page.locator('app-lang-switch button')).toContainText('English');
  await page.waitForLoadState('networkidle');
}

/** The menu entries as rendered: link and text. */
export async function menuEntries(page: Page): Promise<{ href: string; text: string }[]> {
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

/** One screen reached by the walk: a menu entry's page, or the detail page of its list's first row. */
export interface Screen {
  kind: 'menu' | 'detail';
  /** The menu entry's link (for a detail page too: the list it was reached from). */
  menuHref: string;
  /** The menu entry's text. */
  menuText: string;
  /** The link that was followed: the menu entry's, or the detail page's. */
  href: string;
}

export interface WalkOptions {
  /** Wraps each navigation (e.g. to watch the calls it makes); by default it is only run. */
  navigate?: (go: () => Promise<void>) => Promise<void>;
  /** Called once each screen is reached. */
  visit: (screen: Screen) => Promise<void>;
}

/**
 * Walks every entry of the side menu and, where the list has rows, the first row's detail page
 * (a link under the entry's own path); returns the screens visited.
 */
export async function walkScreens(page: Page, options: WalkOptions): Promise<Screen[]> {
  const navigate = options.navigate ?? ((go) => go());
  const entries = await menuEntries(page);
  expect(entries.length, 'the menu has entries').toBeGreaterThan(0);
  const visited: Screen[] = [];
  for (const entry of entries) {
    await navigate(async () => {
      await page.getByTestId('side-menu').locator(`a[href="${entry.href}"]`).click();
      // a page may keep its selection in the query string (e.g. ?period=)
      await expect(page).toHaveURL(new RegExp(`${entry.href}(\\?.*)?$`));
    });
    const menu: Screen = {
      kind: 'menu',
      menuHref: entry.href,
      menuText: entry.text,
      href: entry.href,
    };
    await options.visit(menu);
    visited.push(menu);

    const detailLink = page.locator(`.app-content tbody tr a[href^="${entry.href}/"]`).first();
    if (await detailLink.count()) {
      const href = (await detailLink.getAttribute('href'))!;
      await navigate(async () => {
        await detailLink.click();
        await expect(page).toHaveURL(new RegExp(`${href}(\\?.*)?$`));
      });
      const detail: Screen = { ...menu, kind: 'detail', href };
      await options.visit(detail);
      visited.push(detail);
    }
  }
  return visited;
}
