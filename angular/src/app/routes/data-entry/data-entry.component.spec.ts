import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { DataEntryEntryLineDto as EntryLineDto } from '../../api/models';
import { APP_ICONS } from '../../core/icons';
import { DataEntryComponent } from './data-entry.component';

function line(overrides: Partial<EntryLineDto>): EntryLineDto {
  return {
    id: null,
    periodId: 'p1',
    indicatorCode: 'A1',
    indicatorName: '万人刑事案件数',
    unit: '件',
    ruleKind: 'linear_threshold',
    maxPoints: 5,
    value: {},
    reported: false,
    status: 'Draft',
    concurrencyStamp: null,
    ...overrides,
  };
}

describe('DataEntryComponent', () => {
  let fixture: ComponentFixture<DataEntryComponent>;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  async function render(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DataEntryComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DataEntryComponent);
    el = fixture.nativeElement;
    fixture.detectChanges();
    const periods = httpMock.expectOne((r) => r.url === '/api/app/periods');
    expect(periods.request.params.get('Status')).toBe('Open');
    periods.flush([
      {
        id: 'p1',
        name: '2026年度考核',
        status: 'Open',
        entryOpensAtLocal: '2026-03-01T09:00',
        entryClosesAtLocal: '2026-03-31T18:00',
      },
    ]);
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush({
      periodId: 'p1',
      periodStatus: 'Open',
      submissionStatus: 'Draft',
      writable: true,
      lines: [
        line({ indicatorCode: 'A1', value: { number: 3 }, reported: true, concurrencyStamp: 's1' }),
        line({ indicatorCode: 'A2', indicatorName: '群众安全感', unit: '%' }),
        line({
          indicatorCode: 'B1',
          indicatorName: '重大事件',
          ruleKind: 'per_occurrence_deduction',
        }),
      ],
    });
    await render();
  });

  afterEach(() => httpMock.verify());

  function input(code: string): HTMLInputElement {
    return el.querySelector<HTMLInputElement>(`input[data-code="${code}"]`)!;
  }

  function type(code: string, text: string): void {
    const box = input(code);
    box.value = text;
    box.dispatchEvent(new Event('input'));
  }

  it('shows one row per line with an input for numeric rules only', () => {
    const rows = el.querySelectorAll('[data-testid="entry-table"] tbody tr.ant-table-row');
    expect(rows).toHaveLength(3);
    expect(input('A1').value).toBe('3');
    expect(input('A2').value).toBe('');
    expect(input('B1')).toBeNull();
    expect(el.textContent).toContain('2026-03-01 09:00 ~ 2026-03-31 18:00');
  });

  it('saves a changed value on Enter with the stamp and moves to the next line', async () => {
    document.body.appendChild(el); // focus needs an attached element
    type('A1', '4.5');
    input('A1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      value: { number: 4.5 },
      note: null,
      unitId: null,
      concurrencyStamp: 's1',
    });
    req.flush(line({ indicatorCode: 'A1', value: { number: 4.5 }, concurrencyStamp: 's2' }));
    await render();
    expect(el.querySelector('[data-state="A1"]')!.textContent).toContain('已保存');
    expect(document.activeElement).toBe(input('A2'));
    el.remove();

    // leaving a box without a change sends nothing
    input('A2').dispatchEvent(new Event('blur'));
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/A2');
  });

  it('on 409 shows the other value, keeps the typed one and overwrites on the next save', async () => {
    type('A1', '7');
    input('A1').dispatchEvent(new Event('blur'));
    httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1').flush(
      {
        title: '数据已被他人修改',
        status: 409,
        current: line({ indicatorCode: 'A1', value: { number: 6 }, concurrencyStamp: 's9' }),
      },
      { status: 409, statusText: 'Conflict' },
    );
    await render();
    expect(el.querySelector('[data-testid="entry-conflict"]')!.textContent).toContain('6');
    expect(input('A1').value).toBe('7');

    input('A1').dispatchEvent(new Event('blur'));
    const retry = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(retry.request.body.value).toEqual({ number: 7 });
    expect(retry.request.body.concurrencyStamp).toBe('s9');
    retry.flush(line({ indicatorCode: 'A1', value: { number: 7 }, concurrencyStamp: 's10' }));
    await render();
    expect(el.querySelector('[data-testid="entry-conflict"]')).toBeNull();
  });
});
