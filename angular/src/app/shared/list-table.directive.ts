import { ChangeDetectorRef, Directive, SimpleChange, effect, inject, input } from '@angular/core';
import { NzTableComponent } from 'ng-zorro-antd/table';

import { ListSource } from '@shared/list-source';

/** Rows per page of a list paged in the browser; the pager shows only when there are more. */
export const LIST_PAGE_SIZE = 20;

/**
 * Binds an `nz-table` to a list loaded at once: its rows and spinner, 20 rows a page, the pager
 * only when there is more than one page. `<nz-table #table [appListTable]="list">`.
 */
@Directive({ selector: 'nz-table[appListTable]' })
export class ListTableDirective<T> {
  readonly source = input.required<ListSource<T>>({ alias: 'appListTable' });
  private readonly table = inject<NzTableComponent<T>>(NzTableComponent);
  private readonly cdr = inject(ChangeDetectorRef);

  constructor() {
    const table = this.table;
    let first = true;
    effect(() => {
      const source = this.source();
      const data = source.items() as readonly T[];
      const changes: Record<string, SimpleChange> = {};
      if (first) {
        table.nzPageSize = LIST_PAGE_SIZE;
        changes['nzPageSize'] = new SimpleChange(10, LIST_PAGE_SIZE, true);
        first = false;
      }
      if (table.nzData !== data) {
        changes['nzData'] = new SimpleChange(table.nzData, data, false);
        table.nzData = data;
      }
      table.nzLoading = source.loading();
      table.nzShowPagination = data.length > LIST_PAGE_SIZE;
      table.ngOnChanges(changes);
      this.cdr.markForCheck();
    });
  }
}
