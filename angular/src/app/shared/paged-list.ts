import { signal } from '@angular/core';

/** Paging state shared by the server-side paged tables. */
export class PagedState {
  readonly pageIndex = signal(1);
  readonly pageSize = signal(20);
  readonly total = signal(0);

  get skipCount(): number {
    return (this.pageIndex() - 1) * this.pageSize();
  }

  get maxResultCount(): number {
    return this.pageSize();
  }
}
