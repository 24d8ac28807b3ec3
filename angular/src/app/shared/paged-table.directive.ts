import { ChangeDetectorRef, Directive, SimpleChange, effect, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzTableComponent } from 'ng-zorro-antd/table';

import { PagedListSource } from '@shared/list-source';

/**
 * Binds an `nz-table` to a server-side paged list: its rows, spinner, total, page and page size,
 * with the size changer shown; turning the page or changing its size loads that page.
 * `<nz-table #table [appPagedTable]="list" [nzShowTotal]="totalTpl">`.
 */
@Directive({ selector: 'nz-table[appPagedTable]' })
export class PagedTableDirective<T> {
  readonly source = input.required<PagedListSource<T>>({ alias: 'appPagedTable' });
  private readonly table = inject<NzTableComponent<T>>(NzTableComponent);
  private readonly cdr = inject(ChangeDetectorRef);

  constructor() {
    const table = this.table;
    table.nzFrontPagination = false;
    table.nzShowSizeChanger = true;
    let first = true;
    effect(() => {
      const source = this.source();
      const next = {
        nzData: source.items() as readonly T[],
        nzPageIndex: source.paging.pageIndex(),
        nzPageSize: source.paging.pageSize(),
      };
      const changes: Record<string, SimpleChange> = {};
      for (const key of ['nzData', 'nzPageIndex', 'nzPageSize'] as const) {
        if (table[key] !== next[key]) {
          changes[key] = new SimpleChange(table[key], next[key], false);
        }
      }
      table.nzData = next.nzData;
      table.nzPageIndex = next.nzPageIndex;
      table.nzPageSize = next.nzPageSize;
      table.nzTotal = source.paging.total();
      table.nzLoading = source.loading();
      if (first) {
        changes['nzFrontPagination'] = new SimpleChange(true, false, true);
        first = false;
      }
      table.ngOnChanges(changes);
      this.cdr.markForCheck();
    });
    table.nzPageIndexChange
      .pipe(takeUntilDestroyed())
      .subscribe((index) => this.source().pageIndexChanged(index));
    table.nzPageSizeChange
      .pipe(takeUntilDestroyed())
      .subscribe((size) => this.source().pageSizeChanged(size));
  }
}
