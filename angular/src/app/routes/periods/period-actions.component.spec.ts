import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { pageProviders, settle } from '@testing/page-setup';
import { PeriodsPeriodDto as PeriodDto } from '@api/models';
import { registerZorroLocaleData } from '@shared/locale-data';
import { PeriodAction, PeriodActionsComponent } from './period-actions.component';

const period: PeriodDto = { id: 'p1', schemeId: 's1', name: '2026年9月', status: 'Locked' };

describe('PeriodActionsComponent', () => {
  let fixture: ComponentFixture<PeriodActionsComponent>;
  let component: PeriodActionsComponent;
  let httpMock: HttpTestingController;
  let changed: number;
  let closed: number;

  const render = (): Promise<void> => settle(fixture);

  async function open(action: PeriodAction, p: PeriodDto = period): Promise<void> {
    registerZorroLocaleData();
    TestBed.configureTestingModule({
      imports: [PeriodActionsComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PeriodActionsComponent);
    component = fixture.componentInstance;
    changed = 0;
    closed = 0;
    component.changed.subscribe(() => changed++);
    component.closed.subscribe(() => closed++);
    fixture.componentRef.setInput('period', p);
    fixture.componentRef.setInput('action', action);
    fixture.detectChanges();
    httpMock.expectOne('/api/app/reviews/periods/p1/submissions').flush([
      { cityId: 'c1', cityName: '兰州市', status: 'Approved' },
      { cityId: 'c2', cityName: '天水市', status: 'Draft' },
    ]);
    await render();
  }

  afterEach(() => httpMock.verify());

  it('publish shows how many cities are approved and publishes on OK', async () => {
    await open('publish');
    const summary = document.body.querySelector('[data-testid="publish-summary"]')!;
    expect(summary.textContent).toContain('已审核通过 1 / 2 个城市');
    expect(document.body.textContent).toContain('天水市');
    // The window has closed: no early-close reason is asked, only the reason 天水 is left out.
    expect(document.body.querySelector('[data-testid="publish-early-close-reason"]')).toBeNull();
    component.leftOutArray.at(0).setValue({ reason: '未按期报送' });
    component.ok();
    const req = httpMock.expectOne('/api/app/results/periods/p1/publish');
    expect(req.request.body).toEqual({
      earlyCloseReason: null,
      leftOut: [{ cityId: 'c2', reason: '未按期报送' }],
    });
    req.flush([{ cityId: 'c1' }]);
    expect(changed).toBe(1);
    expect(closed).toBe(1);
  });

  it('publishing before the window closes needs an early-close reason and a reason per city left out', async () => {
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    await open('publish', {
      ...period,
      status: 'Open',
      entryClosesAt: closesAt,
      entryClosesAtLocal: '2099-01-01T18:00',
    });
    expect(
      document.body.querySelector('[data-testid="publish-early-close-reason"]'),
    ).not.toBeNull();
    expect(document.body.querySelectorAll('[data-testid="publish-left-out-reason"]').length).toBe(
      1,
    );
    expect(document.body.textContent).toContain('天水市 未参评原因');
    component.ok();
    httpMock.expectNone('/api/app/results/periods/p1/publish');

    component.publishForm.controls.earlyCloseReason.setValue('省委决定提前发布');
    component.ok();
    httpMock.expectNone('/api/app/results/periods/p1/publish');

    component.leftOutArray.at(0).setValue({ reason: '数据核查中' });
    component.ok();
    const req = httpMock.expectOne('/api/app/results/periods/p1/publish');
    expect(req.request.body).toEqual({
      earlyCloseReason: '省委决定提前发布',
      leftOut: [{ cityId: 'c2', reason: '数据核查中' }],
    });
    req.flush([]);
    expect(closed).toBe(1);
  });

  it('withdrawing the publication needs a reason', async () => {
    await open('withdrawPublication', { ...period, status: 'Published' });
    component.ok();
    httpMock.expectNone('/api/app/results/periods/p1/withdraw-publication');
    component.publicationForm.setValue({ reason: '发布范围有误' });
    component.ok();
    const req = httpMock.expectOne('/api/app/results/periods/p1/withdraw-publication');
    expect(req.request.body).toEqual({ reason: '发布范围有误' });
    req.flush({ id: 'p1', status: 'Locked' });
    expect(changed).toBe(1);
    expect(closed).toBe(1);
  });

  it('lists lock exceptions with unit names and creates one in Beijing time with the reason beside its field', async () => {
    await open('exceptions');
    httpMock.expectOne('/api/app/periods/p1/lock-exceptions').flush([
      { id: 'x1', cityId: 'c2', reason: '系统故障', deadlineLocal: '2026-12-01T18:00' },
      { id: 'x2', cityId: 'c2', unitId: 'u9', reason: '断网', deadlineLocal: '2026-12-02T18:00' },
    ]);
    // The unit names of the list come from the city's units.
    httpMock
      .expectOne('/api/app/periods/p1/cities/c2/units')
      .flush([{ id: 'u9', name: '公安局', path: '麦积区 / 公安局' }]);
    await render();
    const table = document.body.querySelector('[data-testid="exception-table"]')!;
    expect(table.textContent).toContain('天水市');
    const units = [...table.querySelectorAll('[data-testid="exception-unit-name"]')].map((td) =>
      td.textContent?.trim(),
    );
    expect(units).toEqual(['全市', '麦积区 / 公安局']);
    expect(table.textContent).not.toContain('u9');
    component.ok();
    httpMock.expectNone('/api/app/periods/p1/lock-exceptions');
    expect(component.exceptionForm.controls.reason.errors).toEqual({ required: true });

    component.exceptionForm.setValue({
      cityId: 'c2',
      unitId: null,
      reason: '系统故障补报',
      deadline: new Date(2026, 11, 5, 18, 0),
    });
    component.ok();
    const req = httpMock.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/app/periods/p1/lock-exceptions',
    );
    expect(req.request.body).toEqual({
      cityId: 'c2',
      unitId: null,
      reason: '系统故障补报',
      deadline: '2026-12-05T18:00:00',
    });
    req.flush(
      { title: '截止时间已过', status: 400, errors: { Deadline: ['截止时间须晚于现在'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(component.exceptionForm.controls.deadline.errors?.['server']).toBe('截止时间须晚于现在');
  });

  it("offers the chosen city's units and sends the chosen unit", async () => {
    await open('exceptions');
    httpMock.expectOne('/api/app/periods/p1/lock-exceptions').flush([]);
    await render();
    const unitSelect = () =>
      document.body.querySelector('[data-testid="exception-unit"]') as HTMLElement;
    expect(unitSelect().classList).toContain('ant-select-disabled');

    component.exceptionForm.controls.cityId.setValue('c1');
    httpMock.expectOne('/api/app/periods/p1/cities/c1/units').flush([
      { id: 'u1', name: '城关区', path: '城关区' },
      { id: 'u2', name: '政法委', path: '城关区 / 政法委' },
    ]);
    await render();
    expect(unitSelect().classList).not.toContain('ant-select-disabled');
    expect(unitSelect().textContent).toContain('全市');
    unitSelect().click();
    await render();
    const options = [...document.body.querySelectorAll('.ant-select-item-option')].map((o) =>
      o.textContent?.trim(),
    );
    expect(options).toEqual(['城关区', '城关区 / 政法委']);

    component.exceptionForm.patchValue({
      unitId: 'u2',
      reason: '系统故障补报',
      deadline: new Date(2026, 11, 5, 18, 0),
    });
    component.ok();
    const req = httpMock.expectOne(
      (r) => r.method === 'POST' && r.url === '/api/app/periods/p1/lock-exceptions',
    );
    expect(req.request.body).toEqual({
      cityId: 'c1',
      unitId: 'u2',
      reason: '系统故障补报',
      deadline: '2026-12-05T18:00:00',
    });
    req.flush(
      { title: '单位不属于该城市', status: 400, errors: { UnitId: ['未找到该单位'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(component.exceptionForm.controls.unitId.errors?.['server']).toBe('未找到该单位');
    expect(component.exceptionForm.controls.unitId.value).toBe('u2');

    // Another city clears the unit and asks for that city's units.
    component.exceptionForm.controls.cityId.setValue('c2');
    httpMock.expectOne('/api/app/periods/p1/cities/c2/units').flush([]);
    expect(component.exceptionForm.controls.unitId.value).toBeNull();
  });

  it('a retroactive veto names the veto and a reason and reports the new version', async () => {
    await open('veto', { ...period, status: 'Published' });
    httpMock.expectOne('/api/app/schemes/s1').flush({
      id: 's1',
      definition: { vetoes: [{ code: 'V4', name: '重大群体性事件' }] },
    });
    expect(component.vetoes().map((v) => v.code)).toEqual(['V4']);
    component.vetoForm.setValue({ cityId: 'c1', vetoCode: 'V4', reason: '核查发现瞒报' });
    component.ok();
    const req = httpMock.expectOne('/api/app/results/periods/p1/cities/c1/retroactive-veto');
    expect(req.request.body).toEqual({ vetoCode: 'V4', reason: '核查发现瞒报' });
    req.flush({ cityName: '兰州市', version: 2 });
    expect(changed).toBe(1);
  });

  it('withdrawing an approval offers only approved cities and needs a reason', async () => {
    await open('withdraw', { ...period, status: 'Published' });
    expect(component.approved().map((s) => s.cityName)).toEqual(['兰州市']);
    component.withdrawForm.setValue({ cityId: 'c1', reason: '' });
    component.ok();
    httpMock.expectNone('/api/app/results/periods/p1/cities/c1/withdraw-approval');
    component.withdrawForm.patchValue({ reason: '材料造假' });
    component.ok();
    const req = httpMock.expectOne('/api/app/results/periods/p1/cities/c1/withdraw-approval');
    expect(req.request.body).toEqual({ reason: '材料造假' });
    req.flush({ cityName: '兰州市', version: 3 });
    expect(closed).toBe(1);
  });

  it('publishing in public notice sends the appeal days', async () => {
    await open('publish');
    component.leftOutArray.at(0).setValue({ reason: '未按期报送' });
    component.publishForm.patchValue({ staged: true, appealDays: 7 });
    component.ok();
    const req = httpMock.expectOne('/api/app/results/periods/p1/publish');
    expect(req.request.body).toEqual({
      earlyCloseReason: null,
      leftOut: [{ cityId: 'c2', reason: '未按期报送' }],
      appealDays: 7,
    });
    req.flush([]);
    expect(closed).toBe(1);
  });

  it('making the results final during the notice closes it early with a reason first', async () => {
    await open('finalize', { ...period, status: 'Published' });
    httpMock.expectOne('/api/app/appeals/periods/p1/publicity').flush({
      staged: true,
      acceptsAppeals: true,
      endsAtLocal: '2026-12-06 10:00',
      openAppeals: 0,
    });
    await render();
    expect(document.body.textContent).toContain('2026-12-06 10:00');
    component.ok();
    httpMock.expectNone('/api/app/appeals/periods/p1/publicity/close');
    component.finalizeForm.setValue({ reason: '各市均无异议' });
    component.ok();
    const close = httpMock.expectOne('/api/app/appeals/periods/p1/publicity/close');
    expect(close.request.body).toEqual({ reason: '各市均无异议' });
    close.flush({ staged: true, acceptsAppeals: false });
    httpMock.expectOne('/api/app/results/periods/p1/finalize').flush({ id: 'p1' });
    expect(changed).toBe(1);
    expect(closed).toBe(1);
  });
});
