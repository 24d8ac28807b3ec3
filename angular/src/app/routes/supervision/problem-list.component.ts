import { Component, OnInit, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  SupervisionProblemDto as ProblemDto,
  SupervisionProblemMatrixDto as ProblemMatrixDto,
  SupervisionProblemMatrixRowDto as MatrixRow,
} from '@api/models';
import { ProblemService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';

import {
  PROBLEM_STATUSES,
  PROBLEM_STATUS_VALUES,
  ProblemFilesService,
  problemStatusColour,
} from './supervision';

/**
 * The problem register: for the province a matrix of every city's problems by state (with the
 * overdue ones) above the list; for a city its own problems; for a unit's member the unit's.
 */
@Component({
  selector: 'app-problem-list',
  imports: [
    FormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzCheckboxModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  templateUrl: './problem-list.component.html',
  styles: `
    .toolbar,
    .filters {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-bottom: 12px;
      flex-wrap: wrap;
    }
    .toolbar h1 {
      margin: 0;
      font-size: 20px;
    }
    .spacer {
      flex: 1;
    }
    .filters nz-select {
      min-width: 160px;
    }
    .keyword {
      width: 220px;
    }
    .section {
      margin-bottom: 16px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ProblemListComponent implements OnInit {
  private readonly api = inject(ProblemService);
  private readonly files = inject(ProblemFilesService);
  private readonly session = inject(SessionService);
  private readonly i18n = inject(I18nService);

  protected readonly statuses = PROBLEM_STATUSES;
  protected readonly pageSize = 20;
  readonly matrix = signal<ProblemMatrixDto | null>(null);
  readonly items = signal<ProblemDto[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly cityId = signal<string | null>(null);
  readonly status = signal<string | null>(null);
  readonly overdueOnly = signal(false);
  readonly filter = signal('');
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);

  readonly isProvince = computed(() => this.session.isHostUser() && !this.session.actingTenant());
  readonly canManage = computed(
    () => this.isProvince() && this.session.isGranted(Permissions.Supervision.Manage),
  );
  readonly title = computed(() =>
    this.isProvince()
      ? 'supervision.provinceTitle'
      : this.session.isGranted(Permissions.Supervision.Assign)
        ? 'supervision.cityTitle'
        : 'supervision.unitTitle',
  );

  ngOnInit(): void {
    if (this.isProvince()) {
      this.api.problemGetMatrix().subscribe({
        next: (m) => this.matrix.set(m),
        error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
      });
    }
    this.load();
  }

  reload(): void {
    this.page.set(1);
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api
      .problemGetList({
        ...this.query(),
        SkipCount: (this.page() - 1) * this.pageSize,
        MaxResultCount: this.pageSize,
      } as Parameters<ProblemService['problemGetList']>[0])
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          this.items.set(result.items ?? []);
          this.total.set(result.totalCount ?? 0);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.error.set(errorText(this.i18n, e));
        },
      });
  }

  pick(row: MatrixRow, status: string | null, overdue: boolean): void {
    this.cityId.set(row.cityId ?? null);
    this.status.set(status);
    this.overdueOnly.set(overdue);
    this.reload();
  }

  count(row: MatrixRow, status: string): number {
    return row.counts?.[status] ?? 0;
  }

  colour(status: string | null | undefined): string {
    return problemStatusColour(status);
  }

  export(): void {
    this.files.exportXlsx(this.query()).subscribe({
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  /** The list's filters as the API's query parameters. */
  private query(): Record<string, string | number | boolean> {
    const query: Record<string, string | number | boolean> = {};
    if (this.cityId()) {
      query['CityId'] = this.cityId()!;
    }
    const status = this.status();
    if (status) {
      query['Status'] = PROBLEM_STATUS_VALUES[status];
    }
    if (this.overdueOnly()) {
      query['Overdue'] = true;
    }
    if (this.filter().trim()) {
      query['Filter'] = this.filter().trim();
    }
    return query;
  }
}
