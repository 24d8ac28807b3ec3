import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { unsavedChangesGuard } from '@shared/unsaved-changes';
import { pageProviders, settle, signIn } from '@testing/page-setup';
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
    evidence: [],
    concurrencyStamp: null,
    ...overrides,
  };
}

const definition = {
  categories: [
    {
      code: 'A',
      name: '政治安全',
      indicators: [
        { code: 'A1', name: '万人刑事案件数', max_points: 5, rule: { kind: 'ratio_to_target' } },
        { code: 'A2', name: '群众安全感', max_points: 5, rule: { kind: 'shortfall_bands' } },
        {
          code: 'B1',
          name: '越级上访',
          max_points: 4,
          rule: {
            kind: 'per_occurrence_deduction',
            rates: [
              { type: 'per_province', name: '到省', per: 1 },
              { type: 'per_capital', name: '到京', per: 3 },
            ],
            double_when: ['major_event_period'],
          },
        },
        {
          code: 'F1',
          name: '综治中心规范化建设',
          max_points: 4,
          evidence_required: true,
          rule: { kind: 'qualitative_grade', grades: [{ grade: '优' }, { grade: '良' }] },
        },
        {
          code: 'G1',
          name: '法治宣传教育落实',
          max_points: 3,
          rule: { kind: 'checklist', items: ['计划', '活动', '台账'] },
        },
        { code: 'H1', name: '综合得分', max_points: 2, formula: 'A1 + A2', rule: null },
        {
          code: 'B01',
          name: '刑事案件立案数同比变化',
          max_points: 5,
          rule: { kind: 'yoy_change', dir: 'lower', measure: 'percent_change' },
        },
        {
          code: 'B03',
          name: '千人刑事案件发案率',
          max_points: 3,
          rule: { kind: 'reference_comparison', ref: 'province_average' },
        },
        { code: 'I04', name: '年度排名变化', max_points: 2, rule: { kind: 'rank_change' } },
      ],
    },
  ],
  vetoes: [{ code: 'V1', name: '政治安全', trigger_fact: 'political_security_incident' }],
  bonus: { items: [{ code: 'X01', name: '见义勇为' }] },
};

// a page of many rows: rendering it takes a few seconds on a busy machine
describe('DataEntryComponent', { timeout: 30_000 }, () => {
  let fixture: ComponentFixture<DataEntryComponent>;
  let component: DataEntryComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  async function render(): Promise<void> {
    await settle(fixture);
  }

  async function setup(
    granted: string[],
    status = 'Draft',
    extra: EntryLineDto[] = [],
  ): Promise<void> {
    TestBed.configureTestingModule({
      imports: [DataEntryComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted, { tenantId: 't1', tenantName: 'lanzhou' });
    fixture = TestBed.createComponent(DataEntryComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    const periods = httpMock.expectOne((r) => r.url === '/api/app/periods');
    expect(periods.request.params.get('Status')).toBe('Open');
    periods.flush([
      {
        id: 'p1',
        schemeId: 's1',
        name: '2026年度考核',
        status: 'Open',
        entryOpensAtLocal: '2026-03-01T09:00',
        entryClosesAtLocal: '2026-03-31T18:00',
      },
    ]);
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition });
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush({
      periodId: 'p1',
      periodStatus: 'Open',
      submissionStatus: status,
      returnComment: status === 'Returned' ? '数据口径有误' : null,
      writable: status === 'Draft' || status === 'Returned',
      factsWritable: status === 'Draft' || status === 'Returned',
      lines: [
        line({
          id: 'l1',
          indicatorCode: 'A1',
          value: { number: 3 },
          reported: true,
          concurrencyStamp: 's1',
        }),
        line({ indicatorCode: 'A2', indicatorName: '群众安全感', unit: '%' }),
        line({
          indicatorCode: 'B1',
          indicatorName: '越级上访',
          ruleKind: 'per_occurrence_deduction',
        }),
        line({
          id: 'l4',
          indicatorCode: 'F1',
          indicatorName: '综治中心规范化建设',
          ruleKind: 'qualitative_grade',
          evidenceRequired: true,
          value: { grade: '良' },
          concurrencyStamp: 's4',
          status: status === 'Returned' ? 'Returned' : 'Draft',
          returnComment: status === 'Returned' ? '请补充照片' : null,
        }),
        line({ indicatorCode: 'G1', indicatorName: '法治宣传教育落实', ruleKind: 'checklist' }),
        line({ indicatorCode: 'H1', indicatorName: '综合得分', ruleKind: 'formula' }),
        ...extra,
      ],
      facts: { vetoFacts: {}, bonusCounts: { X01: 1 }, dataItems: {}, concurrencyStamp: 'f1' },
    });
    await render();
  }

  afterEach(() => httpMock.verify());

  function input(code: string): HTMLInputElement {
    return el.querySelector<HTMLInputElement>(`input[data-code="${code}"]`)!;
  }

  function type(box: HTMLInputElement, text: string): void {
    box.value = text;
    box.dispatchEvent(new Event('input'));
  }

  it('shows one row per line with the input its rule needs', async () => {
    await setup([Permissions.DataEntry.Default]);
    const rows = el.querySelectorAll('[data-testid="entry-table"] tbody tr[data-line]');
    expect(rows).toHaveLength(6);
    expect(input('A1').value).toBe('3');
    expect(input('A2').value).toBe('');
    // occurrences: one count box per type, with the doubling flag
    const counts = el.querySelectorAll('[data-value="B1"] input[data-occurrence]');
    expect(counts).toHaveLength(2);
    expect(el.querySelector('[data-value="B1"]')!.textContent).toContain('到京');
    expect(el.querySelector('[data-value="B1"]')!.textContent).toContain('重大活动安保期间');
    expect(el.querySelector('[data-grade="F1"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-value="G1"] label[data-check]')).toHaveLength(3);
    expect(el.querySelector('[data-value="H1"] [data-testid="entry-computed"]')).not.toBeNull();
    expect(el.textContent).toContain('2026-03-01 09:00 ~ 2026-03-31 18:00');
    // the city admin's submit is hidden from a clerk
    expect(el.querySelector('[data-testid="entry-submit-city"]')).toBeNull();
  });

  it('shows the reference of a line and saves 上年同期值 in its value when no previous period gives it', async () => {
    await setup([Permissions.DataEntry.Default], 'Draft', [
      line({
        id: 'l7',
        indicatorCode: 'B01',
        indicatorName: '刑事案件立案数同比变化',
        ruleKind: 'yoy_change',
        value: { number: 40 },
        concurrencyStamp: 's7',
      }),
      line({
        indicatorCode: 'B03',
        indicatorName: '千人刑事案件发案率',
        ruleKind: 'reference_comparison',
        referenceValue: 2.6,
        referenceSource: 'ProvinceAverage',
      }),
      line({
        indicatorCode: 'I04',
        indicatorName: '年度排名变化',
        ruleKind: 'rank_change',
        referenceValue: 3,
        referenceSource: 'PreviousPeriod',
      }),
    ]);
    const reference = (code: string) =>
      el.querySelector(`[data-value="${code}"] [data-testid="entry-reference"]`)?.textContent ?? '';
    const lastYear = (code: string) =>
      el.querySelector<HTMLInputElement>(`[data-value="${code}"] [data-testid="entry-last-year"]`);
    expect(reference('B03')).toContain('全省平均：2.6');
    expect(lastYear('B03')).toBeNull();
    expect(reference('I04')).toContain('上期数据：3');
    expect(lastYear('I04')).toBeNull(); // the previous period gives it
    expect(reference('B01')).toContain('暂无参考值');
    expect(el.querySelector('[data-value="A1"] [data-testid="entry-reference"]')).toBeNull();

    type(lastYear('B01')!, '50');
    lastYear('B01')!.dispatchEvent(new Event('blur'));
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/B01');
    expect(req.request.body.value).toEqual({ number: 40, lastYearNumber: 50 });
    req.flush(
      line({
        id: 'l7',
        indicatorCode: 'B01',
        ruleKind: 'yoy_change',
        value: { number: 40, lastYearNumber: 50 },
        referenceValue: 50,
        referenceSource: 'Entered',
        concurrencyStamp: 's8',
      }),
    );
    await render();
    expect(reference('B01')).toContain('上年同期值（本市填写）：50');
    expect(lastYear('B01')!.value).toBe('50');
  });

  it('saves a changed value on Enter with the stamp and goes down to the next line', async () => {
    await setup([Permissions.DataEntry.Default]);
    document.body.appendChild(el); // focus needs an attached element
    type(input('A1'), '4.5');
    input('A1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      value: { number: 4.5 },
      note: null,
      unitId: null,
      concurrencyStamp: 's1',
    });
    // like a spreadsheet: down to the next line's value, not across to the note
    expect(document.activeElement).toBe(input('A2'));
    req.flush(
      line({ id: 'l1', indicatorCode: 'A1', value: { number: 4.5 }, concurrencyStamp: 's2' }),
    );
    await render();
    expect(el.querySelector('[data-state="A1"]')!.textContent).toContain('已保存');
    el.remove();

    // leaving a box without a change sends nothing
    input('A2').dispatchEvent(new Event('blur'));
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/A2');
  });

  it('sends occurrences by type with flags, a grade and checklist items', async () => {
    await setup([Permissions.DataEntry.Default]);
    const capital = el.querySelector<HTMLInputElement>(
      '[data-value="B1"] input[data-occurrence="per_capital"]',
    )!;
    type(capital, '2');
    capital.dispatchEvent(new Event('blur'));
    const occ = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/B1');
    expect(occ.request.body.value.occurrences).toEqual([
      { type: 'per_capital', count: 2, flags: [] },
    ]);
    expect(occ.request.body.concurrencyStamp).toBeNull();
    occ.flush(
      line({
        id: 'l3',
        indicatorCode: 'B1',
        ruleKind: 'per_occurrence_deduction',
        value: { occurrences: [{ type: 'per_capital', count: 2, flags: [] }] },
        concurrencyStamp: 'b1',
      }),
    );
    await render();
    component.store.onFlag(component.store.lines()[2], 'per_capital', 'major_event_period', true);
    const flagged = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/B1');
    expect(flagged.request.body.value.occurrences).toEqual([
      { type: 'per_capital', count: 2, flags: ['major_event_period'] },
    ]);
    expect(flagged.request.body.concurrencyStamp).toBe('b1');
    flagged.flush(line({ indicatorCode: 'B1', ruleKind: 'per_occurrence_deduction' }));

    component.store.onGrade(component.store.lines()[3], '优');
    const grade = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/F1');
    expect(grade.request.body.value.grade).toBe('优');
    expect(grade.request.body.concurrencyStamp).toBe('s4');
    grade.flush(line({ id: 'l4', indicatorCode: 'F1', value: { grade: '优' } }));

    component.store.onChecklist(component.store.lines()[4], '台账', true);
    const checklist = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/G1');
    expect(checklist.request.body.value.checklistPresent).toEqual(['台账']);
    checklist.flush(line({ indicatorCode: 'G1', value: { checklistPresent: ['台账'] } }));
  });

  it('shows the server field message beside the value and keeps the input', async () => {
    await setup([Permissions.DataEntry.Default]);
    type(input('A2'), '130');
    input('A2').dispatchEvent(new Event('blur'));
    httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A2').flush(
      {
        title: '填报值无效',
        status: 400,
        errors: { 'value.number': ['百分比须在0到100之间'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(
      el.querySelector('[data-value="A2"] [data-testid="entry-field-error"]')!.textContent,
    ).toContain('百分比须在0到100之间');
    expect(input('A2').value).toBe('130');
  });

  it('on 409 shows the other value, keeps the typed one and overwrites on the next save', async () => {
    await setup([Permissions.DataEntry.Default]);
    type(input('A1'), '7');
    input('A1').dispatchEvent(new Event('blur'));
    httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1').flush(
      {
        title: '数据已被他人修改',
        status: 409,
        current: line({
          id: 'l1',
          indicatorCode: 'A1',
          value: { number: 6 },
          concurrencyStamp: 's9',
        }),
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
    retry.flush(
      line({ id: 'l1', indicatorCode: 'A1', value: { number: 7 }, concurrencyStamp: 's10' }),
    );
    await render();
    expect(el.querySelector('[data-testid="entry-conflict"]')).toBeNull();
  });

  it('the city admin submits the city; missing evidence is shown beside its line', async () => {
    await setup([Permissions.DataEntry.Default, Permissions.DataEntry.Submit]);
    expect(el.querySelector('[data-testid="entry-submit-city"]')).not.toBeNull();
    component.store.workflow.submitCity();
    httpMock.expectOne('/api/app/data-entry/periods/p1/submit').flush(
      {
        title: '缺少佐证材料',
        detail: '以下指标须上传佐证材料：F1',
        status: 400,
        errors: { 'lines.F1.evidence': ['综治中心规范化建设须上传佐证材料'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    expect(el.querySelector('[data-testid="entry-submit-error"]')!.textContent).toContain('F1');
    expect(el.querySelector('[data-testid="entry-evidence-error"]')!.textContent).toContain(
      '须上传佐证材料',
    );
  });

  it('shows the return comments of the sheet and of each returned line', async () => {
    await setup([Permissions.DataEntry.Default], 'Returned');
    expect(el.querySelector('[data-testid="entry-return-comment"]')!.textContent).toContain(
      '数据口径有误',
    );
    expect(el.querySelector('[data-return="F1"]')!.textContent).toContain('请补充照片');
    expect(el.querySelector('[data-status="F1"]')!.textContent).toContain('已退回');
  });

  it('lists every wrong cell of a rejected workbook', async () => {
    await setup([Permissions.DataEntry.Default]);
    component.store.workflow.uploadXlsx(new File(['x'], 'entry.xlsx'));
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/xlsx');
    expect(req.request.method).toBe('POST');
    expect(req.request.body instanceof FormData).toBe(true);
    req.flush(
      { title: '填报表有误', status: 400, errors: { E5: ['不是数字'], E7: ['超出范围'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await render();
    const list = el.querySelector('[data-testid="entry-xlsx-errors"]')!.textContent!;
    expect(list).toContain('E5');
    expect(list).toContain('不是数字');
    expect(list).toContain('E7');
  });

  it('a clerk reports every entered line; a reported line is locked for the clerk', async () => {
    await setup([Permissions.DataEntry.Default]);
    expect(el.querySelector('[data-testid="entry-return-lines"]')).toBeNull();
    component.store.workflow.submitLines(true);
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/submit');
    expect(req.request.body).toEqual({ indicatorCodes: ['A1'] });
    req.flush({
      periodId: 'p1',
      submissionStatus: 'Draft',
      writable: true,
      lines: [
        line({
          id: 'l1',
          indicatorCode: 'A1',
          value: { number: 3 },
          reported: true,
          status: 'UnitSubmitted',
        }),
      ],
    });
    await render();
    expect(el.querySelector('[data-status="A1"]')!.textContent).toContain('已报送');
    expect(input('A1').disabled).toBe(true);
  });

  it('the city administrator returns selected lines with a required comment', async () => {
    await setup([Permissions.DataEntry.Default, Permissions.DataEntry.Submit]);
    component.store.workflow.setSelected(component.store.lines()[0], true);
    component.store.workflow.openReturnLines();
    component.store.workflow.returnLines();
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/return');
    await render();
    expect(document.body.textContent).toContain('请填写退回意见');
    component.store.workflow.returnComment.set('数据来源不清');
    component.store.workflow.returnLines();
    const req = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/return');
    expect(req.request.body).toEqual({ indicatorCodes: ['A1'], comment: '数据来源不清' });
    req.flush({
      periodId: 'p1',
      submissionStatus: 'Draft',
      writable: true,
      lines: [line({ id: 'l1', indicatorCode: 'A1', returnComment: '数据来源不清' })],
    });
    await render();
    expect(el.querySelector('[data-return="A1"]')!.textContent).toContain('数据来源不清');
  });

  it('filters 未填报, 缺佐证 and 被退回, groups by category with a live subtotal and shows the rule', async () => {
    await setup([Permissions.DataEntry.Default], 'Returned', [
      line({
        indicatorCode: 'S1',
        indicatorName: '交办问题整改',
        ruleKind: 'per_occurrence_deduction',
        fromRegister: true,
        reported: true,
        value: { number: 2, occurrences: [{ type: '台账不全', count: 1 }] },
        ruleDescription: '每发生1起扣1分，扣完为止',
      }),
    ]);
    const codes = () =>
      Array.from(el.querySelectorAll('tr[data-line]')).map((r) => r.getAttribute('data-line'));
    const filter = async (f: string) => {
      el.querySelector<HTMLElement>(`[data-filter="${f}"]`)!.click();
      await render();
    };
    expect(el.querySelector('[data-filter="unreported"]')!.textContent).toContain('未填报 (5)');
    await filter('unreported');
    expect(codes()).toEqual(['A2', 'B1', 'F1', 'G1', 'H1']);
    await filter('missingEvidence');
    expect(codes()).toEqual(['F1']);
    await filter('returned');
    expect(codes()).toEqual(['F1']);
    await filter('all');
    expect(codes()).toHaveLength(7);

    // one heading a category, its subtotal following what is typed
    expect(el.querySelector('[data-group="A"]')!.textContent).toContain('政治安全');
    expect(el.querySelector('[data-subtotal="A"]')!.textContent).toContain('/ 30 分');
    // the rule and the need of evidence are on the line, not only on hover; a fed line says its source
    expect(el.querySelector('[data-rule="S1"]')!.textContent).toContain('每发生1起扣1分');
    expect(el.querySelector('[data-evidence-required="F1"]')!.textContent).toContain('须佐证');
    expect(el.querySelector('[data-from-register="S1"]')!.textContent).toContain(
      '来自督导问题台账',
    );
    expect(el.querySelector<HTMLInputElement>('[data-value="S1"] input')!.disabled).toBe(true);
  });

  it('pastes a column copied from Excel into the values line by line, with a message per refused line', async () => {
    await setup([Permissions.DataEntry.Default]);
    const paste = new Event('paste', { cancelable: true });
    Object.defineProperty(paste, 'clipboardData', {
      value: { getData: () => '4\r\n95.5%\r\n2\r\n优\r\n' },
    });
    input('A1').dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);

    const a1 = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(a1.request.body.value).toEqual({ number: 4 });
    const a2 = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A2');
    expect(a2.request.body.value).toEqual({ number: 95.5 });
    // B1 takes counts by type: no single number for it
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/B1');
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/F1');
    await render();
    expect(el.querySelector('[data-paste-error="B1"]')!.textContent).toContain('本指标不填数值');
    expect(el.querySelector('[data-paste-error="F1"]')!.textContent).toContain('“优”');
    a1.flush(line({ id: 'l1', indicatorCode: 'A1', value: { number: 4 }, concurrencyStamp: 's2' }));
    a2.flush(
      line({ id: 'l2', indicatorCode: 'A2', value: { number: 95.5 }, concurrencyStamp: 't1' }),
    );
  });

  it('Enter on a checklist line goes down to the next line; leaving with an unsaved value asks first', async () => {
    await setup([Permissions.DataEntry.Default], 'Draft', [
      line({ indicatorCode: 'Z1', indicatorName: '平台事件按时处置率' }),
    ]);
    document.body.appendChild(el);
    // from the count of B1 down to the grade of F1, reachable by keyboard
    input('B1').focus();
    input('B1').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(document.activeElement).toBe(el.querySelector('[data-value="F1"] input'));
    // from a checklist item down past the computed H1 to Z1's value
    const check = el.querySelector<HTMLInputElement>('[data-value="G1"] input')!;
    check.focus();
    check.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(document.activeElement).toBe(input('Z1'));
    el.remove();

    expect(component.hasUnsavedChanges()).toBe(false);
    type(input('A2'), 'abc');
    expect(component.hasUnsavedChanges()).toBe(true);
    const leave = TestBed.runInInjectionContext(() =>
      unsavedChangesGuard(component, null!, null!, null!),
    ) as Promise<boolean>;
    await render();
    expect(document.body.textContent).toContain('有未保存的修改');
    document
      .querySelector<HTMLElement>('.ant-modal-confirm-btns .ant-btn:not(.ant-btn-dangerous)')!
      .click();
    expect(await leave).toBe(false);
  });
});
