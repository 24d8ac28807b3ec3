import { APIRequestContext, expect, request } from '@playwright/test';

/**
 * What specs set up over the API before they open a screen: a signed-in client of a demo user, and
 * a new period of the published scheme opened for entry (each spec in years and kinds no other uses).
 */
const PASSWORD = process.env['E2E_PASSWORD'] ?? '1q2w3E*';
const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:5000';

export interface PeriodDto {
  id: string;
  name: string;
  kind: string;
  year: number;
  number: number;
  status: string;
  schemeId: string;
}

/** The numbers the API takes for a period's kind. */
export const PERIOD_KIND = { halfYear: 1, monthly: 3 } as const;

/** An API client signed in as `userName` (of `tenant`, or of the province when null). */
export async function apiClient(
  userName: string,
  tenant: string | null,
): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName, password: PASSWORD, tenant },
  });
  expect(login.ok(), await login.text()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` },
  });
}

export async function periods(official: APIRequestContext): Promise<PeriodDto[]> {
  return (await (await official.get('/api/app/periods')).json()) as PeriodDto[];
}

/** Creates the period of the published scheme (entry from 2026-01-01 09:00 to `closesAt`) and opens it. */
export async function openNewPeriod(
  official: APIRequestContext,
  kind: number,
  year: number,
  number: number,
  closesAt: string,
): Promise<PeriodDto> {
  const schemes = (await (
    await official.get('/api/app/schemes?Status=Published&MaxResultCount=1')
  ).json()) as { items: { id: string }[] };
  const created = await official.post('/api/app/periods', {
    data: {
      schemeId: schemes.items[0].id,
      kind,
      year,
      number,
      entryOpensAt: '2026-01-01T09:00:00',
      entryClosesAt: closesAt,
    },
  });
  expect(created.ok(), await created.text()).toBeTruthy();
  const period = (await created.json()) as PeriodDto;
  const opened = await official.post(`/api/app/periods/${period.id}/open`);
  expect(opened.ok(), await opened.text()).toBeTruthy();
  return (await opened.json()) as PeriodDto;
}
