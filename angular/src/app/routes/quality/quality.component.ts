import { DecimalPipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NgxEchartsDirective } from 'ngx-echarts';

import {
  PeriodsPeriodDto as PeriodDto,
  QualityCityCompletenessDto as CityRow,
  QualityCompletenessTrendPointDto as TrendPoint,
  QualityUnitCompletenessDto as UnitRow,
} from '@api/models';
import { PeriodService, QualityService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { PageHeaderComponent } from '@shared/page-header.component';
import { qualityTrendOptions } from './quality-trend';

/**
 * 数据质量: how complete and timely each city's entry of a period is (a page of cities at a time),
 * a city's units, and the trend over the series. A city's own user sees only their city.
 */
@Component({
  selector: 'app-quality',
  imports: [
    DecimalPipe,
    FormsModule,
    NgxEchartsDirective,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzProgressModule,
    NzSelectModule,
    NzTableModule,
    PageHeaderComponent,
    TranslatePipe,
  ],
  templateUrl: './quality.component.html',
  styles: `
    .chart {
      height: 300px;
    }
    .quality-card {
      margin-bottom: 16px;
    }
    tr.picked td {
      background: #e6f4ff;
    }
  `,
})
export class QualityComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly qualityApi = inject(QualityService);
  private readonly i18n = inject(I18nService);

  protected readonly periods = signal<PeriodDto[]>([]);
  readonly periodId = signal<string | null>(null);
  readonly cities = signal<CityRow[]>([]);
  readonly total = signal(0);
  readonly pageIndex = signal(1);
  readonly pageSize = 20;
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  /** The city drilled into (its units and its trend); null: the province's trend. */
  readonly city = signal<CityRow | null>(null);
  readonly units = signal<UnitRow[]>([]);
  readonly unitsLoading = signal(false);
  readonly trend = signal<TrendPoint[]>([]);
  readonly trendOptions = computed(() =>
    qualityTrendOptions(this.trend(), {
      reported: this.i18n.t('quality.reportedPercent'),
      onTime: this.i18n.t('quality.onTimePercent'),
      percent: '%',
    }),
  );

  ngOnInit(): void {
    this.periodApi.periodGetList({}).subscribe({
      next: (list) => {
        const sorted = [...(list ?? [])]
          .filter((p) => p.status !== 'Planned')
          .sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (b.number ?? 0) - (a.number ?? 0));
        this.periods.set(sorted);
        if (sorted[0]?.id) {
          this.pick(sorted[0].id);
        }
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  pick(periodId: string): void {
    this.periodId.set(periodId);
    this.city.set(null);
    this.units.set([]);
    this.pageIndex.set(1);
    this.loadCities();
    this.loadTrend();
  }

  changePage(index: number): void {
    this.pageIndex.set(index);
    this.loadCities();
  }

  /** Drills into a city: its units and its own trend. */
  open(row: CityRow): void {
    const periodId = this.periodId();
    if (!periodId || !row.cityId) {
      return;
    }
    this.city.set(row);
    this.unitsLoading.set(true);
    this.qualityApi.qualityGetUnits({ periodId, cityId: row.cityId }).subscribe({
      next: (units) => {
        this.unitsLoading.set(false);
        this.units.set(units ?? []);
      },
      error: (e: unknown) => {
        this.unitsLoading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
    this.loadTrend();
  }

  private loadCities(): void {
    const periodId = this.periodId();
    if (!periodId) {
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    this.qualityApi
      .qualityGetCities({
        periodId,
        SkipCount: (this.pageIndex() - 1) * this.pageSize,
        MaxResultCount: this.pageSize,
      })
      .subscribe({
        next: (page) => {
          this.loading.set(false);
          this.cities.set([...(page?.items ?? [])]);
          this.total.set(page?.totalCount ?? 0);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.error.set(errorText(this.i18n, e));
        },
      });
  }

  private loadTrend(): void {
    const periodId = this.periodId();
    if (!periodId) {
      return;
    }
    const cityId = this.city()?.cityId;
    this.qualityApi.qualityGetTrend(cityId ? { periodId, cityId } : { periodId }).subscribe({
      next: (points) => this.trend.set(points ?? []),
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }
}
