import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { pageProviders, settle, signIn } from '@testing/page-setup';
import { DataEntryComponent } from './data-entry.component';

const definition = {
  categories: [
    {
      code: 'A',
      name: '政治安全',
      indicators: [
        { code: 'N1', name: '矛盾纠纷化解率', max_points: 5, rule: { kind: 'ratio_to_target' } },
        {
          code: 'F1',
          name: '综治中心规范化建设',
          max_points: 4,
          rule: { kind: 'qualitative_grade', grades: [{ grade: '优' }, { grade: '良' }] },
        },
        {
          code: 'N2',
          name: '平台事件按时处置率',
          max_points: 5,
          rule: { kind: 'ratio_to_target' },
        },
      ],
    },
  ],
};

function line(code: string, ruleKind: string, id: string | null): EntryLineDto {
  return {
    id,
    periodId: 'p1',
    indicatorCode: code,
    indicatorName: `指标${code}`,
    ruleKind,
    maxPoints: 5,
    value: {},
    reported: false,
    status: 'Draft',
    evidence: [],
    concurrencyStamp: null,
  };
}

describe('light lines of the entry grid', { timeout: 30_000 }, () => {
  let fixture: ComponentFixture<DataEntryComponent>;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  async function render(): Promise<void> {
    await settle(fixture);
  }

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DataEntryComponent],
      providers: pageProviders(),
    });
    httpMock = signIn([Permissions.DataEntry.Default], { tenantId: 't1', tenantName: 'lanzhou' });
    fixture = TestBed.createComponent(DataEntryComponent);
    el = fixture.nativeElement;
    document.body.appendChild(el);
    fixture.detectChanges();
    httpMock
      .expectOne((r) => r.url === '/api/app/periods')
      .flush([{ id: 'p1', schemeId: 's1', name: '2026年度考核', status: 'Open' }]);
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition });
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush({
      periodId: 'p1',
      periodStatus: 'Open',
      submissionStatus: 'Draft',
      writable: true,
      factsWritable: true,
      lines: [
        line('N1', 'ratio_to_target', 'l1'),
        line('F1', 'qualitative_grade', null),
        line('N2', 'ratio_to_target', 'l3'),
      ],
      facts: { vetoFacts: {}, bonusCounts: {}, dataItems: {}, concurrencyStamp: 'f1' },
    });
    await render();
  });

  afterEach(() => {
    httpMock.verify();
    el.remove();
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  function row(code: string): HTMLElement {
    return el.querySelector<HTMLElement>(`tr[data-line="${code}"]`)!;
  }

  function numberBox(code: string): HTMLInputElement {
    return el.querySelector<HTMLInputElement>(`input[data-code="${code}"]`)!;
  }

  it('Should draw a line in plain markup until it is pointed at, then with its ng-zorro editors', async () => {
    const table = el.querySelector('[data-testid="entry-table"]')!;
    expect(table.querySelector('nz-select')).toBeNull();
    expect(table.querySelector('app-disabled-reason')).toBeNull();
    expect(row('F1').querySelector('app-entry-light-grade [data-grade="F1"]')).not.toBeNull();
    // the plain evidence button is disabled like the real one until the line is saved
    expect(row('F1').querySelector<HTMLButtonElement>('[data-evidence="F1"]')!.disabled).toBe(true);

    row('F1').dispatchEvent(new Event('pointerenter'));
    await render();

    expect(row('F1').querySelector('nz-select[data-grade="F1"]')).not.toBeNull();
    expect(row('F1').querySelector('app-entry-light-grade')).toBeNull();
    expect(row('F1').querySelector('app-disabled-reason [data-evidence="F1"]')).not.toBeNull();
    // the other lines stay light
    expect(row('N1').getAttribute('data-active')).toBeNull();
    expect(row('N2').querySelector('app-disabled-reason')).toBeNull();
  });

  it('Should hand the focus of Enter from a number to the grade dropdown drawn in its place, and go on from it', async () => {
    numberBox('N1').focus();
    numberBox('N1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    // the walk focused the look-alike: the line is drawn whole and its dropdown takes the focus
    await render();
    const select = row('F1').querySelector('nz-select[data-grade="F1"]')!;
    expect(select).not.toBeNull();
    expect(select.contains(document.activeElement)).toBe(true);

    // a line focused by Tab is drawn whole too
    numberBox('N2').focus();
    await render();
    expect(row('N2').getAttribute('data-active')).toBe('true');
  });

  it('Should open the dropdown of a clicked grade look-alike and save the grade picked', async () => {
    const box = row('F1').querySelector<HTMLElement>('app-entry-light-grade [data-grade="F1"]')!;
    box.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
    await render();

    const options = Array.from(document.querySelectorAll<HTMLElement>('nz-option-item'));
    expect(options.map((o) => o.textContent?.trim())).toEqual(['优', '良']);
    options[0].click();
    await render();

    const save = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/F1');
    expect(save.request.body.value.grade).toBe('优');
    save.flush({ ...line('F1', 'qualitative_grade', 'l2'), value: { grade: '优' } });
    await render();
    expect(row('F1').querySelector('nz-select[data-grade="F1"]')!.textContent).toContain('优');
  });

  it('Should keep a typed draft and the drawn editors when the focus leaves the line', async () => {
    row('F1').dispatchEvent(new Event('pointerenter'));
    await render();
    const note = row('F1').querySelector<HTMLInputElement>('[data-note="F1"]')!;
    note.focus();
    note.value = '待复核';
    note.dispatchEvent(new Event('input'));
    row('F1').dispatchEvent(new Event('pointerleave'));
    numberBox('N2').focus();
    await render();

    // the blur saved it; the host refuses the note: what was typed stays, with the line's editors
    httpMock
      .expectOne('/api/app/data-entry/periods/p1/lines/F1')
      .flush(
        { title: '备注过长', status: 400, errors: { note: ['备注过长'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await render();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
    expect(row('F1').querySelector<HTMLInputElement>('[data-note="F1"]')!.value).toBe('待复核');
    expect(row('F1').textContent).toContain('备注过长');
    expect(row('F1').querySelector('nz-select[data-grade="F1"]')).not.toBeNull();
  });
});
