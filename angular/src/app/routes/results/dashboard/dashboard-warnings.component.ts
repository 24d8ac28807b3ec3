import { DecimalPipe } from '@angular/common';
import { Component, computed, inject, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { WarningItem } from '../monitoring';
import { DashboardCity } from './dashboard-comparison.component';

/** The early warnings (red and orange items), with their counts and a city filter. */
@Component({
  selector: 'app-dashboard-warnings',
  imports: [
    DecimalPipe,
    FormsModule,
    NzCardModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    RouterLink,
    TranslatePipe,
  ],
  template: `
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
          [ngModel]="city()"
          (ngModelChange)="city.set($event ?? null)"
          [nzPlaceHolder]="'dashboard.allCities' | t"
          style="width: 180px"
          data-testid="dashboard-warning-city"
        >
          @for (c of cities(); track c.id) {
            <nz-option [nzValue]="c.id" [nzLabel]="c.name" />
          }
        </nz-select>
      </ng-template>
      <nz-table
        #warnTable
        [nzData]="warnings()"
        [nzLoading]="loading()"
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
  `,
  styles: `
    .section {
      margin-bottom: 16px;
    }
  `,
})
export class DashboardWarningsComponent {
  readonly warnings = input.required<WarningItem[]>();
  readonly cities = input.required<DashboardCity[]>();
  readonly loading = input(false);
  readonly periodId = input<string | null>(null);
  /** City the list is limited to (null: every city). */
  readonly city = model<string | null>(null);

  private readonly session = inject(SessionService);

  /** The province may raise a problem from a warning (督导交办). */
  protected readonly canRaiseProblem = computed(() =>
    this.session.isGranted(Permissions.Supervision.Manage),
  );

  protected readonly redCount = computed(
    () => this.warnings().filter((w) => w.level === 'Red').length,
  );
  protected readonly orangeCount = computed(
    () => this.warnings().filter((w) => w.level !== 'Red').length,
  );
}
