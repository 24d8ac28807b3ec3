/**
 * Pure functions the dashboard draws the results API's monitoring
 * (GET /api/app/results/periods/{periodId}/monitoring) and trends (GET /api/app/results/trends) with.
 */
import {
  ResultsCityMonitoringDto as MonitoringRow,
  ResultsMonitoringWarningDto as MonitoringWarning,
  ResultsTrendPointDto as TrendPoint,
} from '@api/models';

export type { MonitoringRow, MonitoringWarning, TrendPoint };

/** One early warning with its city, as listed under 预警. */
export interface WarningItem extends MonitoringWarning {
  cityId: string;
  cityName: string;
}

/** The scheme's colour bands are named (绿/蓝/黄/橙/红, or their keys); anything else is blue. */
const COLOURS: Record<string, string> = {
  绿: '#52c41a',
  green: '#52c41a',
  蓝: '#1677ff',
  blue: '#1677ff',
  黄: '#fadb14',
  yellow: '#fadb14',
  橙: '#fa8c16',
  orange: '#fa8c16',
  红: '#f5222d',
  red: '#f5222d',
};

export function colourHex(colour: string | null | undefined): string {
  return COLOURS[(colour ?? '').trim().toLowerCase()] ?? '#1677ff';
}

/** Every warning of the rows (red first, then by city and code), optionally of one city only. */
export function warningItems(
  rows: readonly MonitoringRow[],
  cityId: string | null = null,
): WarningItem[] {
  const items: WarningItem[] = [];
  for (const row of rows) {
    if (cityId && row.cityId !== cityId) {
      continue;
    }
    for (const w of row.warnings ?? []) {
      items.push({ ...w, cityId: row.cityId ?? '', cityName: row.cityName ?? '' });
    }
  }
  const weight = (level: string | null | undefined) => (level === 'Red' ? 0 : 1);
  return items.sort(
    (a, b) =>
      weight(a.level) - weight(b.level) ||
      a.cityName.localeCompare(b.cityName, 'zh-CN') ||
      (a.code ?? '').localeCompare(b.code ?? ''),
  );
}

/** Radar of the category percentages (0–100) of the picked cities. */
export function radarChartOptions(rows: readonly MonitoringRow[], cityIds: readonly string[]) {
  const picked = rows.filter((r) => cityIds.includes(r.cityId ?? ''));
  // categories in the order of the first city that has any (every city has the scheme's)
  const categories = (rows.find((r) => r.categories?.length)?.categories ?? []).map((c) => ({
    code: c.code ?? '',
    name: c.name ?? c.code ?? '',
  }));
  return {
    tooltip: { trigger: 'item' as const },
    legend: { bottom: 0, data: picked.map((r) => r.cityName ?? '') },
    radar: {
      radius: '62%',
      indicator: categories.map((c) => ({ name: c.name, max: 100 })),
    },
    series: [
      {
        type: 'radar' as const,
        data: picked.map((r) => ({
          name: r.cityName ?? '',
          value: categories.map((c) => r.categories?.find((x) => x.code === c.code)?.percent ?? 0),
        })),
      },
    ],
  };
}

/** Periods in time order: year, then number (a year's quarters, months...). */
function periodOrder(a: TrendPoint, b: TrendPoint): number {
  return (a.year ?? 0) - (b.year ?? 0) || (a.number ?? 0) - (b.number ?? 0);
}

/** Lines of the score percentage per city across the published periods of the scheme. */
export function trendChartOptions(
  points: readonly TrendPoint[],
  cityIds: readonly string[],
  percentLabel: string,
) {
  const periods: TrendPoint[] = [];
  for (const p of [...points].sort(periodOrder)) {
    if (!periods.some((x) => x.periodId === p.periodId)) {
      periods.push(p);
    }
  }
  const cities: { id: string; name: string }[] = [];
  for (const p of points) {
    if (cityIds.includes(p.cityId ?? '') && !cities.some((c) => c.id === p.cityId)) {
      cities.push({ id: p.cityId ?? '', name: p.cityName ?? '' });
    }
  }
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: cities.map((c) => c.name) },
    xAxis: {
      type: 'category' as const,
      data: periods.map((p) => p.periodName ?? ''),
      // every period is labelled; long names are cut rather than hidden
      axisLabel: { interval: 0, width: 96, overflow: 'truncate' as const },
    },
    yAxis: { type: 'value' as const, name: percentLabel, min: 0, max: 100 },
    series: cities.map((c) => ({
      type: 'line' as const,
      name: c.name,
      connectNulls: false,
      data: periods.map(
        (p) => points.find((x) => x.periodId === p.periodId && x.cityId === c.id)?.percent ?? null,
      ),
    })),
  };
}
