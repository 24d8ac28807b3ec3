import { Component, input } from '@angular/core';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { ResultsCompletenessRowDto as CompletenessRowDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { PAGE_SIZES, storedPageSize } from './dashboard-paging';

/** How far each city has reported: lines reported, share, submission and whether on time (paged). */
@Component({
  selector: 'app-dashboard-completeness',
  imports: [NzCardModule, NzProgressModule, NzTableModule, NzTagModule, TranslatePipe],
  template: `
    <nz-card [nzTitle]="'dashboard.completeness' | t" class="completeness">
      <nz-table
        #doneTable
        [nzData]="rows()"
        [nzLoading]="loading()"
        [nzShowPagination]="rows().length > pageSizes[0]"
        [nzPageSize]="pageSize.size()"
        (nzPageSizeChange)="pageSize.set($event)"
        [nzPageSizeOptions]="pageSizes"
        nzShowSizeChanger
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
  `,
})
export class DashboardCompletenessComponent {
  readonly rows = input.required<CompletenessRowDto[]>();
  readonly loading = input(false);
  protected readonly pageSizes = PAGE_SIZES;
  readonly pageSize = storedPageSize('completeness');
}
