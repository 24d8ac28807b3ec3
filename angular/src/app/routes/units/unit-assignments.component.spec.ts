import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { APP_ICONS } from '@core/icons';
import { agreementDto } from '../agreements/agreement-fixtures';
import { UnitAssignmentsComponent } from './unit-assignments.component';
import { assignmentBody } from './unit-assignments';

const AGREEMENT = agreementDto({
  id: 'a1',
  status: 'InForce',
  lines: [
    { code: 'A.1', name: '群众安全感', assignedUnitId: 'u1' },
    { code: 'A.2', name: '命案破案率' },
  ],
  keyTasks: [{ code: 'T1', task: '网格化服务管理' }],
});

describe('UnitAssignmentsComponent', () => {
  let fixture: ComponentFixture<UnitAssignmentsComponent>;
  let component: UnitAssignmentsComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [UnitAssignmentsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UnitAssignmentsComponent);
    fixture.componentRef.setInput('units', [{ id: 'u1', name: '城关区', children: [] }]);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('opens the agreement in force and saves every line and task with its unit', async () => {
    httpMock
      .expectOne((r) => r.url === '/api/app/agreements')
      .flush({
        items: [
          agreementDto({ id: 'old', status: 'Superseded' }),
          agreementDto({ id: 'a0', status: 'Issued' }),
          agreementDto({ id: 'a1', status: 'InForce' }),
        ],
      });
    httpMock.expectOne('/api/app/agreements/a1').flush(AGREEMENT);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(component.agreements().map((a) => a.id)).toEqual(['a1', 'a0']);
    expect(el.querySelectorAll('[data-testid="assign-table"] tbody tr.ant-table-row')).toHaveLength(
      3,
    );

    component.setUnit('task:T1', 'u1');
    component.save();
    const req = httpMock.expectOne('/api/app/agreements/a1/assignments');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      lines: [
        { code: 'A.1', unitId: 'u1' },
        { code: 'A.2', unitId: null },
      ],
      keyTasks: [{ code: 'T1', unitId: 'u1' }],
    });
    req.flush(AGREEMENT);
    expect(component.picked()).toEqual({});
  });

  it("keeps the picks and shows the host's message when a unit was closed meanwhile", async () => {
    httpMock.expectOne((r) => r.url === '/api/app/agreements').flush({ items: [AGREEMENT] });
    httpMock.expectOne('/api/app/agreements/a1').flush(AGREEMENT);
    component.setUnit('line:A.2', 'u1');
    component.save();
    httpMock
      .expectOne('/api/app/agreements/a1/assignments')
      .flush(
        { title: '单位“城关区”已撤销，不能再修改或分配。' },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.textContent).toContain('已撤销，不能再修改或分配');
    expect(component.picked()).toEqual({ 'line:A.2': 'u1' });
  });
});

describe('UnitAssignmentsComponent bulk hand-out', () => {
  it('hands the ticked lines and tasks to one unit in one request, then takes them back', async () => {
    TestBed.configureTestingModule({
      imports: [UnitAssignmentsComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    const httpMock = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UnitAssignmentsComponent);
    fixture.componentRef.setInput('units', [
      { id: 'u1', name: '城关区', children: [{ id: 'u2', name: '东岗街道', children: [] }] },
    ]);
    const component = fixture.componentInstance;
    const el: HTMLElement = fixture.nativeElement;
    fixture.detectChanges();
    httpMock.expectOne((r) => r.url === '/api/app/agreements').flush({ items: [AGREEMENT] });
    httpMock.expectOne('/api/app/agreements/a1').flush(AGREEMENT);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const apply = () => el.querySelector<HTMLButtonElement>('[data-testid="assign-bulk-apply"]')!;
    expect(apply().disabled).toBe(true);
    el.querySelector<HTMLElement>('[data-testid="assign-check-line:A.2"] input')!.click();
    el.querySelector<HTMLElement>('[data-testid="assign-check-task:T1"] input')!.click();
    component.bulkUnit.set('u2');
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="assign-bulk"]')!.textContent).toContain('已选 2 项');
    apply().click();

    const req = httpMock.expectOne('/api/app/agreements/a1/assignments');
    expect(req.request.body).toEqual({
      lines: [
        { code: 'A.1', unitId: 'u1' },
        { code: 'A.2', unitId: 'u2' },
      ],
      keyTasks: [{ code: 'T1', unitId: 'u2' }],
    });
    req.flush(AGREEMENT);
    expect(component.checked().size).toBe(0);

    // Everything ticked at once, back to the city.
    component.checkAll(true);
    component.bulkUnit.set('__city__');
    component.assignChecked();
    expect(httpMock.expectOne('/api/app/agreements/a1/assignments').request.body).toEqual({
      lines: [
        { code: 'A.1', unitId: null },
        { code: 'A.2', unitId: null },
      ],
      keyTasks: [{ code: 'T1', unitId: null }],
    });
    httpMock.verify();
  });
});

describe('assignment body', () => {
  it('clears a unit picked as none', () => {
    expect(assignmentBody(AGREEMENT, { 'line:A.1': null }).lines![0]).toEqual({
      code: 'A.1',
      unitId: null,
    });
  });
});
