import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { AuditingAuditLogDto as AuditLogDto } from '@api/models';
import { ZorroSetupService } from '@shared/zorro-setup.service';
import { pageProviders } from '@testing/page-setup';
import { AuditLogListComponent, changeTypeName, statusColor } from './audit-log-list.component';

const LOGS: AuditLogDto[] = [
  {
    id: 'l1',
    userName: 'admin',
    tenantId: null,
    httpMethod: 'PUT',
    url: '/api/app/tenants/t1',
    httpStatusCode: 200,
    executionDuration: 35,
    executionTime: '2026-11-22T08:00:00Z',
    event: '管理员 于 2026-11-22 16:00 修改试点城市：试点城市 兰州市 的名称由 “兰州” 改为 “兰州市”',
    exception: null,
    impersonatorTenantId: null,
    entityChanges: [
      {
        entityTypeFullName: 'PilotAssessment.Tenants.Tenant',
        entityId: 't1',
        changeType: 'Updated',
        propertyChanges: [
          { propertyName: 'DisplayName', originalValue: '"兰州"', newValue: '"兰州市"' },
        ],
      },
    ],
  },
  {
    id: 'l2',
    userName: 'official',
    tenantId: 'c2',
    impersonatorTenantId: 'c2',
    httpMethod: 'GET',
    url: '/api/app/agreements',
    httpStatusCode: 200,
    executionDuration: 12,
    executionTime: '2026-11-22T08:05:00Z',
    exception: null,
    entityChanges: [],
  },
];

describe('AuditLogListComponent', () => {
  let fixture: ComponentFixture<AuditLogListComponent>;
  let component: AuditLogListComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [AuditLogListComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    // as in the app, where the layout sets up ng-zorro (icons, locale data for the date picker)
    TestBed.inject(ZorroSetupService);
    fixture = TestBed.createComponent(AuditLogListComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock
      .expectOne((r) => r.url === '/api/app/audit-logs')
      .flush({ totalCount: 2, items: LOGS });
    httpMock
      .expectOne((r) => r.url === '/api/account/tenants')
      .flush([
        { id: 'c1', name: '兰州', displayName: '兰州市', isActive: true },
        { id: 'c2', name: '天水', displayName: '天水市', isActive: true },
      ]);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('shows each log as its event and result, in Beijing time, not as a route', () => {
    const row = el.querySelector('tbody tr') as HTMLElement;
    expect(row.querySelector('[data-testid="audit-event"]')?.textContent).toContain(
      '修改试点城市：试点城市 兰州市 的名称由 “兰州” 改为 “兰州市”',
    );
    expect(row.textContent).toContain('2026-11-22 16:00');
    expect(row.textContent).toContain('完成');
    expect(row.textContent).not.toContain('/api/app/tenants');
  });

  it('sends the filters as query parameters from the first page', () => {
    const start = new Date('2026-11-01T00:00:00Z');
    const end = new Date('2026-11-30T00:00:00Z');
    component.filter.setValue({
      userName: ' admin ',
      httpMethod: 'PUT',
      httpStatusCode: 200,
      range: [start, end],
    });
    component.search();
    const req = httpMock.expectOne((r) => r.url === '/api/app/audit-logs');
    expect(req.request.params.get('UserName')).toBe('admin');
    expect(req.request.params.get('HttpMethod')).toBe('PUT');
    expect(req.request.params.get('HttpStatusCode')).toBe('200');
    expect(req.request.params.get('StartTime')).toBe(start.toISOString());
    expect(req.request.params.get('EndTime')).toBe(end.toISOString());
    expect(req.request.params.get('SkipCount')).toBe('0');
    req.flush({ totalCount: 0, items: [] });
  });

  it('expands a row to show old → new values of the entity changes', async () => {
    component.toggle('l1', true);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const text = el.textContent ?? '';
    expect(text).toContain('修改');
    expect(text).toContain('Tenant');
    expect(text).toContain('DisplayName');
    expect(text).toContain('"兰州"');
    expect(text).toContain('→ "兰州市"');
  });

  it('names the city a province user acted in, and only on such rows', () => {
    const tags = el.querySelectorAll('[data-testid="acting-in"]');
    expect(tags.length).toBe(1);
    expect(tags[0].textContent?.trim()).toBe('省级用户在天水市操作');
  });

  it('names the change types the host sends, and colours status codes', () => {
    expect(changeTypeName('Created')).toBe('Created');
    expect(changeTypeName('Deleted')).toBe('Deleted');
    expect(changeTypeName('Updated')).toBe('Updated');
    expect(changeTypeName(null)).toBe('Other');
    expect(statusColor(204)).toBe('success');
    expect(statusColor(404)).toBe('warning');
    expect(statusColor(500)).toBe('error');
    expect(statusColor(null)).toBe('default');
  });
});
