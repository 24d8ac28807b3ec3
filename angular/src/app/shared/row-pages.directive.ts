import { ChangeDetectorRef, Directive, SimpleChange, effect, inject, input } from '@angular/core';
import { NzTableComponent } from 'ng-zorro-antd/table';

/** Rows per page of a list paged in the browser; the pager shows only when there are more. */
export const LIST_PAGE_SIZE = 20;

/**
 * Gives a table its rows, 20 a page, and shows the pager only when there is more than one page.
 * ng-zorro pages in the browser even with its pager hidden (10 rows), so a table bound without
 * either showed its first 10 rows and no way to the others.
 */
export function showRows<T>(
  table: NzTableComponent<T>,
  cdr: ChangeDetectorRef,
  data: readonly T[],
  first: boolean,
): void {
  const changes: Record<string, SimpleChange> = {};
  if (first) {
    table.nzPageSize = LIST_PAGE_SIZE;
    changes['nzPageSize'] = new SimpleChange(10, LIST_PAGE_SIZE, true);
  }
  if (table.nzData !== data) {
    changes['nzData'] = new SimpleChange(table.nzData, data, false);
    table.nzData = data;
  }
  // Fewer rows than the page shown (a filter, another period): the last page that has rows.
  const pages = Math.max(1, Math.ceil(data.length / table.nzPageSize));
  if (table.nzPageIndex > pages) {
    changes['nzPageIndex'] = new SimpleChange(table.nzPageIndex, pages, false);
    table.nzPageIndex = pages;
  }
  table.nzShowPagination = data.length > LIST_PAGE_SIZE;
  table.ngOnChanges(changes);
  cdr.markForCheck();
}

/**
 * Binds an `nz-table` to rows a component holds (300 cities at national scale): 20 rows a page,
 * the pager only when there are more. `<nz-table #table [appRowPages]="rows()">`, then
 * `@for (row of table.data; …)`.
 */
@Directive({ selector: 'nz-table[appRowPages]' })
export class RowPagesDirective<T> {
  readonly rows = input.required<readonly T[]>({ alias: 'appRowPages' });
  private readonly table = inject<NzTableComponent<T>>(NzTableComponent);
  private readonly cdr = inject(ChangeDetectorRef);

  constructor() {
    let first = true;
    effect(() => {
      showRows(this.table, this.cdr, this.rows(), first);
      first = false;
    });
  }
}
