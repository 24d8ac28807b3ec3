import { DatePipe, DecimalPipe } from '@angular/common';
import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  DataEntrySubmissionDto as SubmissionDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import { PeriodService, ReviewService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { cityNameFilter } from '@shared/city-name-filter';
import { errorText } from '@shared/error-text';
import { periodStatusColour, submissionStatusColour } from '@shared/status-colours';
import { RowPagesDirective } from '@shared/row-pages.directive';

/** Periods whose submissions can be reviewed: anything opened at least once. */
export function reviewablePeriods(periods: readonly PeriodDto[]): PeriodDto[] {
  return periods.filter((p) => p.status !== 'Planned');
}

/** 审核: the cities' submissions of a period, those waiting for review first. */
@Component({
  selector: 'app-review-queue',
  imports: [
    DatePipe,
    DecimalPipe,
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    RowPagesDirective,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <div class="page-header">
      <div>
        <h1>{{ 'reviews.title' | t }}</h1>
        <div class="subtitle">{{ 'reviews.subtitle' | t }}</div>
      </div>
      <div class="header-actions">
        <nz-select
          [ngModel]="periodId()"
          (ngModelChange)="pick($event)"
          [nzPlaceHolder]="'reviews.pickPeriod' | t"
          style="width: 280px"
          data-testid="review-period"
        >
          @for (period of periods(); track period.id) {
            <nz-option [nzValue]="period.id" [nzLabel]="period.name ?? ''" />
          }
        </nz-select>
        <button nz-button (click)="load()" [attr.aria-label]="'common.refresh' | t">
          <nz-icon nzType="reload" />
        </button>
      </div>
    </div>

    @if (error()) {
      <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
    }
    @if (selected(); as period) {
      <div class="sheet-info">
        <nz-tag [nzColor]="periodColour(period.status)">{{
          'periods.statuses.' + period.status | t
        }}</nz-tag>
        <span class="muted">{{ 'reviews.waiting' | t: { count: waiting() } }}</span>
        <input
          nz-input
          class="city-filter"
          [ngModel]="cityFilter()"
          (ngModelChange)="cityFilter.set($event)"
          [placeholder]="'reviews.filterCity' | t"
          [attr.aria-label]="'reviews.filterCity' | t"
          data-testid="review-city-filter"
        />
      </div>
    }

    <nz-table
      #table
      [appRowPages]="shown()"
      [nzLoading]="loading()"
      nzSize="middle"
      data-testid="review-table"
    >
      <thead>
        <tr>
          <th>{{ 'reviews.city' | t }}</th>
          <th nzWidth="120px">{{ 'reviews.status' | t }}</th>
          <th nzWidth="170px">{{ 'reviews.submittedTime' | t }}</th>
          <th nzWidth="110px">{{ 'reviews.selfTotal' | t }}</th>
          <th nzWidth="170px">{{ 'reviews.approvedTime' | t }}</th>
          <th nzWidth="100px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (s of table.data; track s.cityId) {
          <tr [attr.data-city]="s.cityName">
            <td>{{ s.cityName }}</td>
            <td>
              <nz-tag [nzColor]="statusColour(s.status)">{{
                'dataEntry.submissionStatuses.' + (s.status || 'Draft') | t
              }}</nz-tag>
            </td>
            <td>{{ s.submittedTime | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              {{
                s.selfTotal === null || s.selfTotal === undefined
                  ? '—'
                  : (s.selfTotal | number: '1.0-2')
              }}
            </td>
            <td>{{ s.approvedTime | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              <a [routerLink]="['/reviews', periodId(), s.cityId]" [attr.data-open]="s.cityName">{{
                (s.status === 'Submitted' ? 'reviews.review' : 'reviews.view') | t
              }}</a>
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .header-actions,
    .sheet-info {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .sheet-info {
      margin-bottom: 12px;
    }
    .city-filter {
      width: 200px;
      margin-left: auto;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class ReviewQueueComponent implements OnInit {
  private readonly periodApi = inject(PeriodService);
  private readonly api = inject(ReviewService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly statusColour = submissionStatusColour;
  protected readonly periodColour = periodStatusColour;

  readonly periods = signal<PeriodDto[]>([]);
  readonly periodId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.periods().find((p) => p.id === this.periodId()) ?? null,
  );
  readonly submissions = signal<SubmissionDto[]>([]);
  /** Submitted (waiting) first, then returned, approved and the rest; by city name within. */
  protected readonly sorted = computed(() => {
    const order = ['Submitted', 'Returned', 'Approved', 'Withdrawn', 'Draft'];
    const rank = (s: SubmissionDto) => {
      const i = order.indexOf(s.status ?? 'Draft');
      return i < 0 ? order.length : i;
    };
    return [...this.submissions()].sort(
      (a, b) => rank(a) - rank(b) || (a.cityName ?? '').localeCompare(b.cityName ?? ''),
    );
  });
  /** Part of a city's name typed by the auditor (300 cities at national scale); empty: every city. */
  protected readonly cityFilter = signal('');
  protected readonly shown = computed(() => {
    const matches = cityNameFilter(this.cityFilter());
    return matches ? this.sorted().filter(matches) : this.sorted();
  });
  protected readonly waiting = computed(
    () => this.submissions().filter((s) => s.status === 'Submitted').length,
  );
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    const wanted = this.route.snapshot.queryParamMap.get('period');
    this.periodApi.periodGetList({}).subscribe({
      next: (list) => {
        const periods = reviewablePeriods(list ?? []);
        this.periods.set(periods);
        const initial =
          periods.find((p) => p.id === wanted) ??
          periods.find((p) => p.status === 'Open' || p.status === 'Locked') ??
          periods[0];
        if (initial?.id) {
          this.pick(initial.id);
        }
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  pick(id: string | null): void {
    this.periodId.set(id);
    this.submissions.set([]);
    if (id) {
      void this.router.navigate([], { queryParams: { period: id }, replaceUrl: true });
      this.load();
    }
  }

  load(): void {
    const id = this.periodId();
    if (!id) {
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    this.api.reviewGetSubmissions({ periodId: id }).subscribe({
      next: (list) => {
        this.loading.set(false);
        if (this.periodId() === id) {
          this.submissions.set(list ?? []);
        }
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }
}
