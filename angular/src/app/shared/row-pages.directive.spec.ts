import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NzTableModule } from 'ng-zorro-antd/table';

import { APP_ICONS } from '@core/icons';
import { RowPagesDirective } from './row-pages.directive';

@Component({
  imports: [NzTableModule, RowPagesDirective],
  template: `
    <nz-table #table [appRowPages]="rows()">
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
  readonly rows = signal<string[]>([]);
}

describe('RowPagesDirective', () => {
  let fixture: ComponentFixture<HostComponent>;
  let el: HTMLElement;

  async function show(count: number): Promise<void> {
    fixture.componentInstance.rows.set(Array.from({ length: count }, (_, i) => `城市${i + 1}`));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const shown = () =>
    [...el.querySelectorAll('tbody tr.ant-table-row')].map((r) => r.textContent?.trim());

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideNzIcons(APP_ICONS)] });
    fixture = TestBed.createComponent(HostComponent);
    el = fixture.nativeElement;
  });

  it('should show every row of a short list without a pager', async () => {
    await show(12);

    expect(shown().length).toBe(12);
    expect(el.querySelector('.ant-pagination')).toBeNull();
  });

  it('should page 300 cities by twenty rows and reach the last one', async () => {
    await show(300);

    expect(shown().length).toBe(20);
    expect(el.querySelectorAll('li.ant-pagination-item').length).toBeGreaterThan(1);
    (el.querySelector('li.ant-pagination-item[title="15"]') as HTMLElement).click();
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(shown()[19]).toBe('城市300');
  });

  it('should follow the rows when they change', async () => {
    await show(300);
    await show(5);

    expect(shown()).toEqual(['城市1', '城市2', '城市3', '城市4', '城市5']);
    expect(el.querySelector('.ant-pagination')).toBeNull();
  });
});
