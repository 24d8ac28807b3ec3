import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { settle } from '@testing/page-setup';
import { APP_ICONS } from '@core/icons';
import { AgreementBulkIssueDialogComponent } from './agreement-bulk-issue-dialog.component';
import { agreementDto } from './agreement-fixtures';

const TEMPLATE = agreementDto({
  id: 't1',
  year: 2027,
  lines: [
    { code: 'D01', name: '矛盾纠纷调解成功率', effectiveTarget: 98 },
    { code: 'X1', name: '“枫桥式”派出所创建数', effectiveTarget: 10, isExtra: true },
  ],
});
const CITIES = [
  { id: 'c1', name: 'lanzhou', displayName: '兰州市', isActive: true },
  { id: 'c2', name: 'tianshui', displayName: '天水市', isActive: true },
];

describe('AgreementBulkIssueDialogComponent', () => {
  let fixture: ComponentFixture<AgreementBulkIssueDialogComponent>;
  let component: AgreementBulkIssueDialogComponent;
  let httpMock: HttpTestingController;

  const render = (): Promise<void> => settle(fixture);

  const cell = (row: number, column: number) =>
    document.querySelector<HTMLInputElement>(`[data-testid="bulk-cell-${row}-${column}"]`)!;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AgreementBulkIssueDialogComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AgreementBulkIssueDialogComponent);
    fixture.componentRef.setInput('cities', CITIES);
    fixture.componentRef.setInput('agreements', [TEMPLATE]);
    component = fixture.componentInstance;
    component.show('t1');
    httpMock.expectOne('/api/app/agreements/t1').flush(TEMPLATE);
    await render();
  });

  afterEach(() => {
    httpMock.verify();
    document.querySelectorAll('.cdk-overlay-container').forEach((e) => (e.innerHTML = ''));
  });

  it('shows a row per city and a column per line with the template target as a hint', () => {
    expect(cell(0, 0).placeholder).toBe('98');
    expect(cell(1, 1).placeholder).toBe('10');
    expect(document.querySelector('[data-testid="bulk-row-1"]')!.textContent).toContain('天水市');
  });

  it('takes a block pasted from Excel and sends every city in one request, then shows what happened', async () => {
    const paste = new Event('paste', { cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { getData: () => '97\t12\n95\t' } });
    cell(0, 0).dispatchEvent(paste);
    await render();
    expect(paste.defaultPrevented).toBe(true);
    expect(cell(0, 1).value).toBe('12');
    expect(cell(1, 0).value).toBe('95');

    component.submit();
    const req = httpMock.expectOne('/api/app/agreements/bulk-issue');
    expect(req.request.body).toEqual({
      templateId: 't1',
      year: 2027,
      issue: true,
      cities: [
        {
          cityId: 'c1',
          targets: [
            { code: 'D01', target: 97 },
            { code: 'X1', target: 12 },
          ],
        },
        { cityId: 'c2', targets: [{ code: 'D01', target: 95 }] },
      ],
    });
    expect(component.busy()).toBe(true);
    req.flush({
      year: 2027,
      rows: [
        {
          cityId: 'c1',
          cityName: '兰州市',
          agreementId: 't1',
          outcome: 'Updated',
          status: 'Issued',
        },
        {
          cityId: 'c2',
          cityName: '天水市',
          agreementId: 'a2',
          outcome: 'Created',
          status: 'Issued',
        },
      ],
    });
    await render();
    const results = Array.from(document.querySelectorAll('[data-testid="bulk-result"]')).map((e) =>
      e.textContent?.replace(/\s+/g, ''),
    );
    expect(results).toEqual(['已更新已下达', '新建已下达']);
  });

  it("refuses a cell that is not a number and shows the host's problems on their rows", async () => {
    component.setTarget('c2', 'D01', '九十');
    await render();
    expect(cell(1, 0).classList).toContain('bulk-invalid');
    component.submit();
    httpMock.expectNone('/api/app/agreements/bulk-issue');

    component.setTarget('c2', 'D01', '90');
    component.submit();
    httpMock.expectOne('/api/app/agreements/bulk-issue').flush(
      {
        title: '有城市的责任书不能下达，请改正标出的行后重新提交；本次没有改动任何城市的责任书。',
        status: 400,
        errors: {
          'cities[1]': [
            '天水市本年度的责任书已是“已下达”状态且内容不同，不能重新下达；请在该责任书上发起变更。',
          ],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(document.querySelector('[data-testid="bulk-error"]')!.textContent).toContain(
      '本次没有改动',
    );
    const row = document.querySelector('[data-testid="bulk-row-1"]')!;
    expect(row.classList).toContain('bulk-row-error');
    expect(row.textContent).toContain('请在该责任书上发起变更');
    expect(document.querySelector('[data-testid="bulk-row-0"]')!.classList).not.toContain(
      'bulk-row-error',
    );
  });
});
