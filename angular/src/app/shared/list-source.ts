import { inject, signal } from '@angular/core';
import { Observable } from 'rxjs';

import { I18nService } from '@core/i18n/i18n.service';
import { errorText } from '@shared/error-text';
import { PagedState } from '@shared/paged-list';

/** What a list call returns: a plain array or one page with its total. */
export type ListResult<T> = readonly T[] | { items?: T[] | null; totalCount?: number | null };

/** The page a paged call asks for. */
export interface PageRequest {
  SkipCount: number;
  MaxResultCount: number;
}

/**
 * The rows of a table and the state of loading them: `load()` calls the server again,
 * `loading` and `loadError` drive the spinner and the error alert above the table.
 */
export class ListSource<T> {
  readonly items = signal<T[]>([]);
  readonly loading = signal(false);
  readonly loadError = signal<string | null>(null);

  constructor(
    private readonly fetch: () => Observable<ListResult<T> | null | undefined>,
    private readonly describe: (e: unknown) => string,
  ) {}

  load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.fetch().subscribe({
      next: (result) => {
        this.loading.set(false);
        this.received(result);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.loadError.set(this.describe(e));
      },
    });
  }

  protected received(result: ListResult<T> | null | undefined): void {
    if (Array.isArray(result)) {
      this.items.set([...result]);
      return;
    }
    const page = result as { items?: T[] | null } | null | undefined;
    this.items.set(page?.items ?? []);
  }
}

/** A server-side paged list: searching starts at page one, the page size resets the page. */
export class PagedListSource<T> extends ListSource<T> {
  readonly paging = new PagedState();

  constructor(
    fetch: (page: PageRequest) => Observable<ListResult<T> | null | undefined>,
    describe: (e: unknown) => string,
  ) {
    super(
      () => fetch({ SkipCount: this.paging.skipCount, MaxResultCount: this.paging.maxResultCount }),
      describe,
    );
  }

  search(): void {
    this.paging.pageIndex.set(1);
    this.load();
  }

  pageIndexChanged(index: number): void {
    this.paging.pageIndex.set(index);
    this.load();
  }

  pageSizeChanged(size: number): void {
    this.paging.pageSize.set(size);
    this.paging.pageIndex.set(1);
    this.load();
  }

  /** After deleting a row: the last row of a later page goes back one page. */
  reloadAfterRemove(): void {
    if (this.items().length === 1 && this.paging.pageIndex() > 1) {
      this.paging.pageIndex.update((i) => i - 1);
    }
    this.load();
  }

  protected override received(result: ListResult<T> | null | undefined): void {
    super.received(result);
    const total = Array.isArray(result)
      ? result.length
      : ((result as { totalCount?: number | null } | null | undefined)?.totalCount ?? 0);
    this.paging.total.set(total);
  }
}

/** A list whose load errors read in the user's language (call in an injection context). */
export function listSource<T>(
  fetch: () => Observable<ListResult<T> | null | undefined>,
): ListSource<T> {
  const i18n = inject(I18nService);
  return new ListSource(fetch, (e) => errorText(i18n, e));
}

/** A server-side paged list whose load errors read in the user's language (injection context). */
export function pagedListSource<T>(
  fetch: (page: PageRequest) => Observable<ListResult<T> | null | undefined>,
): PagedListSource<T> {
  const i18n = inject(I18nService);
  return new PagedListSource(fetch, (e) => errorText(i18n, e));
}
