import type { EChartsCoreOption } from 'echarts/core';

import { HonoursCityProfilePeriodDto as PeriodDto } from '@api/models';

/** A city's totals and ranks across its assessed periods as two lines; rank on an inverted axis (1 at the top). */
export function profileChart(rows: PeriodDto[], total: string, rank: string): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [total, rank] },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: rows.map((r) => r.periodName ?? '') },
    yAxis: [
      { type: 'value', name: total },
      { type: 'value', name: rank, inverse: true, minInterval: 1 },
    ],
    series: [
      { name: total, type: 'line', data: rows.map((r) => r.total ?? null) },
      { name: rank, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.rank ?? null) },
    ],
  };
}
