import { expect, test } from '@playwright/test';

const ADMIN_USER = process.env['E2E_ADMIN_USER'] ?? 'admin';
const ADMIN_PASSWORD = process.env['E2E_ADMIN_PASSWORD'] ?? '1q2w3E*';

// The failed attempt runs first: the successful sign-in after it resets the lockout counter.
test('a wrong password shows the server message beside the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(ADMIN_USER);
  await page.getByTestId('login-password').fill(`${ADMIN_PASSWORD}-wrong`);
  await page.getByTestId('login-submit').click();

  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: 'e2e/artifacts/sign-in-error.png' });
});

test('a provincial administrator signs in and sees the layout with the 试点城市 menu', async ({
  page,
}) => {
  await page.goto('/login');

  // Province (host) is the default side; no city needs to be chosen.
  await expect(page.getByTestId('login-side')).toContainText('省级（平台）');
  await page.getByTestId('login-username').fill(ADMIN_USER);
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();

  const menu = page.getByTestId('side-menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('link', { name: '试点城市' })).toBeVisible();
  await expect(page.getByTestId('tenant-tag')).toContainText('省级平台');
  await expect(page.getByTestId('current-user')).not.toBeEmpty();

  await page.screenshot({ path: 'e2e/artifacts/sign-in.png', fullPage: true });
});

// Wrong sides use other accounts than the administrator, and each fails once only: no lockout for later specs.
test('a provincial account signing in to a city is told to use the province side, and switches in one click', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-side').getByText('试点城市').click();
  await page.getByTestId('login-tenant').click();
  await page.locator('nz-option-item', { hasText: '兰州市' }).click();
  await page.getByTestId('login-username').fill('official');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();

  await expect(page.getByTestId('login-error')).toContainText('该账号是省级账号');
  await page.getByTestId('login-switch-side').click();
  await expect(page.getByTestId('login-tenant')).toHaveCount(0);
  await expect(page.getByTestId('login-username')).toHaveValue('official');
  await expect(page.getByTestId('login-password')).toHaveValue('');
  await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
});

test('a city account signing in to the province is told to choose its city', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill('clerk');
  await page.getByTestId('login-password').fill(`${ADMIN_PASSWORD}-wrong`);
  await page.getByTestId('login-submit').click();

  // The same answer whether the password was right or not.
  await expect(page.getByTestId('login-error')).toContainText('该账号是试点城市的账号');
  await page.getByTestId('login-switch-side').click();
  await expect(page.getByTestId('login-tenant')).toBeVisible();
  await page.screenshot({ path: 'e2e/artifacts/sign-in-wrong-side.png' });
});
