import { expect, test } from '@playwright/test';

const OFFICIAL_USER = process.env['E2E_OFFICIAL_USER'] ?? 'official';
const OFFICIAL_PASSWORD = process.env['E2E_OFFICIAL_PASSWORD'] ?? '1q2w3E*';

async function signInAsOfficial(page: import('@playwright/test').Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(OFFICIAL_USER);
  await page.getByTestId('login-password').fill(OFFICIAL_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('side-menu')).toBeVisible();
}

test('the provincial official opens the published sample scheme and previews 群众安全感', async ({
  page,
}) => {
  await signInAsOfficial(page);
  const menu = page.getByTestId('side-menu');
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

test('a draft copy with a broken rule cannot be published; every problem is listed by indicator', async ({
  page,
}) => {
  await signInAsOfficial(page);
  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page
    .getByTestId('scheme-table')
    .locator('tbody tr', { hasText: '已发布' })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('scheme-status')).toHaveText('已发布');

  await page.getByTestId('scheme-copy').click();
  await expect(page.getByTestId('scheme-status')).toHaveText('草稿');

  // Break I01: no full_at, a cap above its 6 points
  await page.getByTestId('edit-I01').click();
  await page.getByRole('tab', { name: '高级（JSON）' }).click();
  await page
    .getByTestId('editor-rule')
    .fill('{ "kind": "shortfall_bands", "per": 0.25, "cap": 9 }');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.locator('[data-testid="indicator-table"] tr[data-code="I01"]')).toContainText(
    'full_at',
  );

  await page.getByTestId('scheme-publish').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  const problems = page.getByTestId('publish-problems');
  await expect(problems).toBeVisible();
  const i01 = problems.getByTestId('problem-group').filter({ hasText: 'I01 群众安全感' });
  // the missing parameter, the cap, and the official wording that no longer matches the rule
  await expect(i01.locator('li')).toHaveCount(3);
  await expect(page.getByTestId('scheme-status')).toHaveText('草稿');
  await page.screenshot({ path: 'e2e/artifacts/scheme-publish-problems.png', fullPage: true });

  // Clean up: delete the draft
  await page.getByTestId('scheme-delete').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page).toHaveURL(/\/schemes$/);
});

test('editing B04 to ≥90 flags its 考评细则 text, and updating the text clears the warning', async ({
  page,
}) => {
  await signInAsOfficial(page);
  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page
    .getByTestId('scheme-table')
    .locator('tbody tr', { hasText: '已发布' })
    .first()
    .getByRole('link')
    .click();
  await page.getByTestId('scheme-copy').click();
  await expect(page.getByTestId('scheme-status')).toHaveText('草稿');
  await expect(page.getByTestId('generated-B04')).toContainText('≥95%得3分');

  await page.getByTestId('edit-B04').click();
  await page.getByRole('tab', { name: '高级（JSON）' }).click();
  await page
    .getByTestId('editor-rule')
    .fill(
      '{ "kind": "threshold_bands", "bands": [{ "at": 90, "points": 3 }, { "at": 85, "points": 2 }, { "at": 70, "points": 1 }], "otherwise": 0 }',
    );
  await page.getByTestId('editor-responsible-unit').fill('市委政法委');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.getByTestId('generated-B04')).toContainText('≥90%得3分');
  await expect(page.getByTestId('disagrees-B04')).toContainText('细则原文写有95');

  await page.getByTestId('scheme-publish').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(
    page.getByTestId('publish-problems').getByTestId('problem-group').filter({ hasText: 'B04' }),
  ).toContainText('细则原文写有95');

  // Esc with unsaved changes asks first; the official goes on and updates the wording.
  await page.getByTestId('edit-B04').click();
  await page.getByTestId('editor-rule-text').fill('≥90%得3分；≥85%得2分；≥70%得1分；其余0分');
  await page.keyboard.press('Escape');
  await expect(page.getByText('放弃未保存的修改？')).toBeVisible();
  await page.getByRole('button', { name: '继续编辑' }).click();
  await expect(page.getByTestId('editor-rule-text')).toHaveValue(
    '≥90%得3分；≥85%得2分；≥70%得1分；其余0分',
  );
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(page.getByTestId('disagrees-B04')).toHaveCount(0);

  // Clean up: delete the draft
  await page.getByTestId('scheme-delete').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page).toHaveURL(/\/schemes$/);
});

test('the exported JSON imports back as a draft; a broken file lists its errors with the path', async ({
  page,
}, testInfo) => {
  await signInAsOfficial(page);
  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page
    .getByTestId('scheme-table')
    .locator('tbody tr', { hasText: '已发布' })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('scheme-status')).toHaveText('已发布');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('scheme-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-2026-v\d+\.json$/);
  const file = testInfo.outputPath('exported.json');
  await download.saveAs(file);

  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page.locator('nz-upload input[type="file"][accept*="json"]').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"name":"x","year":2026,"scale":100,"definition":{"categories":[{"code":"A","name":"a","bogus":1}]}}',
    ),
  });
  await expect(page.getByTestId('scheme-import-errors')).toContainText(
    '$.definition.categories[0].bogus',
  );

  await page.locator('nz-upload input[type="file"][accept*="json"]').setInputFiles(file);
  await expect(page).toHaveURL(/\/schemes\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('scheme-status')).toHaveText('草稿');
  await expect(page.getByTestId('indicator-table').locator('tbody tr[data-code]')).toHaveCount(30);

  await page.getByTestId('scheme-delete').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page).toHaveURL(/\/schemes$/);
});

test('the exported xlsx workbook imports back as a draft with the same indicators', async ({
  page,
}, testInfo) => {
  await signInAsOfficial(page);
  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page
    .getByTestId('scheme-table')
    .locator('tbody tr', { hasText: '已发布' })
    .first()
    .getByRole('link')
    .click();
  await expect(page.getByTestId('scheme-status')).toHaveText('已发布');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('scheme-export-xlsx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = testInfo.outputPath('exported.xlsx');
  await download.saveAs(file);

  await page.getByTestId('side-menu').getByRole('link', { name: '考评方案' }).click();
  await page.locator('nz-upload input[type="file"][accept*="xlsx"]').setInputFiles(file);
  await expect(page).toHaveURL(/\/schemes\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('scheme-status')).toHaveText('草稿');
  await expect(page.getByTestId('indicator-table').locator('tbody tr[data-code]')).toHaveCount(30);

  await page.getByTestId('scheme-delete').click();
  await page.locator('.ant-popover .ant-btn-primary').click();
  await expect(page).toHaveURL(/\/schemes$/);
});
