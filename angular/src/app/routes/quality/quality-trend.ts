import { QualityCompletenessTrendPointDto as TrendPointDto } from '@api/models';

/** The trend of the series: reported and on-time shares per period (oldest first), in percent. */
export function qualityTrendOptions(
  points: readonly TrendPointDto[],
  labels: { reported: string; onTime: string; percent: string },
) {
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 56 },
    tooltip: { trigger: 'axis' as const },
    legend: { bottom: 0, data: [labels.reported, labels.onTime] },
    xAxis: {
      type: 'category' as const,
      data: points.map((p) => p.periodName ?? ''),
      axisLabel: { interval: 0, width: 96, overflow: 'truncate' as const },
    },
    yAxis: { type: 'value' as const, name: labels.percent, min: 0, max: 100 },
    series: [
      {
        type: 'line' as const,
        name: labels.reported,
        data: points.map((p) => p.reportedPercent ?? 0),
      },
      { type: 'line' as const, name: labels.onTime, data: points.map((p) => p.onTimePercent ?? 0) },
    ],
  };
}
