import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';

import { APP_ICONS } from '@core/icons';
import { ListSource } from './list-source';
import { ListTableDirective } from './list-table.directive';

@Component({
  imports: [NzTableModule, ListTableDirective],
  template: `
    <nz-table #table [appListTable]="list">
      <tbody>
        @for (name of table.data; track name) {
          <tr>
            <td>{{ name }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
})
class HostComponent {
  rows: string[] = [];
  readonly list = new ListSource<string>(
    () => of(this.rows),
    () => '加载失败',
  );
}

describe('ListTableDirective', () => {
  let fixture: ComponentFixture<HostComponent>;
  let el: HTMLElement;

  async function show(count: number): Promise<void> {
    fixture.componentInstance.rows = Array.from({ length: count }, (_, i) => `第${i + 1}期`);
    fixture.componentInstance.list.load();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement;
  });

  it('should show every row of a short list without a pager', async () => {
    await show(3);

    expect(el.querySelectorAll('tbody tr.ant-table-row').length).toBe(3);
    expect(el.querySelector('.ant-pagination')).toBeNull();
  });

  it('should page a long list by twenty rows', async () => {
    await show(45);

    expect(el.querySelectorAll('tbody tr.ant-table-row').length).toBe(20);
    expect(el.querySelectorAll('li.ant-pagination-item').length).toBe(3);
  });
});
