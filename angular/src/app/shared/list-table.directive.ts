import { ChangeDetectorRef, Directive, effect, inject, input } from '@angular/core';
import { NzTableComponent } from 'ng-zorro-antd/table';

import { ListSource } from '@shared/list-source';
import { showRows } from '@shared/row-pages.directive';

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
    let first = true;
    effect(() => {
      const source = this.source();
      this.table.nzLoading = source.loading();
      showRows(this.table, this.cdr, source.items() as readonly T[], first);
      first = false;
    });
  }
}
