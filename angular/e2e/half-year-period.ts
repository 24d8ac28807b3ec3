import { expect, request } from '@playwright/test';

/**
 * The open half-year period of 2026 of the published scheme that entry-excel and live-scores use
 * (no other spec uses half-years): the one open already, else created and opened by the official.
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
}

export async function openHalfYearPeriod(): Promise<PeriodDto> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/api/account/login', {
    data: { userName: 'official', password: PASSWORD, tenant: null },
  });
  expect(login.ok(), await login.text()).toBeTruthy();
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  const api = await request.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` },
  });
  try {
    const periods = (await (await api.get('/api/app/periods')).json()) as PeriodDto[];
    const halfYears = periods.filter((p) => p.kind === 'HalfYear' && p.year === 2026);
    const open = halfYears.find((p) => p.status === 'Open');
    if (open) {
      return open;
    }
    const schemes = (await (
      await api.get('/api/app/schemes?Status=Published&MaxResultCount=1')
    ).json()) as { items: { id: string }[] };
    const taken = new Set(halfYears.map((p) => p.number));
    const number = [1, 2].find((n) => !taken.has(n));
    expect(number, 'a free half-year of 2026').toBeTruthy();
    const created = await api.post('/api/app/periods', {
      data: {
        schemeId: schemes.items[0].id,
        kind: 1,
        year: 2026,
        number,
        entryOpensAt: '2026-01-01T09:00:00',
        entryClosesAt: '2026-12-31T18:00:00',
      },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    const period = (await created.json()) as PeriodDto;
    const opened = await api.post(`/api/app/periods/${period.id}/open`);
    expect(opened.ok(), await opened.text()).toBeTruthy();
    return period;
  } finally {
    await api.dispose();
  }
}
