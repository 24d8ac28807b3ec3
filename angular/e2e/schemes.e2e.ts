import { expect, test } from '@playwright/test';

const OFFICIAL_USER = process.env['E2E_OFFICIAL_USER'] ?? 'official';
const OFFICIAL_PASSWORD = process.env['E2E_OFFICIAL_PASSWORD'] ?? '1q2w3E*';

test('the provincial official opens the published sample scheme and previews 群众安全感', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(OFFICIAL_USER);
  await page.getByTestId('login-password').fill(OFFICIAL_PASSWORD);
  await page.getByTestId('login-submit').click();

  const menu = page.getByTestId('side-menu');
  await expect(menu).toBeVisible();
  await menu.getByRole('link', { name: '考评方案' }).click();
  await expect(page).toHaveURL(/\/schemes$/);

  const list = page.getByTestId('scheme-table');
  const sample = list.locator('tbody tr', { hasText: '考评细则（示例）' }).filter({
    hasText: '已发布',
  });
  await expect(sample).toHaveCount(1);
  await sample.getByRole('link').click();

  await expect(page.getByTestId('scheme-status')).toHaveText('已发布');
  const indicators = page.getByTestId('indicator-table').locator('tbody tr[data-code]');
  await expect(indicators).toHaveCount(30);
  await expect(indicators.filter({ hasText: '群众安全感' })).toContainText('差距扣分');

  // Live preview: pick I01 and type 93.5
  await page.getByTestId('preview-I01').click();
  const value = page.getByTestId('preview-value').locator('input');
  await value.fill('93.5');
  await expect(page.getByTestId('preview-points')).toHaveText('5.37');
  await expect(page.getByTestId('preview-explanation')).toContainText('扣0.63分');
  await expect(value).toHaveValue('93.5');

  await page.screenshot({ path: 'e2e/artifacts/scheme-preview.png', fullPage: true });
});
