import type { EChartsCoreOption } from 'echarts/core';
import { Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { DashboardChartComponent } from './dashboard-chart.component';

/** A city the dashboard can compare or filter by. */
export interface DashboardCity {
  id: string;
  name: string;
}

/** The compared cities' score rates: the radar by category beside the trend over the periods. */
@Component({
  selector: 'app-dashboard-comparison',
  imports: [FormsModule, NzCardModule, NzSelectModule, TranslatePipe, DashboardChartComponent],
  template: `
    <div class="grid">
      <nz-card
        [nzTitle]="'dashboard.radar' | t"
        [nzExtra]="compareTpl"
        data-testid="dashboard-radar-card"
      >
        <app-dashboard-chart
          [options]="radarOptions()"
          [drawn]="hasCategories()"
          [loading]="monitoringLoading()"
          [error]="monitoringError()"
          emptyText="dashboard.noCategories"
          testId="dashboard-radar"
          emptyTestId="dashboard-no-radar"
        />
      </nz-card>
      <nz-card [nzTitle]="'dashboard.trend' | t" data-testid="dashboard-trend-card">
        <app-dashboard-chart
          [options]="trendOptions()"
          [drawn]="hasTrends()"
          [loading]="trendLoading()"
          [error]="trendError()"
          emptyText="dashboard.noTrend"
          testId="dashboard-trend"
          emptyTestId="dashboard-no-trend"
        />
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
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 16px;
      margin-bottom: 16px;
    }
  `,
})
export class DashboardComparisonComponent {
  readonly cities = input.required<DashboardCity[]>();
  /** Ids of the compared cities. */
  readonly compared = model.required<string[]>();
  readonly radarOptions = input.required<EChartsCoreOption>();
  readonly hasCategories = input.required<boolean>();
  readonly monitoringLoading = input(false);
  readonly monitoringError = input<string | null>(null);
  readonly trendOptions = input.required<EChartsCoreOption>();
  readonly hasTrends = input.required<boolean>();
  readonly trendLoading = input(false);
  readonly trendError = input<string | null>(null);
}
