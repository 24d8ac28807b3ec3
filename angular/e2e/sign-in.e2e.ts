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
