import { DecimalPipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NgxEchartsDirective } from 'ngx-echarts';
import { catchError, forkJoin, of } from 'rxjs';

import {
  PeriodsPeriodDto as PeriodDto,
  ResultsCompletenessRowDto as CompletenessRowDto,
  ResultsRankingRowDto as RankingRowDto,
} from '@api/models';
import { PeriodService, ResultService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { Permissions } from '@core/permissions';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { periodStatusColour } from '@shared/status-colours';
import {
  MonitoringRow,
  TrendPoint,
  colourHex,
  radarChartOptions,
  trendChartOptions,
  warningItems,
} from './monitoring';

export { colourHex } from './monitoring';

/** How many cities the radar and the trend lines compare at first. */
const DEFAULT_COMPARED = 3;

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
    RouterLink,
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

      <div class="grid even">
        <nz-card
          [nzTitle]="'dashboard.radar' | t"
          [nzExtra]="compareTpl"
          data-testid="dashboard-radar-card"
        >
          @if (monitoringError()) {
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="monitoringError()!" />
          } @else if (hasCategories()) {
            <div
              echarts
              [options]="radarOptions()"
              class="chart"
              data-testid="dashboard-radar"
            ></div>
          } @else {
            <div class="empty" data-testid="dashboard-no-radar">
              {{ (monitoringLoading() ? 'dashboard.loading' : 'dashboard.noCategories') | t }}
            </div>
          }
        </nz-card>
        <nz-card [nzTitle]="'dashboard.trend' | t" data-testid="dashboard-trend-card">
          @if (trendError()) {
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="trendError()!" />
          } @else if (trends().length) {
            <div
              echarts
              [options]="trendOptions()"
              class="chart"
              data-testid="dashboard-trend"
            ></div>
          } @else {
            <div class="empty" data-testid="dashboard-no-trend">
              {{ (trendLoading() ? 'dashboard.loading' : 'dashboard.noTrend') | t }}
            </div>
          }
        </nz-card>
      </div>
      <ng-template #compareTpl>
        <nz-select
          nzMode="multiple"
          [nzMaxTagCount]="3"
          [ngModel]="compared()"
          (ngModelChange)="compared.set($event)"
          [nzPlaceHolder]="'dashboard.compare' | t"
          style="min-width: 240px"
          data-testid="dashboard-compare"
        >
          @for (city of cities(); track city.id) {
            <nz-option [nzValue]="city.id" [nzLabel]="city.name" />
          }
        </nz-select>
      </ng-template>

      <nz-card [nzTitle]="warningTitle" [nzExtra]="warningFilterTpl" class="section">
        <ng-template #warningTitle>
          {{ 'dashboard.warnings' | t }}
          <nz-tag nzColor="red" data-testid="dashboard-red-count">{{
            'dashboard.redCount' | t: { n: redCount() }
          }}</nz-tag>
          <nz-tag nzColor="orange" data-testid="dashboard-orange-count">{{
            'dashboard.orangeCount' | t: { n: orangeCount() }
          }}</nz-tag>
        </ng-template>
        <ng-template #warningFilterTpl>
          <nz-select
            nzAllowClear
            [ngModel]="warningCity()"
            (ngModelChange)="warningCity.set($event ?? null)"
            [nzPlaceHolder]="'dashboard.allCities' | t"
            style="width: 180px"
            data-testid="dashboard-warning-city"
          >
            @for (city of cities(); track city.id) {
              <nz-option [nzValue]="city.id" [nzLabel]="city.name" />
            }
          </nz-select>
        </ng-template>
        <nz-table
          #warnTable
          [nzData]="warnings()"
          [nzLoading]="monitoringLoading()"
          [nzPageSize]="10"
          [nzShowPagination]="warnings().length > 10"
          nzSize="small"
          [nzNoResult]="'dashboard.noWarnings' | t"
          data-testid="dashboard-warnings"
        >
          <thead>
            <tr>
              <th nzWidth="120px">{{ 'dashboard.city' | t }}</th>
              <th nzWidth="80px">{{ 'dashboard.scope' | t }}</th>
              <th nzWidth="110px">{{ 'dashboard.code' | t }}</th>
              <th>{{ 'dashboard.item' | t }}</th>
              <th nzWidth="100px">{{ 'dashboard.scoreRate' | t }}</th>
              <th nzWidth="110px">{{ 'dashboard.level' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (w of warnTable.data; track $index) {
              <tr>
                <td>{{ w.cityName }}</td>
                <td>{{ 'dashboard.scopes.' + w.scope | t }}</td>
                <td class="mono">{{ w.code }}</td>
                <td>{{ w.name }}</td>
                <td>{{ w.percent | number: '1.0-1' }}%</td>
                <td>
                  <nz-tag [nzColor]="w.level === 'Red' ? 'red' : 'orange'">{{
                    'dashboard.levels.' + w.level | t
                  }}</nz-tag>
                  @if (canRaiseProblem()) {
                    <a
                      [routerLink]="['/supervision/new']"
                      [queryParams]="{
                        periodId: periodId(),
                        cityId: w.cityId,
                        scope: w.scope,
                        code: w.code,
                        name: w.name,
                        level: w.level,
                      }"
                      data-testid="raise-problem"
                      >{{ 'supervision.raise' | t }}</a
                    >
                  }
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>

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
    .grid.even {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .section {
      margin-bottom: 16px;
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
  private readonly session = inject(SessionService);
  /** The province may raise a problem from a warning (督导交办). */
  protected readonly canRaiseProblem = computed(() =>
    this.session.isGranted(Permissions.Supervision.Manage),
  );

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

  readonly monitoring = signal<MonitoringRow[]>([]);
  protected readonly monitoringLoading = signal(false);
  protected readonly monitoringError = signal<string | null>(null);
  readonly trends = signal<TrendPoint[]>([]);
  private trendsSchemeId: string | null = null;
  protected readonly trendLoading = signal(false);
  protected readonly trendError = signal<string | null>(null);
  /** Cities compared in the radar and the trend lines. */
  readonly compared = signal<string[]>([]);
  /** City the early-warning list is limited to (null: every city). */
  readonly warningCity = signal<string | null>(null);

  /** Cities of the period (monitoring rows), else of the trends. */
  readonly cities = computed(() => {
    const list: { id: string; name: string }[] = [];
    const add = (id: string | undefined, name: string | null | undefined) => {
      if (id && !list.some((c) => c.id === id)) {
        list.push({ id, name: name ?? '' });
      }
    };
    this.monitoring().forEach((r) => add(r.cityId, r.cityName));
    this.trends().forEach((p) => add(p.cityId, p.cityName));
    return list;
  });
  protected readonly hasCategories = computed(() =>
    this.monitoring().some((r) => (r.categories ?? []).length > 0),
  );
  readonly radarOptions = computed(() => radarChartOptions(this.monitoring(), this.compared()));
  readonly trendOptions = computed(() =>
    trendChartOptions(this.trends(), this.compared(), this.i18n.t('dashboard.scoreRate')),
  );
  readonly warnings = computed(() => warningItems(this.monitoring(), this.warningCity()));
  protected readonly redCount = computed(
    () => this.warnings().filter((w) => w.level === 'Red').length,
  );
  protected readonly orangeCount = computed(
    () => this.warnings().filter((w) => w.level !== 'Red').length,
  );

  /**
   * A city's own user sees only that city (the Dashboard permission is the province's today;
   * the host filters too, this keeps the screen honest if a city is ever granted it).
   */
  private ownCity<T extends { cityId?: string }>(rows: readonly T[] | null | undefined): T[] {
    const own = this.session.currentUser()?.tenantId;
    return (rows ?? []).filter((r) => !own || r.cityId === own);
  }

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
    this.monitoring.set([]);
    if (!id) {
      return;
    }
    this.loadMonitoring(id);
    this.loadTrends(this.periods().find((p) => p.id === id)?.schemeId ?? null);
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
        this.ranking.set(this.ownCity(ranking));
        this.completeness.set(this.ownCity(completeness));
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

  private loadMonitoring(periodId: string): void {
    this.monitoringLoading.set(true);
    this.monitoringError.set(null);
    this.resultApi.resultGetMonitoring({ periodId }).subscribe({
      next: (rows) => {
        if (this.periodId() !== periodId) {
          return;
        }
        this.monitoringLoading.set(false);
        const visible = this.ownCity(rows);
        this.monitoring.set(visible);
        const ids = visible.map((r) => r.cityId ?? '');
        const kept = this.compared().filter((id) => ids.includes(id));
        // at first the cities that have figures (published, reviewed or self-assessed)
        const withFigures = [...visible]
          .sort((a, b) => Number(a.source === 'None') - Number(b.source === 'None'))
          .map((r) => r.cityId ?? '');
        this.compared.set(kept.length ? kept : withFigures.slice(0, DEFAULT_COMPARED));
        if (this.warningCity() && !ids.includes(this.warningCity()!)) {
          this.warningCity.set(null);
        }
      },
      error: (e: unknown) => {
        if (this.periodId() !== periodId) {
          return;
        }
        this.monitoringLoading.set(false);
        this.monitoringError.set(errorText(this.i18n, e));
      },
    });
  }

  /** Trends belong to the scheme: reloaded only when the picked period has another scheme. */
  private loadTrends(schemeId: string | null): void {
    if (schemeId === this.trendsSchemeId) {
      return;
    }
    this.trendsSchemeId = schemeId;
    this.trends.set([]);
    this.trendError.set(null);
    if (!schemeId) {
      return;
    }
    this.trendLoading.set(true);
    this.resultApi
      .resultGetTrends({ schemeId })
      .pipe(
        catchError((e: unknown) => {
          if (this.trendsSchemeId === schemeId) {
            this.trendError.set(errorText(this.i18n, e));
          }
          return of([] as TrendPoint[]);
        }),
      )
      .subscribe((points) => {
        if (this.trendsSchemeId !== schemeId) {
          return;
        }
        this.trendLoading.set(false);
        this.trends.set(this.ownCity(points));
      });
  }
}
