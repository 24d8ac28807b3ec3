import { expect } from '@playwright/test';

import { PERIOD_KIND, PeriodDto, apiClient, openNewPeriod, periods } from './period-setup';

export type { PeriodDto } from './period-setup';

/**
 * The open half-year period of 2026 of the published scheme that entry-excel and live-scores use
 * (no other spec uses half-years): the one open already, else created and opened by the official.
 */
export async function openHalfYearPeriod(): Promise<PeriodDto> {
  const api = await apiClient('official', null);
  try {
    const halfYears = (await periods(api)).filter((p) => p.kind === 'HalfYear' && p.year === 2026);
    const open = halfYears.find((p) => p.status === 'Open');
    if (open) {
      return open;
    }
    const taken = new Set(halfYears.map((p) => p.number));
    const number = [1, 2].find((n) => !taken.has(n));
    expect(number, 'a free half-year of 2026').toBeTruthy();
    return await openNewPeriod(api, PERIOD_KIND.halfYear, 2026, number!, '2026-12-31T18:00:00');
  } finally {
    await api.dispose();
  }
}
