import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { Observable, of } from 'rxjs';

import { APP_ICONS } from '@core/icons';
import { settle } from '@testing/page-setup';
import { PageRequest, PagedListSource } from './list-source';
import { PagedTableDirective } from './paged-table.directive';

const CITIES = Array.from({ length: 45 }, (_, i) => `城市${i + 1}`);

@Component({
  imports: [NzTableModule, PagedTableDirective],
  template: `
    <nz-table #table [appPagedTable]="list">
      <thead>
        <tr>
          <th>名称</th>
        </tr>
      </thead>
      <tbody>
        @for (city of table.data; track city) {
          <tr>
            <td>{{ city }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
class HostComponent {
  readonly asked: PageRequest[] = [];
  readonly list = new PagedListSource<string>(
    (page): Observable<{ items: string[]; totalCount: number }> => {
      this.asked.push(page);
      const items = CITIES.slice(page.SkipCount, page.SkipCount + page.MaxResultCount);
      return of({ items, totalCount: CITIES.length });
    },
    () => '加载失败',
  );
}

describe('PagedTableDirective', () => {
  let fixture: ComponentFixture<HostComponent>;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  function rows(): string[] {
    return Array.from(el.querySelectorAll('tbody tr.ant-table-row')).map((tr) =>
      tr.textContent!.trim(),
    );
  }

  function page(n: number): HTMLElement {
    return el.querySelectorAll<HTMLElement>('li.ant-pagination-item')[n - 1];
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement;
    fixture.componentInstance.list.load();
    await render();
  });

  it('should show the server page as it is, with pages for the whole total', () => {
    expect(rows().length).toBe(20);
    expect(rows()[0]).toBe('城市1');
    expect(el.querySelectorAll('.ant-pagination-item').length).toBe(3);
    expect(el.querySelector('.ant-pagination-options')).not.toBeNull();
  });

  it('should load the page clicked in the pager', async () => {
    page(3).click();
    await render();

    expect(fixture.componentInstance.asked.at(-1)).toEqual({ SkipCount: 40, MaxResultCount: 20 });
    expect(rows()).toEqual(['城市41', '城市42', '城市43', '城市44', '城市45']);
    expect(el.querySelector('.ant-pagination-item-active')!.textContent).toBe('3');
  });

  it('should follow a search started elsewhere back to the first page', async () => {
    page(2).click();
    await render();
    fixture.componentInstance.list.search();
    await render();

    expect(rows()[0]).toBe('城市1');
    expect(el.querySelector('.ant-pagination-item-active')!.textContent).toBe('1');
  });
});
