import { DecimalPipe } from '@angular/common';
import { Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';

import { ResultsRankingRowDto as RankingRowDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { colourHex } from '../monitoring';
import { DashboardChartComponent } from './dashboard-chart.component';
import {
  PAGE_SIZES,
  RankingSortKey,
  SortOrder,
  findCity,
  pageOf,
  sortRanking,
  storedPageSize,
} from './dashboard-paging';

/** Above this many cities the bars carry no figures and not every name (they would overlap). */
const LABELLED_BARS = 30;

/** ECharts options of the bar chart: one bar per city (ranking order), coloured by its band. */
export function totalsChartOptions(rows: readonly RankingRowDto[], totalLabel: string) {
  const many = rows.length > LABELLED_BARS;
  return {
    grid: { left: 48, right: 16, top: 24, bottom: 64 },
    tooltip: { trigger: 'axis' as const },
    xAxis: {
      type: 'category' as const,
      data: rows.map((r) => r.cityName ?? ''),
      axisLabel: { interval: many ? ('auto' as const) : 0, rotate: rows.length > 8 ? 30 : 0 },
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
        label: { show: !many, position: 'top' as const },
      },
    ],
  };
}

/**
 * The period's totals: the bar chart beside the ranking table. The table is paged (the page size
 * kept), sorted over every city, and a city's name typed in the search box opens its page.
 */
@Component({
  selector: 'app-dashboard-ranking',
  imports: [
    DecimalPipe,
    FormsModule,
    RouterLink,
    NzCardModule,
    NzInputModule,
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
      <nz-card [nzTitle]="'dashboard.ranking' | t" [nzExtra]="searchTpl">
        <nz-table
          #rankTable
          [nzData]="sorted()"
          [nzLoading]="loading()"
          [nzFrontPagination]="true"
          [nzShowPagination]="rows().length > pageSizes[0]"
          [nzPageSize]="pageSize.size()"
          (nzPageSizeChange)="pageSize.set($event)"
          [(nzPageIndex)]="pageIndex"
          [nzPageSizeOptions]="pageSizes"
          nzShowSizeChanger
          nzSize="small"
          data-testid="dashboard-ranking"
        >
          <thead>
            <tr>
              <th
                nzWidth="64px"
                [nzSortFn]="true"
                [nzSortOrder]="orderOf('rank')"
                (nzSortOrderChange)="sortBy('rank', $event)"
              >
                {{ 'dashboard.rank' | t }}
              </th>
              <th>{{ 'dashboard.city' | t }}</th>
              <th
                nzWidth="88px"
                [nzSortFn]="true"
                [nzSortOrder]="orderOf('total')"
                (nzSortOrderChange)="sortBy('total', $event)"
              >
                {{ 'dashboard.total' | t }}
              </th>
              <th nzWidth="64px">{{ 'dashboard.grade' | t }}</th>
              <th
                nzWidth="88px"
                [nzSortFn]="true"
                [nzSortOrder]="orderOf('change')"
                (nzSortOrderChange)="sortBy('change', $event)"
              >
                {{ 'dashboard.change' | t }}
              </th>
              <th nzWidth="56px">{{ 'dashboard.profile' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rankTable.data; track row.cityId) {
              <tr [class.found]="row.cityId === found()" [attr.data-city-row]="row.cityId">
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
                <td>
                  <a
                    routerLink="/city-profile"
                    [queryParams]="{ city: row.cityId }"
                    [attr.aria-label]="'dashboard.openProfile' | t: { city: row.cityName ?? '' }"
                    [attr.data-testid]="'dashboard-profile-' + row.cityId"
                    >{{ 'dashboard.profile' | t }}</a
                  >
                </td>
              </tr>
            }
          </tbody>
        </nz-table>
      </nz-card>
    </div>
    <ng-template #searchTpl>
      <input
        nz-input
        nzSize="small"
        class="search"
        [ngModel]="search()"
        (ngModelChange)="find($event)"
        [nzStatus]="notFound() ? 'error' : ''"
        [placeholder]="'dashboard.findCity' | t"
        [attr.aria-label]="'dashboard.findCity' | t"
        data-testid="dashboard-find-city"
      />
      @if (notFound()) {
        <span class="not-found" data-testid="dashboard-city-not-found">{{
          'dashboard.cityNotFound' | t
        }}</span>
      }
    </ng-template>
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
    .search {
      width: 140px;
    }
    .not-found {
      margin-left: 8px;
      color: #ff4d4f;
      font-size: 12px;
    }
    tr.found > td {
      background: #e6f4ff;
    }
  `,
})
export class DashboardRankingComponent {
  private readonly i18n = inject(I18nService);
  protected readonly colourHex = colourHex;
  protected readonly pageSizes = PAGE_SIZES;

  readonly rows = input.required<RankingRowDto[]>();
  readonly loading = input(false);
  /** The period of the rows: a city's name opens its score sheet of that period. */
  readonly periodId = input<string | null>(null);
  readonly chartOptions = computed(() =>
    totalsChartOptions(this.rows(), this.i18n.t('dashboard.total')),
  );

  readonly pageSize = storedPageSize('ranking');
  readonly pageIndex = signal(1);
  private readonly sort = signal<{ key: RankingSortKey | null; order: SortOrder }>({
    key: null,
    order: null,
  });
  /** Every city in the order picked (the table pages it). */
  readonly sorted = computed(() => sortRanking(this.rows(), this.sort().key, this.sort().order));
  protected readonly search = signal('');
  /** The city found by the search box, highlighted on its page. */
  protected readonly found = signal<string | null>(null);
  protected readonly notFound = computed(() => !!this.search().trim() && !this.found());

  constructor() {
    // another period: its first page, the search applied to its cities
    effect(() => {
      this.rows();
      untracked(() => {
        this.pageIndex.set(1);
        this.find(this.search());
      });
    });
  }

  protected orderOf(key: RankingSortKey): SortOrder {
    return this.sort().key === key ? this.sort().order : null;
  }

  protected sortBy(key: RankingSortKey, order: string | null): void {
    this.sort.set({ key, order: (order as SortOrder) ?? null });
    this.pageIndex.set(1);
    this.find(this.search());
  }

  /** Opens the page of the first city whose name holds the text. */
  find(text: string): void {
    this.search.set(text);
    const rows = this.sorted();
    const index = findCity(rows, text);
    this.found.set(index < 0 ? null : (rows[index].cityId ?? null));
    if (index >= 0) {
      this.pageIndex.set(pageOf(index, this.pageSize.size()));
    }
  }
}
