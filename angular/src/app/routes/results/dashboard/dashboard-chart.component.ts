import type { EChartsCoreOption } from 'echarts/core';
import { Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NgxEchartsDirective } from 'ngx-echarts';

import { TranslatePipe } from '@core/i18n/translate.pipe';

/**
 * One chart of the dashboard: the chart when there is something to draw, else a line saying it
 * is loading or why it is empty; a warning instead when its figures did not load.
 */
@Component({
  selector: 'app-dashboard-chart',
  imports: [NgxEchartsDirective, NzAlertModule, TranslatePipe],
  template: `
    @if (error()) {
      <nz-alert nzType="warning" nzShowIcon [nzMessage]="error()!" />
    } @else if (drawn()) {
      <div echarts [options]="options()" class="chart" [attr.data-testid]="testId()"></div>
    } @else {
      <div class="empty" [attr.data-testid]="emptyTestId()">
        {{ (loading() ? 'dashboard.loading' : emptyText()) | t }}
      </div>
    }
  `,
  styles: `
    .chart {
      height: 360px;
    }
    .empty {
      padding: 48px 0;
      text-align: center;
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class DashboardChartComponent {
  /** ECharts options. */
  readonly options = input.required<EChartsCoreOption>();
  /** Whether there is anything to draw. */
  readonly drawn = input.required<boolean>();
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  /** Translation key of the line shown when there is nothing to draw. */
  readonly emptyText = input.required<string>();
  readonly testId = input.required<string>();
  readonly emptyTestId = input.required<string>();
}
