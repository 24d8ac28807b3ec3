import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { pageProviders, signIn } from '@testing/page-setup';
import { DataEntryStore } from './data-entry.store';

function line(overrides: Partial<EntryLineDto>): EntryLineDto {
  return {
    id: null,
    periodId: 'p1',
    indicatorCode: 'A1',
    indicatorName: '万人刑事案件数',
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

const PERIODS = [
  { id: 'p1', schemeId: 's1', name: '2026年度考核', status: 'Open' },
  { id: 'p2', schemeId: 's1', name: '2026年上半年', status: 'Open' },
];

describe('DataEntryStore', () => {
  let store: DataEntryStore;
  let httpMock: HttpTestingController;

  function setup(granted: string[] = [Permissions.DataEntry.Default], lines?: EntryLineDto[]) {
    TestBed.configureTestingModule({
      providers: pageProviders(DataEntryStore),
    });
    httpMock = signIn(granted, { tenantId: 't1', tenantName: 'lanzhou' });
    store = TestBed.inject(DataEntryStore);
    store.load();
    httpMock.expectOne((r) => r.url === '/api/app/periods').flush(PERIODS);
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush({
      periodId: 'p1',
      submissionStatus: 'Draft',
      writable: true,
      runningTotal: 4,
      maxTotal: 100,
      lines: lines ?? [
        line({
          id: 'l1',
          indicatorCode: 'A1',
          value: { number: 3 },
          reported: true,
          concurrencyStamp: 's1',
          points: 4,
          explanation: '3 高于目标值，得4分',
        }),
        line({ indicatorCode: 'A2', points: 0, explanation: '未填报' }),
      ],
    });
  }

  afterEach(() => {
    vi.useRealTimers();
    httpMock.verify();
  });

  const preview = (code: string) => `/api/app/data-entry/periods/p1/lines/${code}/preview`;

  it('picks the first open period and reads its scheme and sheet', () => {
    setup();
    expect(store.periodId()).toBe('p1');
    expect(store.selected()?.name).toBe('2026年度考核');
    expect(store.lines().map((l) => l.indicatorCode)).toEqual(['A1', 'A2']);
    expect(store.writable()).toBe(true);
  });

  it('keeps a number exactly as typed and sends nothing when it equals the stored one', () => {
    setup();
    const a1 = store.lines()[0];
    store.onNumber(a1, '3.0');
    expect(store.drafts.text(a1, 'number', 3)).toBe('3.0');
    store.save(a1);
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/A1');
  });

  it('saves one line at a time and saves a change made during a save when it returns', () => {
    setup();
    store.onNumber(store.lines()[0], '4');
    store.save(store.lines()[0]);
    const first = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(store.drafts.states()['A1']).toEqual({ kind: 'saving' });

    store.onNumber(store.lines()[0], '5');
    store.save(store.lines()[0]);
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/A1');

    first.flush(line({ id: 'l1', value: { number: 4 }, concurrencyStamp: 's2' }));
    const second = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(second.request.body.value).toEqual({ number: 5 });
    expect(second.request.body.concurrencyStamp).toBe('s2');
    second.flush(line({ id: 'l1', value: { number: 5 }, concurrencyStamp: 's3' }));
    expect(store.drafts.states()['A1']).toEqual({ kind: 'saved' });
    expect(store.drafts.drafts()['A1']).toBeUndefined();
    expect(store.lines()[0].value).toEqual({ number: 5 });
  });

  it('on a conflict keeps the draft, shows the other value and overwrites with the new stamp', () => {
    setup();
    store.onNumber(store.lines()[0], '7');
    store.save(store.lines()[0]);
    httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1').flush(
      {
        status: 409,
        title: '数据已被他人修改',
        current: line({ id: 'l1', value: { number: 6 }, concurrencyStamp: 's9' }),
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(store.drafts.states()['A1']).toEqual({ kind: 'conflict', otherValue: '6' });
    expect(store.drafts.conflictValue(store.lines()[0])).toBe('6');
    expect(store.drafts.value(store.lines()[0]).number).toBe(7);

    store.save(store.lines()[0]);
    const retry = httpMock.expectOne('/api/app/data-entry/periods/p1/lines/A1');
    expect(retry.request.body.concurrencyStamp).toBe('s9');
    retry.flush(line({ id: 'l1', value: { number: 7 }, concurrencyStamp: 's10' }));
    expect(store.drafts.states()['A1']).toEqual({ kind: 'saved' });
  });

  it('keeps the host messages by field; a saved line drops them but the evidence one', () => {
    setup();
    store.workflow.submitCity();
    httpMock.expectOne('/api/app/data-entry/periods/p1/submit').flush(
      {
        status: 400,
        title: '缺少佐证材料',
        errors: { 'lines.A1.evidence': ['须上传佐证材料'], 'lines.A1': ['须填写'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    const a1 = store.lines()[0];
    expect(store.workflow.submitError()).toBe('缺少佐证材料');
    expect(store.drafts.fieldError(a1, 'value')).toBe('须填写');
    expect(store.drafts.fieldError(a1, 'evidence')).toBe('须上传佐证材料');

    store.onNumber(a1, '2');
    store.save(a1);
    httpMock
      .expectOne('/api/app/data-entry/periods/p1/lines/A1')
      .flush(line({ id: 'l1', value: { number: 2 }, concurrencyStamp: 's2' }));
    expect(store.drafts.fieldError(a1, 'value')).toBeNull();
    expect(store.drafts.fieldError(a1, 'evidence')).toBe('须上传佐证材料');

    store.onNumber(store.lines()[0], '200');
    store.save(store.lines()[0]);
    httpMock
      .expectOne('/api/app/data-entry/periods/p1/lines/A1')
      .flush(
        { status: 400, title: '填报值无效', errors: { 'value.number': ['超出范围'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(store.drafts.fieldError(a1, 'value')).toBe('超出范围');
    expect(store.drafts.stateMessage(a1)).toBe('填报值无效');
  });

  it('drops drafts, selection and messages when another period is picked', () => {
    setup();
    store.onNumber(store.lines()[1], '9');
    store.workflow.setSelected(store.lines()[0], true);
    store.pick('p2');
    expect(store.drafts.drafts()).toEqual({});
    expect(store.workflow.selectedCodes().size).toBe(0);
    expect(store.sheet()).toBeNull();
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });
    httpMock
      .expectOne('/api/app/data-entry/periods/p2')
      .flush({ periodId: 'p2', writable: true, lines: [line({ periodId: 'p2' })] });
    expect(store.selected()?.name).toBe('2026年上半年');
    expect(store.lines()).toHaveLength(1);
  });

  it('lets only the city administrator change a line reported by its unit, and nobody a submitted one', () => {
    const lines = [
      line({ indicatorCode: 'A1', status: 'UnitSubmitted', reported: true }),
      line({ indicatorCode: 'A2', status: 'Submitted', reported: true }),
      line({ indicatorCode: 'A3', status: 'Returned', reported: true }),
    ];
    setup([Permissions.DataEntry.Default], lines);
    expect(store.lines().map((l) => store.editable(l))).toEqual([false, false, true]);
    expect(store.reportable().map((l) => l.indicatorCode)).toEqual(['A3']);
    expect(store.returnedLines().map((l) => l.indicatorCode)).toEqual(['A3']);

    TestBed.resetTestingModule();
    setup([Permissions.DataEntry.Default, Permissions.DataEntry.Submit], lines);
    expect(store.lines().map((l) => store.editable(l))).toEqual([true, false, true]);
  });

  it('gives a rejected workbook without cell errors one general message', () => {
    setup();
    store.workflow.uploadXlsx(new File(['x'], 'entry.xlsx'));
    expect(store.workflow.xlsxBusy()).toBe(true);
    httpMock
      .expectOne('/api/app/data-entry/periods/p1/xlsx')
      .flush(
        { status: 400, title: '不是有效的填报表' },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(store.workflow.xlsxBusy()).toBe(false);
    expect(store.workflow.xlsxErrors()).toEqual([{ cell: '', message: '不是有效的填报表' }]);
  });

  it('asks for a comment before returning lines and reports nothing when none is selected', () => {
    setup([Permissions.DataEntry.Default, Permissions.DataEntry.Submit]);
    store.workflow.openReturnLines();
    expect(store.workflow.returnOpen()).toBe(false);
    store.workflow.submitLines(false);
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/submit');

    store.workflow.setSelected(store.lines()[0], true);
    store.workflow.openReturnLines();
    expect(store.workflow.returnOpen()).toBe(true);
    store.workflow.returnLines();
    expect(store.workflow.returnCommentError()).toBe('请填写退回意见');
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/return');
  });

  it('shows the points of the saved values and the running total before anything is typed', () => {
    setup();
    expect(store.scores.total()).toBe(4);
    expect(store.scores.maxTotal()).toBe(100);
    expect(store.scores.of(store.lines()[0])).toEqual({
      points: 4,
      maxPoints: 5,
      explanation: '3 高于目标值，得4分',
      status: 'Scored',
    });
    expect(store.scores.of(store.lines()[1]).status).toBe('Unreported');
  });

  it('scores a typed value once typing pauses, cancels a stale request and follows the total', () => {
    vi.useFakeTimers();
    setup();
    const a1 = store.lines()[0];
    store.onNumber(a1, '1');
    vi.advanceTimersByTime(100);
    store.onNumber(a1, '2');
    vi.advanceTimersByTime(299);
    httpMock.expectNone(preview('A1'));
    vi.advanceTimersByTime(1);
    const first = httpMock.expectOne(preview('A1'));
    expect(first.request.method).toBe('POST');
    expect(first.request.body).toEqual({ value: { number: 2 } });

    // A newer value cancels the request still on its way.
    store.onNumber(a1, '5');
    vi.advanceTimersByTime(300);
    expect(first.cancelled).toBe(true);
    httpMock.expectOne(preview('A1')).flush({
      indicatorCode: 'A1',
      points: 5,
      maxPoints: 5,
      status: 'Scored',
      explanation: '5 达到目标值，得满分',
      total: 5,
    });
    expect(store.scores.of(store.lines()[0])).toEqual({
      points: 5,
      maxPoints: 5,
      explanation: '5 达到目标值，得满分',
      status: 'Scored',
    });
    expect(store.scores.total()).toBe(5);
    httpMock.expectNone('/api/app/data-entry/periods/p1/lines/A1');
  });

  it('scores each line on its own and keeps the total of the latest value typed', () => {
    vi.useFakeTimers();
    setup();
    store.onNumber(store.lines()[0], '2');
    store.onNumber(store.lines()[1], '8');
    vi.advanceTimersByTime(300);
    const a1 = httpMock.expectOne(preview('A1'));
    const a2 = httpMock.expectOne(preview('A2'));
    a2.flush({ indicatorCode: 'A2', points: 3, maxPoints: 5, status: 'Scored', total: 7 });
    a1.flush({ indicatorCode: 'A1', points: 2, maxPoints: 5, status: 'Scored', total: 6 });
    expect(store.scores.of(store.lines()[0]).points).toBe(2);
    expect(store.scores.of(store.lines()[1]).points).toBe(3);
    expect(store.scores.total()).toBe(7);
  });

  it('shows no points for a value the host refuses, and drops typed points with the sheet', () => {
    vi.useFakeTimers();
    setup();
    store.onNumber(store.lines()[0], '200');
    vi.advanceTimersByTime(300);
    httpMock
      .expectOne(preview('A1'))
      .flush(
        { status: 400, title: '填报值无效', errors: { 'value.number': ['超出范围'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(store.scores.of(store.lines()[0])).toEqual({
      points: null,
      maxPoints: 5,
      explanation: '',
      status: 'Invalid',
    });
    expect(store.scores.total()).toBe(4);

    // A value typed just before another period is picked is not scored against the new sheet.
    store.onNumber(store.lines()[1], '7');
    store.pick('p2');
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });
    httpMock.expectOne('/api/app/data-entry/periods/p2').flush({
      periodId: 'p2',
      writable: true,
      runningTotal: 9,
      lines: [line({ periodId: 'p2' })],
    });
    vi.advanceTimersByTime(300);
    httpMock.expectOne(preview('A2')).flush({ indicatorCode: 'A2', points: 1, total: 99 });
    expect(store.scores.total()).toBe(9);
  });
});
