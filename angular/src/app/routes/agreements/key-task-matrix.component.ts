import { Component, OnInit, computed, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

import {
  AgreementsCityKeyTasksDto as CityKeyTasksDto,
  AgreementsKeyTaskCellDto as KeyTaskCellDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';

/** Key-task columns: every task code of any city, in first-seen order. */
export function matrixColumns(cities: readonly CityKeyTasksDto[]): KeyTaskCellDto[] {
  const columns: KeyTaskCellDto[] = [];
  for (const city of cities) {
    for (const task of city.tasks ?? []) {
      if (!columns.some((c) => c.code === task.code)) {
        columns.push(task);
      }
    }
  }
  return columns;
}

/** Cities × key tasks of the agreements in force in a year: progress and overdue flags. */
@Component({
  selector: 'app-key-task-matrix',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzInputNumberModule,
    NzProgressModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    TranslatePipe,
  ],
  template: `
    <div class="filters">
      <span>{{ 'agreements.year' | t }}</span>
      <nz-input-number
        [ngModel]="year()"
        (ngModelChange)="year.set($event); load()"
        [nzMin]="2000"
        [nzMax]="2100"
        data-testid="matrix-year"
      />
      <span class="hint">{{ 'agreements.matrixHint' | t }}</span>
    </div>
    @if (error()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
    }
    <nz-table
      #table
      [nzData]="cities()"
      [nzLoading]="loading()"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      [nzScroll]="{ x: 200 + columns().length * 90 + 'px' }"
      nzSize="small"
      nzBordered
      data-testid="key-task-matrix"
    >
      <thead>
        <tr>
          <th nzLeft nzWidth="110px">{{ 'agreements.city' | t }}</th>
          @for (col of columns(); track col.code) {
            <th nzWidth="90px" nz-tooltip [nzTooltipTitle]="col.task">{{ col.code }}</th>
          }
          <th nzWidth="180px">{{ 'agreements.counts' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (city of table.data; track city.cityId) {
          <tr>
            <td nzLeft>
              @if (city.agreementId) {
                <a [routerLink]="['/agreements', city.agreementId]">{{ city.cityName }}</a>
              } @else {
                {{ city.cityName }}
                <div class="hint">{{ 'agreements.noneInForce' | t }}</div>
              }
            </td>
            @for (col of columns(); track col.code) {
              <td [attr.data-status]="cell(city, col.code)?.status">
                @if (cell(city, col.code); as c) {
                  <nz-progress
                    [nzPercent]="c.percent ?? 0"
                    nzSize="small"
                    [nzStatus]="
                      c.status === 'Overdue'
                        ? 'exception'
                        : c.status === 'Done'
                          ? 'success'
                          : 'normal'
                    "
                  />
                  @if (c.status === 'Overdue') {
                    <nz-tag nzColor="red">{{ 'agreements.overdue' | t }}</nz-tag>
                  }
                } @else {
                  -
                }
              </td>
            }
            <td>
              @if (city.agreementId) {
                <nz-tag nzColor="green"
                  >{{ 'agreements.taskStatuses.Done' | t }} {{ count(city, 'Done') }}</nz-tag
                >
                <nz-tag nzColor="red"
                  >{{ 'agreements.taskStatuses.Overdue' | t }} {{ count(city, 'Overdue') }}</nz-tag
                >
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .filters {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 12px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class KeyTaskMatrixComponent implements OnInit {
  private readonly api = inject(AgreementService);
  private readonly i18n = inject(I18nService);

  readonly initialYear = input<number>(new Date().getFullYear());
  readonly year = signal<number>(new Date().getFullYear());
  readonly cities = signal<CityKeyTasksDto[]>([]);
  readonly columns = computed(() => matrixColumns(this.cities()));
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    this.year.set(this.initialYear());
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.agreementGetKeyTaskMatrix({ year: this.year() }).subscribe({
      next: (matrix) => {
        this.loading.set(false);
        this.cities.set(matrix.cities ?? []);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  cell(city: CityKeyTasksDto, code: string | null | undefined): KeyTaskCellDto | undefined {
    return city.tasks?.find((t) => t.code === code);
  }

  count(city: CityKeyTasksDto, status: string): number {
    return city.counts?.[status] ?? 0;
  }
}
