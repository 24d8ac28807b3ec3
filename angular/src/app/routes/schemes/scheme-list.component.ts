import { DatePipe } from '@angular/common';
import { Component, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { PagedState } from '@shared/paged-list';
import { ProblemGroup, groupProblems } from '@shared/scheme-definition';

export const SCHEME_STATUSES = ['Draft', 'Published', 'Archived'] as const;

export function statusColour(status: string | null | undefined): string {
  return status === 'Published' ? 'green' : status === 'Draft' ? 'blue' : 'default';
}

@Component({
  selector: 'app-scheme-list',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    RouterLink,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzInputNumberModule,
    NzSelectModule,
    NzTagModule,
    NzAlertModule,
    NzUploadModule,
    TranslatePipe,
  ],
  templateUrl: './scheme-list.component.html',
  styles: `
    .header-actions {
      display: flex;
      gap: 8px;
    }
    .filter-bar {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
      margin-bottom: 16px;
    }
    .problem-list {
      margin: 0;
      padding-left: 20px;
    }
  `,
})
export class SchemeListComponent implements OnInit {
  private readonly api = inject(SchemeService);
  private readonly message = inject(NzMessageService);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly session = inject(SessionService);
  protected readonly P = Permissions.Schemes;
  protected readonly statuses = SCHEME_STATUSES;
  protected readonly statusColour = statusColour;

  protected readonly items = signal<SchemeDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly paging = new PagedState();
  /** Import in progress: 'json' or 'excel'. */
  protected readonly importing = signal<'json' | 'excel' | null>(null);
  readonly importErrors = signal<ProblemGroup[] | null>(null);

  readonly filter = new FormGroup({
    status: new FormControl<string | null>(null),
    year: new FormControl<number | null>(null),
  });

  constructor() {
    // A status picked from the list applies at once; the year waits for 查询 (Enter).
    this.filter.controls.status.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.search());
  }

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    const { status, year } = this.filter.getRawValue();
    this.api
      .schemeGetList({
        Status: status ?? undefined,
        Year: year ?? undefined,
        SkipCount: this.paging.skipCount,
        MaxResultCount: this.paging.maxResultCount,
      })
      .subscribe({
        next: (result) => {
          this.items.set(result.items ?? []);
          this.paging.total.set(result.totalCount ?? 0);
          this.loading.set(false);
        },
        error: (e: unknown) => {
          this.loading.set(false);
          this.loadError.set(errorText(this.i18n, e));
        },
      });
  }

  search(): void {
    this.paging.pageIndex.set(1);
    this.load();
  }

  reset(): void {
    this.filter.reset({ status: null, year: null }, { emitEvent: false });
    this.search();
  }

  onPageIndex(index: number): void {
    this.paging.pageIndex.set(index);
    this.load();
  }

  onPageSize(size: number): void {
    this.paging.pageSize.set(size);
    this.paging.pageIndex.set(1);
    this.load();
  }

  /** nz-upload hands the file over here; it is sent through the generated client instead. */
  readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.importFile(file as unknown as File);
    return false;
  };

  readonly beforeUploadExcel = (file: NzUploadFile): boolean => {
    this.importFile(file as unknown as File, 'excel');
    return false;
  };

  /** Imports a scheme file (the JSON format or the xlsx workbook) as a new draft. */
  importFile(file: Blob, format: 'json' | 'excel' = 'json'): void {
    this.importing.set(format);
    this.importErrors.set(null);
    const call =
      format === 'excel'
        ? this.api.schemeImportExcel({ body: { file } })
        : this.api.schemeImportJson({ body: { file } });
    call.subscribe({
      next: (scheme) => {
        this.importing.set(null);
        this.message.success(this.i18n.t('schemes.imported', { name: scheme.name }));
        void this.router.navigate(['/schemes', scheme.id]);
      },
      error: (e: unknown) => {
        this.importing.set(null);
        const groups = groupProblems(toProblemDetails(e));
        if (groups.length) {
          this.importErrors.set(groups);
        } else {
          this.message.error(errorText(this.i18n, e));
        }
      },
    });
  }
}
