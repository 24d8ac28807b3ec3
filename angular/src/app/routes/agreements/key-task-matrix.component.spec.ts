import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { KeyTaskMatrixComponent, matrixColumns } from './key-task-matrix.component';
import { pageProviders } from '@testing/page-setup';

const MATRIX = {
  year: 2026,
  cities: [
    {
      cityId: 'c1',
      cityName: '兰州市',
      agreementId: 'a1',
      version: 1,
      tasks: [
        { code: 'T1', task: '网格化管理', percent: 100, status: 'Done' },
        { code: 'T2', task: '矛盾纠纷化解', percent: 20, status: 'Overdue' },
      ],
      counts: { Done: 1, Overdue: 1, InProgress: 0, NotStarted: 0 },
    },
    { cityId: 'c2', cityName: '天水市', agreementId: null, tasks: [], counts: {} },
  ],
};

describe('KeyTaskMatrixComponent', () => {
  let fixture: ComponentFixture<KeyTaskMatrixComponent>;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [KeyTaskMatrixComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(KeyTaskMatrixComponent);
    fixture.componentRef.setInput('initialYear', 2026);
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('shows cities × key tasks with progress and the overdue flag', async () => {
    httpMock.expectOne('/api/app/agreements/key-task-matrix?year=2026').flush(MATRIX);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const header = Array.from(el.querySelectorAll('thead th')).map((th) => th.textContent!.trim());
    expect(header.slice(0, 3)).toEqual(['城市', 'T1', 'T2']);
    const rows = el.querySelectorAll('tbody tr.ant-table-row');
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector('[data-status="Overdue"]')!.textContent).toContain('逾期');
    expect(rows[0].querySelector('[data-status="Done"]')!.textContent).not.toContain('逾期');
    expect(rows[1].textContent).toContain('尚无生效的责任书');
  });

  it("shows the host's message when the matrix cannot be read", async () => {
    httpMock
      .expectOne('/api/app/agreements/key-task-matrix?year=2026')
      .flush(
        { title: '只有省级用户可以查看各市重点任务汇总。' },
        { status: 403, statusText: 'Forbidden' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('只有省级用户可以查看');
  });
});

describe('key-task matrix columns', () => {
  it('columns are every task code once, in first-seen order', () => {
    expect(
      matrixColumns([{ tasks: [{ code: 'T2' }] }, { tasks: [{ code: 'T1' }, { code: 'T2' }] }]).map(
        (c) => c.code,
      ),
    ).toEqual(['T2', 'T1']);
  });
});
