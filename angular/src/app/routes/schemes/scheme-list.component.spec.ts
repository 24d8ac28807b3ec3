import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { schemeDto } from '@testing/scheme-fixtures';
import { Permissions } from '@core/permissions';
import { pageProviders, settle, signIn } from '@testing/page-setup';
import { tableCells } from '@testing/page-text';
import { SchemeListComponent } from './scheme-list.component';

describe('SchemeListComponent', () => {
  let fixture: ComponentFixture<SchemeListComponent>;
  let component: SchemeListComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  function setup(granted: string[]): void {
    TestBed.configureTestingModule({
      imports: [SchemeListComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted);
    fixture = TestBed.createComponent(SchemeListComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => httpMock.verify());

  const rows = (): string[][] => tableCells(el);

  it('renders one row per scheme with year, version, scale, status and indicator count', async () => {
    setup([Permissions.Schemes.Default]);
    const req = httpMock.expectOne((r) => r.url === '/api/app/schemes');
    expect(req.request.params.get('SkipCount')).toBe('0');
    expect(req.request.params.has('Status')).toBe(false);
    req.flush({
      totalCount: 2,
      items: [
        schemeDto({ indicatorCount: 30 }),
        schemeDto({ id: 's2', version: 2, status: 'Draft', publishedTime: null }),
      ],
    });
    await render();
    const [first, second] = rows();
    expect(first[0]).toBe('市域社会治理现代化试点考评细则（示例）');
    expect(first.slice(1, 6)).toEqual(['2026', 'v1', '100分制', '已发布', '30']);
    expect(second[2]).toBe('v2');
    expect(second[4]).toBe('草稿');
    // without .Manage there is no import button
    expect(el.querySelector('[data-testid="scheme-import"]')).toBeNull();
  });

  it('filters by status at once and by year on search', async () => {
    setup([Permissions.Schemes.Default, Permissions.Schemes.Manage]);
    httpMock.expectOne((r) => r.url === '/api/app/schemes').flush({ totalCount: 0, items: [] });
    await render();
    expect(el.querySelector('[data-testid="scheme-import"]')).not.toBeNull();

    component.filter.controls.status.setValue('Draft');
    const byStatus = httpMock.expectOne((r) => r.url === '/api/app/schemes');
    expect(byStatus.request.params.get('Status')).toBe('Draft');
    byStatus.flush({ totalCount: 0, items: [] });

    component.filter.controls.year.setValue(2026);
    component.search();
    const byYear = httpMock.expectOne((r) => r.url === '/api/app/schemes');
    expect(byYear.request.params.get('Year')).toBe('2026');
    expect(byYear.request.params.get('Status')).toBe('Draft');
    byYear.flush({ totalCount: 0, items: [] });
  });

  it('shows every import error with its JSON path', async () => {
    setup([Permissions.Schemes.Default, Permissions.Schemes.Manage]);
    httpMock.expectOne((r) => r.url === '/api/app/schemes').flush({ totalCount: 0, items: [] });
    await render();

    component.importFile(new Blob(['{}'], { type: 'application/json' }));
    const req = httpMock.expectOne('/api/app/schemes/import/json');
    expect(req.request.body instanceof FormData).toBe(true);
    req.flush(
      {
        title: '方案文件在$.definition.categories[0].bogus处（第1行）格式有误。',
        code: 'Scheme:JsonMalformed',
        errors: {
          '$.definition.categories[0].bogus': [
            '方案文件在$.definition.categories[0].bogus处（第1行）格式有误。',
          ],
          '$.year': ['第2行：年度无效。'],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    const alert = el.querySelector('[data-testid="scheme-import-errors"]')!;
    expect(alert.textContent).toContain('$.definition.categories[0].bogus');
    expect(alert.querySelectorAll('li')).toHaveLength(2);
  });

  it('imports an xlsx workbook through its own endpoint and lists its errors by cell', async () => {
    setup([Permissions.Schemes.Default, Permissions.Schemes.Manage]);
    httpMock.expectOne((r) => r.url === '/api/app/schemes').flush({ totalCount: 0, items: [] });
    await render();
    expect(el.querySelector('[data-testid="scheme-import-xlsx"]')).not.toBeNull();

    component.importFile(new Blob(['PK']), 'excel');
    httpMock.expectOne({ url: '/api/app/schemes/import/xlsx', method: 'POST' }).flush(
      {
        title: '工作簿有2处问题。',
        errors: { '指标!E5': ['分值应为数字。'], '指标!H9': ['未知的计分方式“x”。'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    const alert = el.querySelector('[data-testid="scheme-import-errors"]')!;
    expect(alert.textContent).toContain('指标!E5');
    expect(alert.querySelectorAll('li')).toHaveLength(2);
  });
});
