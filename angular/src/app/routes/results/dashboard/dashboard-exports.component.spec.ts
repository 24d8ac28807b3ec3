import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { APP_ICONS } from '@core/icons';
import { DashboardExportsComponent, exportUrl } from './dashboard-exports.component';

describe('dashboard exports', () => {
  it('asks the host for each file of the period, the 通报 with its 发文字号 and title', () => {
    expect(exportUrl('ranking', 'p1')).toBe('/api/app/results/periods/p1/ranking/export/xlsx');
    expect(exportUrl('warnings', 'p1')).toBe('/api/app/results/periods/p1/warnings/export/xlsx');
    expect(exportUrl('completeness', 'p1')).toBe(
      '/api/app/results/periods/p1/completeness/export/xlsx',
    );
    expect(exportUrl('briefing', 'p1')).toBe('/api/app/results/periods/p1/briefing/export/docx');
    expect(
      exportUrl('briefing', 'p1', { documentNumber: ' 甘平安办〔2026〕12号 ', title: '' }),
    ).toBe(
      '/api/app/results/periods/p1/briefing/export/docx?documentNumber=' +
        encodeURIComponent('甘平安办〔2026〕12号'),
    );
  });

  it('downloads the warnings of the period with the file name the host gives', () => {
    TestBed.configureTestingModule({
      imports: [DashboardExportsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    const fixture = TestBed.createComponent(DashboardExportsComponent);
    fixture.componentRef.setInput('periodId', 'p1');
    fixture.detectChanges();
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:x');
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);

    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('[data-testid="export-warnings"]')!
      .click();
    const request = TestBed.inject(HttpTestingController).expectOne(
      '/api/app/results/periods/p1/warnings/export/xlsx',
    );
    request.flush(new Blob(['x']), {
      headers: {
        'Content-Disposition': "attachment; filename*=UTF-8''2026-%E9%A2%84%E8%AD%A6.xlsx",
      },
    });

    expect(created).toHaveBeenCalled();
    expect(click).toHaveBeenCalled();
    created.mockRestore();
    click.mockRestore();
  }, 30_000);
});
