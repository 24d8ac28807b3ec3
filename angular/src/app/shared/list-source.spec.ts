import { Observable, Subject, of, throwError } from 'rxjs';

import { ListSource, PageRequest, PagedListSource } from './list-source';

describe('ListSource', () => {
  it('should show the rows of a plain array and clear the spinner', () => {
    const source = new ListSource<string>(
      () => of(['a', 'b']),
      () => 'x',
    );

    source.load();

    expect(source.items()).toEqual(['a', 'b']);
    expect(source.loading()).toBe(false);
    expect(source.loadError()).toBeNull();
  });

  it('should keep the spinner while the call runs and show the error text when it fails', () => {
    const pending = new Subject<string[]>();
    let fail = false;
    const source = new ListSource<string>(
      () => (fail ? throwError(() => new Error('down')) : pending),
      (e) => `failed: ${(e as Error).message}`,
    );

    source.load();
    expect(source.loading()).toBe(true);
    pending.next(['a']);
    fail = true;
    source.load();

    expect(source.loading()).toBe(false);
    expect(source.loadError()).toBe('failed: down');
    expect(source.items()).toEqual(['a']);
  });
});

describe('PagedListSource', () => {
  function paged(
    total: number,
    rows: string[],
  ): {
    source: PagedListSource<string>;
    asked: PageRequest[];
  } {
    const asked: PageRequest[] = [];
    const fetch = (page: PageRequest): Observable<{ items: string[]; totalCount: number }> => {
      asked.push(page);
      return of({ items: rows, totalCount: total });
    };
    return { source: new PagedListSource(fetch, () => 'x'), asked };
  }

  it('should ask for the page shown and keep the total', () => {
    const { source, asked } = paged(45, ['a']);

    source.pageIndexChanged(3);

    expect(asked).toEqual([{ SkipCount: 40, MaxResultCount: 20 }]);
    expect(source.paging.total()).toBe(45);
    expect(source.items()).toEqual(['a']);
  });

  it('should go back to page one on a search and on a new page size', () => {
    const { source, asked } = paged(100, ['a']);
    source.paging.pageIndex.set(4);

    source.search();
    source.paging.pageIndex.set(2);
    source.pageSizeChanged(50);

    expect(asked).toEqual([
      { SkipCount: 0, MaxResultCount: 20 },
      { SkipCount: 0, MaxResultCount: 50 },
    ]);
    expect(source.paging.pageIndex()).toBe(1);
  });

  it('should step back a page after removing the last row of a later page', () => {
    const { source, asked } = paged(21, ['only']);
    source.pageIndexChanged(2);

    source.reloadAfterRemove();

    expect(asked.at(-1)).toEqual({ SkipCount: 0, MaxResultCount: 20 });
    expect(source.paging.pageIndex()).toBe(1);
  });
});
