import { APIRequestContext, Browser, Page, expect, request, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Role, ROLES, signIn, switchToEnglish, walkScreens } from './screens';
import { enumMemberNames, fileText } from './words-files';

/**
 * Officials' words and Beijing times: every screen of every demo role (the side menu's entries,
 * the first detail page of a list, the main drawers and expanded rows) and every file the UI lets
 * them download is scanned for internal identifiers — snake_case words (percent_change), enum
 * member names (Scored, AwaitingVerification), true/false, raw ISO timestamps — and every screen
 * or file that shows a time must name the zone (北京时间). The screens are walked again in English,
 * switched to through the header as a person would: there an enum name that is also an English
 * word (Draft, Published) may stand as the label, but no joined-up one (InForce) may, and a shown
 * time names the zone as "Beijing time".
 *
 * Read-only over the demo data: the screens are only looked at; the one thing made is an
 * agreement of its own (a far year of 张掖, issued so that the file has its 下达 time) for the
 * Word export. An open period is made sure of as every-screen does (reused when one exists).
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';
const AGREEMENT_CITY = '张掖市';

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
function enumWord(names: Iterable<string>): RegExp {
  return new RegExp(
    `(?<![A-Za-z0-9_.-])(?<![A-Za-z][ -])(${[...names].join('|')})(?![A-Za-z0-9_-])(?! [A-Za-z])`,
  );
}
const ENUM_WORD = enumWord(ENUM_NAMES);
/** In English only the joined-up names (InForce, AwaitingVerification): "Draft" is a word there. */
const ENUM_WORD_EN = enumWord([...ENUM_NAMES].filter((n) => /[a-z][A-Z]/.test(n)));
/** a_b words (rule kinds, parameters, triggers); not inside a file name or an address. */
const SNAKE = /(?<![A-Za-z0-9_./@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_./@-])/;
const BOOLEAN = /(?<![A-Za-z0-9_])(true|false|True|False)(?![A-Za-z0-9_])/;
/** 2026-12-01T13:00:00Z, 2026-12-01T13:00 — a time as the machine writes it. */
const ISO_TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** A time of day beside a date: 2026-12-01 13:00, 2026/12/01 13:00, 2026年12月1日 13:00. */
const SHOWN_TIME = /\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}/;
const ZONE = '北京时间';
const ZONE_EN = 'Beijing time';

type Language = 'zh' | 'en';

/** Every line of `text` with an identifier, named by the rule it breaks. */
function identifiers(text: string, language: Language): string[] {
  const found: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    for (const [rule, pattern] of [
      ['snake_case', SNAKE],
      ['enum name', language === 'en' ? ENUM_WORD_EN : ENUM_WORD],
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
function zoneProblem(text: string, language: Language): string | null {
  const time = SHOWN_TIME.exec(text);
  const zone = language === 'en' ? ZONE_EN : ZONE;
  return time && !text.includes(zone) ? `shows "${time[0]}" without naming ${zone}` : null;
}

/** Problems found over the whole run, reported together at the end of each test. */
class Findings {
  readonly items: string[] = [];

  constructor(private readonly language: Language = 'zh') {}

  scan(where: string, text: string): void {
    for (const item of identifiers(text, this.language)) {
      this.items.push(`${where}: ${item}`);
    }
    const zone = zoneProblem(text, this.language);
    if (zone) {
      this.items.push(`${where}: ${zone}`);
    }
  }
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

/** Scans every screen of the role's walk, the hidden details and a detail page's tabs. */
async function scanScreens(page: Page, findings: Findings, label: string) {
  findings.scan(`${label} landing ${new URL(page.url()).pathname}`, await screenText(page));
  await walkScreens(page, {
    visit: async (screen) => {
      const where = `${label} ${screen.href}`;
      findings.scan(where, await screenText(page));
      if (screen.kind === 'menu') {
        await openDetails(page, screen.href, findings, where);
        return;
      }
      // Tabs of a detail page (an agreement's history, a scheme's rules) are screens too.
      for (const tab of await page.locator('.app-content .ant-tabs-tab').all()) {
        await tab.click();
        findings.scan(`${where} tab`, await screenText(page));
      }
    },
  });
}

for (const role of ROLES) {
  test(`every screen of ${role.slug} speaks in words and Beijing time`, async ({ browser }) => {
    const page = await newPage(browser);
    const findings = new Findings();
    await signIn(page, role);
    await scanScreens(page, findings, role.slug);
    expect(findings.items, `${role.slug}: identifiers or zoneless times on screen`).toEqual([]);
    await page.context().close();
  });

  test(`every screen of ${role.slug} in English speaks in words and Beijing time`, async ({
    browser,
  }) => {
    const page = await newPage(browser);
    const findings = new Findings('en');
    await signIn(page, role);
    await switchToEnglish(page);
    await scanScreens(page, findings, `${role.slug} (en)`);
    expect(
      findings.items,
      `${role.slug}: identifiers or zoneless times on English screens`,
    ).toEqual([]);
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
