import { DecimalPipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NgxEchartsDirective } from 'ngx-echarts';
import { forkJoin } from 'rxjs';

import {
  PeriodsPeriodDto as PeriodDto,
  ResultsCompletenessRowDto as CompletenessRowDto,
  ResultsRankingRowDto as RankingRowDto,
} from '../../api/models';
import { PeriodService, ResultService } from '../../api/services';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { errorText } from '../../shared/error-text';
import { periodStatusColour } from '../periods/period-list.component';

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

@Component({
  selector: 'app-dashboard',
  imports: [
    DecimalPipe,
    FormsModule,
    NgxEchartsDirective,
    NzAlertModule,
    NzCardModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ 'dashboard.title' | t }}</h1>
        <div class="subtitle">{{ 'dashboard.subtitle' | t }}</div>
      </div>
      <nz-select
        [ngModel]="periodId()"
        (ngModelChange)="pick($event)"
        [nzPlaceHolder]="'dashboard.pickPeriod' | t"
        [nzLoading]="periodsLoading()"
        style="width: 280px"
        data-testid="dashboard-period"
      >
        @for (period of periods(); track period.id) {
          <nz-option [nzValue]="period.id" [nzLabel]="period.name ?? ''" />
        }
      </nz-select>
    </div>

    @if (loadError()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="loadError()!" />
    }

    @if (selected(); as period) {
      <div class="period-line">
        <nz-tag [nzColor]="statusColour(period.status)">{{
          'periods.statuses.' + period.status | t
        }}</nz-tag>
      </div>
      <div class="grid">
        <nz-card [nzTitle]="'dashboard.chart' | t" class="chart-card">
          @if (ranking().length) {
            <div
              echarts
              [options]="chartOptions()"
              class="chart"
              data-testid="dashboard-chart"
            ></div>
          } @else {
            <div class="empty" data-testid="dashboard-no-results">
              {{ (loading() ? 'dashboard.loading' : 'dashboard.noResults') | t }}
            </div>
          }
        </nz-card>
        <nz-card [nzTitle]="'dashboard.ranking' | t">
          <nz-table
            #rankTable
            [nzData]="ranking()"
            [nzLoading]="loading()"
            [nzShowPagination]="false"
            [nzFrontPagination]="false"
            nzSize="small"
            data-testid="dashboard-ranking"
          >
            <thead>
              <tr>
                <th nzWidth="70px">{{ 'dashboard.rank' | t }}</th>
                <th>{{ 'dashboard.city' | t }}</th>
                <th nzWidth="100px">{{ 'dashboard.total' | t }}</th>
                <th nzWidth="90px">{{ 'dashboard.grade' | t }}</th>
                <th nzWidth="90px">{{ 'dashboard.change' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (row of rankTable.data; track row.cityId) {
                <tr>
                  <td>{{ row.rank ?? '-' }}</td>
                  <td>
                    <span class="dot" [style.background]="colourHex(row.colour)"></span
                    >{{ row.cityName }}
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

      <nz-card [nzTitle]="'dashboard.completeness' | t" class="completeness">
        <nz-table
          #doneTable
          [nzData]="completeness()"
          [nzLoading]="loading()"
          [nzShowPagination]="false"
          [nzFrontPagination]="false"
          nzSize="small"
          data-testid="dashboard-completeness"
        >
          <thead>
            <tr>
              <th>{{ 'dashboard.city' | t }}</th>
              <th nzWidth="110px">{{ 'dashboard.reported' | t }}</th>
              <th nzWidth="220px">{{ 'dashboard.percent' | t }}</th>
              <th nzWidth="110px">{{ 'dashboard.submission' | t }}</th>
              <th nzWidth="90px">{{ 'dashboard.onTime' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of doneTable.data; track row.cityId) {
              <tr>
                <td>{{ row.cityName }}</td>
                <td>{{ row.reported ?? 0 }} / {{ row.expected ?? 0 }}</td>
                <td>
                  <nz-progress [nzPercent]="row.percent ?? 0" nzSize="small" />
                </td>
                <td>{{ 'dashboard.submissionStatuses.' + row.submissionStatus | t }}</td>
                <td>
                  @if (row.onTime) {
                    <nz-tag nzColor="green">{{ 'common.yes' | t }}</nz-tag>
                  } @else {
                    <nz-tag>{{ 'common.no' | t }}</nz-tag>
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>
    } @else if (!periodsLoading() && !periods().length) {
      <div class="empty">{{ 'dashboard.noPeriods' | t }}</div>
    }
  `,
  styles: `
    .period-line {
      margin-bottom: 12px;
    }
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
    .chart {
      height: 360px;
    }
    .empty {
      padding: 48px 0;
      text-align: center;
      color: rgba(0, 0, 0, 0.45);
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
export class DashboardComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly resultApi = inject(ResultService);
  protected readonly i18n = inject(I18nService);
  protected readonly statusColour = periodStatusColour;
  protected readonly colourHex = colourHex;

  protected readonly periods = signal<PeriodDto[]>([]);
  protected readonly periodsLoading = signal(false);
  readonly periodId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.periods().find((p) => p.id === this.periodId()) ?? null,
  );
  readonly ranking = signal<RankingRowDto[]>([]);
  readonly completeness = signal<CompletenessRowDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  readonly chartOptions = computed(() =>
    totalsChartOptions(this.ranking(), this.i18n.t('dashboard.total')),
  );

  ngOnInit(): void {
    this.periodsLoading.set(true);
    this.periodApi.periodGetList({}).subscribe({
      next: (list) => {
        this.periodsLoading.set(false);
        // newest first; the first published or open period is shown at once
        const sorted = [...(list ?? [])].sort(
          (a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.number ?? 0) - (a.number ?? 0),
        );
        this.periods.set(sorted);
        const first =
          sorted.find((p) => p.status === 'Published') ??
          sorted.find((p) => p.status !== 'Planned') ??
          sorted[0];
        if (first?.id) {
          this.pick(first.id);
        }
      },
      error: (e: unknown) => {
        this.periodsLoading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }

  pick(id: string | null): void {
    this.periodId.set(id);
    this.ranking.set([]);
    this.completeness.set([]);
    if (!id) {
      return;
    }
    this.loading.set(true);
    this.loadError.set(null);
    forkJoin([
      this.resultApi.resultGetRanking({ periodId: id }),
      this.resultApi.resultGetCompleteness({ periodId: id }),
    ]).subscribe({
      next: ([ranking, completeness]) => {
        if (this.periodId() !== id) {
          return;
        }
        this.loading.set(false);
        this.ranking.set(ranking ?? []);
        this.completeness.set(completeness ?? []);
      },
      error: (e: unknown) => {
        if (this.periodId() !== id) {
          return;
        }
        this.loading.set(false);
        this.loadError.set(errorText(this.i18n, e));
      },
    });
  }
}
