import { DecimalPipe } from '@angular/common';
import { Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';

import { ResultsRankingRowDto as RankingRowDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { colourHex } from '../monitoring';
import { DashboardChartComponent } from './dashboard-chart.component';

/** ECharts options of the bar chart: one bar per city (ranking order), coloured by its band. */
export function totalsChartOptions(rows: readonly RankingRowDto[], totalLabel: string) {
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis' as const },
    xAxis: {
      type: 'category' as const,
      data: rows.map((r) => r.cityName ?? ''),
      axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 },
    },
    yAxis: { type: 'value' as const, name: totalLabel },
    series: [
      {
        type: 'bar' as const,
        name: totalLabel,
        data: rows.map((r) => ({
          value: r.total ?? 0,
          itemStyle: { color: colourHex(r.colour) },
        })),
        label: { show: true, position: 'top' as const },
      },
    ],
  };
}

/** The period's totals: the bar chart beside the ranking table. */
@Component({
  selector: 'app-dashboard-ranking',
  imports: [
    DecimalPipe,
    RouterLink,
    NzCardModule,
    NzTableModule,
    TranslatePipe,
    DashboardChartComponent,
  ],
  template: `
    <div class="grid">
      <nz-card [nzTitle]="'dashboard.chart' | t" class="chart-card">
        <app-dashboard-chart
          [options]="chartOptions()"
          [drawn]="rows().length > 0"
          [loading]="loading()"
          emptyText="dashboard.noResults"
          testId="dashboard-chart"
          emptyTestId="dashboard-no-results"
        />
      </nz-card>
      <nz-card [nzTitle]="'dashboard.ranking' | t">
        <nz-table
          #rankTable
          [nzData]="rows()"
          [nzLoading]="loading()"
          [nzShowPagination]="false"
          [nzFrontPagination]="false"
          nzSize="small"
          data-testid="dashboard-ranking"
        >
          <thead>
            <tr>
              <th nzWidth="56px">{{ 'dashboard.rank' | t }}</th>
              <th>{{ 'dashboard.city' | t }}</th>
              <th nzWidth="80px">{{ 'dashboard.total' | t }}</th>
              <th nzWidth="64px">{{ 'dashboard.grade' | t }}</th>
              <th nzWidth="76px">{{ 'dashboard.change' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rankTable.data; track row.cityId) {
              <tr>
                <td>{{ row.rank ?? '-' }}</td>
                <td>
                  <span class="dot" [style.background]="colourHex(row.colour)"></span
                  ><a
                    routerLink="/score-sheet"
                    [queryParams]="{ period: periodId(), city: row.cityId }"
                    [attr.aria-label]="'dashboard.openSheet' | t: { city: row.cityName ?? '' }"
                    [attr.data-testid]="'dashboard-sheet-' + row.cityId"
                    >{{ row.cityName }}</a
                  >
                </td>
                <td>{{ row.total | number: '1.2-2' }}</td>
                <td>{{ row.grade }}</td>
                <td>
                  @if (row.change === null || row.change === undefined) {
                    -
                  } @else {
                    {{ row.change > 0 ? '+' : '' }}{{ row.change | number: '1.2-2' }}
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>
    </div>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 16px;
      margin-bottom: 16px;
    }
    @media (max-width: 1100px) {
      .grid {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      margin-right: 8px;
    }
  `,
})
export class DashboardRankingComponent {
  private readonly i18n = inject(I18nService);
  protected readonly colourHex = colourHex;

  readonly rows = input.required<RankingRowDto[]>();
  readonly loading = input(false);
  /** The period of the rows: a city's name opens its score sheet of that period. */
  readonly periodId = input<string | null>(null);
  readonly chartOptions = computed(() =>
    totalsChartOptions(this.rows(), this.i18n.t('dashboard.total')),
  );
}
