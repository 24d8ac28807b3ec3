import { DatePipe } from '@angular/common';
import { Component, OnInit, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AuditingAuditLogDto as AuditLogDto } from '@api/models';
import { AccountService, AuditLogService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { pagedListSource } from '@shared/list-source';
import { PageHeaderComponent } from '@shared/page-header.component';
import { PagedTableDirective } from '@shared/paged-table.directive';

const CHANGE_TYPES = ['Created', 'Updated', 'Deleted'];

/** The host sends the change type by name ("Created", "Updated", "Deleted"); anything else is "Other". */
export function changeTypeName(changeType: string | null | undefined): string {
  return changeType && CHANGE_TYPES.includes(changeType) ? changeType : 'Other';
}

/** Colour of the status code tag: green 2xx, orange 4xx, red 5xx. */
/** How a request ended, for the 结果 column: done, refused or failed. */
export function resultOf(
  code: number | null | undefined,
): 'done' | 'refused' | 'failed' | 'unknown' {
  if (!code) {
    return 'unknown';
  }
  if (code >= 500) {
    return 'failed';
  }
  return code >= 400 ? 'refused' : 'done';
}

export function statusColor(code: number | null | undefined): string {
  if (!code) {
    return 'default';
  }
  if (code >= 500) {
    return 'error';
  }
  if (code >= 400) {
    return 'warning';
  }
  return 'success';
}

@Component({
  selector: 'app-audit-log-list',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    NzTableModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzDatePickerModule,
    NzTagModule,
    NzAlertModule,
    NzEmptyModule,
    TranslatePipe,
    PageHeaderComponent,
    PagedTableDirective,
  ],
  templateUrl: './audit-log-list.component.html',
  styles: `
    .filter-user {
      width: 160px;
    }
    .filter-method {
      width: 120px;
    }
    .filter-status {
      width: 110px;
    }
    .url {
      word-break: break-all;
    }
    .changes {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .change-title {
      margin-bottom: 4px;
    }
    .old {
      color: #cf1322;
      text-decoration: line-through;
    }
    .new {
      color: #389e0d;
    }
    pre.exception {
      white-space: pre-wrap;
      max-height: 240px;
      overflow: auto;
      background: #fff1f0;
      padding: 8px;
      margin: 0 0 12px;
    }
  `,
})
export class AuditLogListComponent implements OnInit {
  private readonly api = inject(AuditLogService);
  private readonly account = inject(AccountService);
  /** City names by id, for the province's requests made inside a city. */
  private readonly cities = signal<ReadonlyMap<string, string>>(new Map());
  protected readonly i18n = inject(I18nService);

  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  protected readonly methods = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'];
  protected readonly changeTypeName = changeTypeName;
  protected readonly statusColor = statusColor;
  protected readonly resultOf = resultOf;

  readonly filter = new FormGroup({
    userName: new FormControl('', { nonNullable: true }),
    httpMethod: new FormControl<string | null>(null),
    httpStatusCode: new FormControl<number | null>(null),
    range: new FormControl<Date[] | null>(null),
  });
  readonly list = pagedListSource<AuditLogDto>((page) => {
    const filter = this.filter.getRawValue();
    const [start, end] = filter.range ?? [];
    return this.api.auditLogGetList({
      UserName: filter.userName.trim() || undefined,
      HttpMethod: filter.httpMethod ?? undefined,
      HttpStatusCode: filter.httpStatusCode ?? undefined,
      StartTime: start ? start.toISOString() : undefined,
      EndTime: end ? end.toISOString() : undefined,
      ...page,
    });
  });

  ngOnInit(): void {
    this.list.load();
    this.account.accountGetTenants().subscribe({
      next: (tenants) =>
        this.cities.set(new Map(tenants.map((t) => [t.id ?? '', t.displayName || t.name || '']))),
      error: () => this.cities.set(new Map()),
    });
  }

  cityName(id: string): string {
    return this.cities().get(id) ?? '—';
  }

  search(): void {
    this.list.search();
  }

  reset(): void {
    this.filter.reset({ userName: '', httpMethod: null, httpStatusCode: null, range: null });
    this.search();
  }

  toggle(id: string, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) {
      next.add(id);
    } else {
      next.delete(id);
    }
    this.expanded.set(next);
  }

  changeTypeColor(changeType: string | null | undefined): string {
    const name = changeTypeName(changeType);
    return name === 'Created' ? 'green' : name === 'Deleted' ? 'red' : 'blue';
  }

  shortEntity(fullName: string | null | undefined): string {
    return (fullName ?? '').split('.').pop() ?? '';
  }
}
