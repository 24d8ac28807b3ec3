import { expect, test } from '@playwright/test';

import { signIn } from './screens';

/*
 * The printed city profile: 兰州's administrator opens 本市概况; printed (print media, and as a PDF), the page
 * shows the profile with the city and the print time at the top, and no menu, header or buttons.
 */

test('the city profile prints on A4 with the city and the print time, without the menu', async ({
  page,
}) => {
  await signIn(page, { slug: 'city-admin', userName: 'admin', tenant: '兰州' });
  await page.goto('/city-profile');
  await expect(page.getByTestId('profile-periods')).toBeVisible();
  await expect(page.getByTestId('profile-print')).toBeVisible();
  await expect(page.getByTestId('profile-print-head')).toBeHidden();

  await page.emulateMedia({ media: 'print' });

  await expect(page.getByTestId('side-menu')).toBeHidden();
  await expect(page.locator('.app-header')).toBeHidden();
  await expect(page.getByTestId('profile-print')).toBeHidden();
  const head = page.getByTestId('profile-print-head');
  await expect(head).toBeVisible();
  await expect(head).toContainText('兰州市考评概况');
  await expect(head).toContainText(/打印时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);
  await expect(page.getByTestId('profile-periods')).toBeVisible();
  await expect(page.getByTestId('profile-honours')).toBeVisible();
  await expect(page.getByTestId('profile-problems')).toBeVisible();
  // The profile starts at the page's left edge: the menu leaves no room behind.
  const box = await head.boundingBox();
  expect(box!.x).toBeLessThan(40);

  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // A4 is 595 × 842 points.
  const media = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)/.exec(pdf.toString('latin1'));
  expect(media, 'the PDF names its page size').not.toBeNull();
  expect(Math.round(Number(media![1]))).toBe(595);
  expect(Math.round(Number(media![2]))).toBe(842);
  await page.screenshot({ path: 'e2e/artifacts/city-profile-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('side-menu')).toBeVisible();
});
