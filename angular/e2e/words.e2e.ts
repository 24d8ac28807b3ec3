import { APIRequestContext, Browser, Page, expect, request, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { enumMemberNames, fileText } from './words-files';

/**
 * Officials' words and Beijing times: every screen of every demo role (the side menu's entries,
 * the first detail page of a list, the main drawers and expanded rows) and every file the UI lets
 * them download is scanned for internal identifiers — snake_case words (percent_change), enum
 * member names (Scored, AwaitingVerification), true/false, raw ISO timestamps — and every screen
 * or file that shows a time must name the zone (北京时间).
 *
 * Read-only over the demo data: the screens are only looked at; the one thing made is an
 * agreement of its own (a far year of 张掖, issued so that the file has its 下达 time) for the
 * Word export. An open period is made sure of as every-screen does (reused when one exists).
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';
const CITY = '兰州';
const AGREEMENT_CITY = '张掖市';

interface Role {
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

/** Enum member names of the product and of the generated API client. */
function enumNames(): Set<string> {
  const names = enumMemberNames(
    join(__dirname, '..', '..', 'src', 'PilotAssessment.Domain.Shared'),
  );
  const openapi = JSON.parse(readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8')) as {
    components: { schemas: Record<string, { 'x-enum-varnames'?: string[] }> };
  };
  for (const schema of Object.values(openapi.components.schemas)) {
    for (const name of schema['x-enum-varnames'] ?? []) {
      names.add(name);
    }
  }
  return names;
}

const ENUM_NAMES = enumNames();
/**
 * An enum member name standing on its own ("Scored", "城市 City"); not a word of an English
 * phrase (an indicator's English name: "Major fires", "Quarterly meetings").
 */
const ENUM_WORD = new RegExp(
  `(?<![A-Za-z0-9_.-])(?<![A-Za-z][ -])(${[...ENUM_NAMES].join('|')})(?![A-Za-z0-9_-])(?! [A-Za-z])`,
);
/** a_b words (rule kinds, parameters, triggers); not inside a file name or an address. */
const SNAKE = /(?<![A-Za-z0-9_./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_./@-])/;
const BOOLEAN = /(?<![A-Za-z0-9_])(true|false|True|False)(?![A-Za-z0-9_])/;
/** 2026-12-01T13:00:00Z, 2026-12-01T13:00 — a time as the machine writes it. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A time of day beside a date: 2026-12-01 13:00, 2026/12/01 13:00, 2026年12月1日 13:00. */
const SHOWN_TIME = /\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}/;
const ZONE = '北京时间';

/** Every line of `text` with an identifier, named by the rule it breaks. */
function identifiers(text: string): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    for (const [rule, pattern] of [
      ['snake_case', SNAKE],
      ['enum name', ENUM_WORD],
      ['true/false', BOOLEAN],
      ['ISO time', ISO_TIME],
    ] as const) {
      const match = pattern.exec(line);
      if (match) {
        found.push(`${rule} "${match[0]}" in: ${line.slice(0, 160)}`);
      }
    }
  }
  return found;
}

/** A screen or file that shows a time names the zone. */
function zoneProblem(text: string): string | null {
  const time = SHOWN_TIME.exec(text);
  return time && !text.includes(ZONE) ? `shows "${time[0]}" without naming ${ZONE}` : null;
}

/** Problems found over the whole run, reported together at the end of each test. */
class Findings {
  readonly items: string[] = [];

  scan(where: string, text: string): void {
    for (const item of identifiers(text)) {
      this.items.push(`${where}: ${item}`);
    }
    const zone = zoneProblem(text);
    if (zone) {
      this.items.push(`${where}: ${zone}`);
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

async function apiAs(role: Role): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName: role.userName, password: PASSWORD, tenant: role.tenant },
  });
  expect(login.ok(), await login.text()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${accessToken}`, 'Accept-Language': 'zh-Hans' },
  });
}

/** The visible text of the page's content once it finished loading. */
async function screenText(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('.app-content .ant-spin-spinning')).toHaveCount(0);
  return page.locator('body').innerText();
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const response = await api.get(url);
  expect(response.ok(), `${url}: ${response.status()} ${await response.text()}`).toBeTruthy();
  return (await response.json()) as T;
}

interface PeriodRow {
  id: string;
  kind: string;
  year: number;
  number: number;
  status: string;
}

/** An open period for the entry screens and the entry template, as every-screen makes sure of. */
async function openPeriod(official: APIRequestContext): Promise<string> {
  const periods = await getJson<PeriodRow[]>(official, '/api/app/periods');
  const open = periods.find((p) => p.status === 'Open');
  if (open) {
    return open.id;
  }
  const quarterly = periods.filter((p) => p.kind === 'Quarterly' && p.year === 2026);
  const schemes = await getJson<{ items: { id: string }[] }>(
    official,
    '/api/app/schemes?Status=Published&MaxResultCount=1',
  );
  const taken = new Set(quarterly.map((p) => p.number));
  const number = [1, 2, 3, 4].find((n) => !taken.has(n))!;
  const created = await official.post('/api/app/periods', {
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
  const opened = await official.post(`/api/app/periods/${id}/open`);
  expect(opened.ok(), await opened.text()).toBeTruthy();
  return id;
}

test.beforeAll(async () => {
  const official = await apiAs(ROLES[1]);
  await openPeriod(official);
  await official.dispose();
});

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Opens what a screen hides behind a click: a data-entry drawer, an audit row, a ranking row. */
async function openDetails(page: Page, href: string, findings: Findings, where: string) {
  const content = page.locator('.app-content');
  if (href === '/data-entry') {
    const drawerButton = content.locator('button[data-evidence]:not([disabled])').first();
    if (await drawerButton.count()) {
      await drawerButton.click();
      const drawer = page.locator('.ant-drawer-content');
      await expect(drawer).toBeVisible();
      await page.waitForLoadState('networkidle');
      findings.scan(`${where} line drawer`, await drawer.innerText());
      await page.keyboard.press('Escape');
    }
  }
  if (href === '/audit-logs') {
    const expand = content
      .locator('[data-testid="audit-table"] .ant-table-row-expand-icon')
      .first();
    if (await expand.count()) {
      await expand.click();
      findings.scan(`${where} expanded row`, await screenText(page));
    }
  }
  if (href === '/score-sheet') {
    const row = content.locator('[data-testid="sheet-ranking"] tbody tr a').first();
    if (await row.count()) {
      await row.click();
      await expect(content.getByTestId('sheet-title')).toBeVisible();
      findings.scan(`${where} a city's sheet`, await screenText(page));
    }
  }
}

for (const role of ROLES) {
  test(`every screen of ${role.slug} speaks in words and Beijing time`, async ({ browser }) => {
    const page = await newPage(browser);
    const findings = new Findings();
    await signIn(page, role);
    findings.scan(`${role.slug} landing ${new URL(page.url()).pathname}`, await screenText(page));

    const links = page.getByTestId('side-menu').locator('a[href]');
    const hrefs: string[] = [];
    for (const link of await links.all()) {
      hrefs.push((await link.getAttribute('href')) ?? '');
    }
    expect(hrefs.length, 'the menu has entries').toBeGreaterThan(0);
    for (const href of hrefs) {
      const where = `${role.slug} ${href}`;
      await page.getByTestId('side-menu').locator(`a[href="${href}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${href}(\\?.*)?$`));
      findings.scan(where, await screenText(page));
      await openDetails(page, href, findings, where);

      const detail = page.locator(`.app-content tbody tr a[href^="${href}/"]`).first();
      if (await detail.count()) {
        const detailHref = (await detail.getAttribute('href'))!;
        await detail.click();
        await expect(page).toHaveURL(new RegExp(`${detailHref}(\\?.*)?$`));
        findings.scan(`${role.slug} ${detailHref}`, await screenText(page));
        // Tabs of a detail page (an agreement's history, a scheme's rules) are screens too.
        for (const tab of await page.locator('.app-content .ant-tabs-tab').all()) {
          await tab.click();
          findings.scan(`${role.slug} ${detailHref} tab`, await screenText(page));
        }
      }
    }
    expect(findings.items, `${role.slug}: identifiers or zoneless times on screen`).toEqual([]);
    await page.context().close();
  });
}

interface Download {
  name: string;
  url: string;
}

async function downloadAll(api: APIRequestContext, files: Download[], findings: Findings) {
  for (const file of files) {
    const response = await api.get(file.url);
    expect(
      response.ok(),
      `${file.name}: ${response.status()} ${await response.text()}`,
    ).toBeTruthy();
    const data = await response.body();
    expect(data.length, `${file.name} has content`).toBeGreaterThan(0);
    findings.scan(file.name, fileText(data));
  }
}

test('every exported file speaks in words and Beijing time', async () => {
  const findings = new Findings();
  const official = await apiAs(ROLES[1]);
  const periodId = await openPeriod(official);

  // The province's files: the scheme, a published period's ranking and a city's sheet, problems.
  const schemes = await getJson<{ items: { id: string }[] }>(
    official,
    '/api/app/schemes?Status=Published&MaxResultCount=1',
  );
  const schemeId = schemes.items[0].id;
  const periods = await getJson<PeriodRow[]>(official, '/api/app/periods');
  const published = periods.find((p) => p.status === 'Published');
  expect(published, 'the demo history has a published period').toBeTruthy();
  const ranking = await getJson<{ sheetId?: string; notAssessed?: boolean }[]>(
    official,
    `/api/app/results/periods/${published!.id}/ranking`,
  );
  const sheetId = ranking.find((r) => r.sheetId && !r.notAssessed)?.sheetId;
  expect(sheetId, 'a city has a sheet in the published period').toBeTruthy();

  // An agreement of its own, issued, for the Word export.
  const cities = await getJson<{ items: { id: string; displayName: string }[] }>(
    official,
    '/api/app/tenants?MaxResultCount=100',
  );
  const city = cities.items.find((c) => c.displayName === AGREEMENT_CITY)!;
  const year = 2031 + Math.floor(Math.random() * 60);
  const created = await official.post('/api/app/agreements', {
    data: {
      cityId: city.id,
      schemeId,
      year,
      title: `${year}年度${AGREEMENT_CITY}平安建设目标责任书（用语检查）`,
      withPlanKeyTasks: true,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const agreement = (await created.json()) as { id: string };
  const issued = await official.post(`/api/app/agreements/${agreement.id}/issue`);
  expect(issued.ok(), await issued.text()).toBeTruthy();

  await downloadAll(
    official,
    [
      { name: 'scheme xlsx', url: `/api/app/schemes/${schemeId}/export/xlsx` },
      {
        name: 'ranking xlsx',
        url: `/api/app/results/periods/${published!.id}/ranking/export/xlsx`,
      },
      { name: 'score sheet xlsx', url: `/api/app/results/sheets/${sheetId}/export/xlsx` },
      { name: 'score sheet pdf', url: `/api/app/results/sheets/${sheetId}/export/pdf` },
      { name: 'agreement docx', url: `/api/app/agreements/${agreement.id}/export/docx` },
      { name: 'problems xlsx', url: '/api/app/supervision/problems/xlsx' },
    ],
    findings,
  );
  await official.dispose();

  // The city's files: the entry template of the open period.
  const clerk = await apiAs(ROLES[4]);
  await downloadAll(
    clerk,
    [{ name: 'entry template xlsx', url: `/api/app/data-entry/periods/${periodId}/xlsx` }],
    findings,
  );
  await clerk.dispose();

  expect(findings.items, 'identifiers or zoneless times in files').toEqual([]);
});
