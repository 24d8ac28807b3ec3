import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';
import { Router } from '@angular/router';

import { schemeDto } from '@testing/scheme-fixtures';
import { pageProviders, signIn } from '@testing/page-setup';
import { Permissions } from '@core/permissions';
import { AgreementCreateDialogComponent } from './agreement-create-dialog.component';
import { AgreementListComponent } from './agreement-list.component';
import { agreementDto } from './agreement-fixtures';

describe('AgreementListComponent', () => {
  let fixture: ComponentFixture<AgreementListComponent>;
  let component: AgreementListComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  function createDialog(): AgreementCreateDialogComponent {
    return fixture.debugElement.query(By.directive(AgreementCreateDialogComponent))
      .componentInstance;
  }

  async function render(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function setup(granted: string[], tenantId: string | null = null): void {
    TestBed.configureTestingModule({
      imports: [AgreementListComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted, { tenantId, tenantName: tenantId ? 'lanzhou' : null });
    fixture = TestBed.createComponent(AgreementListComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => httpMock.verify());

  function rows(): string[][] {
    return Array.from(
      el.querySelectorAll('[data-testid="agreement-table"] tbody tr.ant-table-row'),
    ).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((td) =>
        td.textContent!.replace(/\s+/g, ' ').trim(),
      ),
    );
  }

  it("lists every city's agreements for the province with status tags and filters", async () => {
    setup([
      Permissions.Agreements.Default,
      Permissions.Agreements.Manage,
      Permissions.Tenants.Default,
    ]);
    httpMock
      .expectOne((r) => r.url === '/api/app/agreements')
      .flush({
        totalCount: 2,
        items: [
          agreementDto(),
          agreementDto({
            id: 'a2',
            cityName: '天水市',
            status: 'Signed',
            version: 2,
            signedByName: '李市长',
            signedTime: '2026-03-02T08:00:00Z',
          }),
        ],
      });
    httpMock
      .expectOne((r) => r.url === '/api/app/tenants')
      .flush({ totalCount: 1, items: [{ id: 'c1', name: 'lanzhou', displayName: '兰州市' }] });
    await render();

    const [first, second] = rows();
    expect(first.slice(1, 5)).toEqual(['兰州市', '2026', 'v1', '草稿']);
    expect(second.slice(1, 5)).toEqual(['天水市', '2026', 'v2', '已签署']);
    expect(second[6]).toContain('李市长');
    expect(el.querySelector('[data-testid="agreement-create"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="agreement-bulk-open"]')?.textContent).toContain(
      '批量下达',
    );

    component.status.set('InForce');
    component.cityId.set('c1');
    component.load();
    const req = httpMock.expectOne((r) => r.url === '/api/app/agreements');
    expect(req.request.params.get('Status')).toBe('InForce');
    expect(req.request.params.get('CityId')).toBe('c1');
    req.flush({ totalCount: 0, items: [] });
  });

  it('a province user without the tenant permission gets no city filter and no tenant call', async () => {
    setup([Permissions.Agreements.Default]);
    httpMock.expectOne((r) => r.url === '/api/app/agreements').flush({ items: [] });
    httpMock.expectNone((r) => r.url === '/api/app/tenants');
    await render();
    expect(el.querySelector('[data-testid="agreement-filter-city"]')).toBeNull();
    expect(el.querySelector('[data-testid="agreement-filter-year"]')).not.toBeNull();
  });

  it('issues from a published scheme: posts the draft and opens it', async () => {
    setup([
      Permissions.Agreements.Default,
      Permissions.Agreements.Manage,
      Permissions.Tenants.Default,
    ]);
    httpMock.expectOne((r) => r.url === '/api/app/agreements').flush({ items: [] });
    httpMock.expectOne((r) => r.url === '/api/app/tenants').flush({ items: [] });
    await render();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    component.openCreate();
    httpMock
      .expectOne((r) => r.url === '/api/app/schemes' && r.params.get('Status') === 'Published')
      .flush({ items: [schemeDto({ id: 's1', year: 2026, status: 'Published' })] });
    createDialog().submit();
    expect(createDialog().form.controls.cityId.errors).toEqual({ required: true });

    createDialog().form.controls.cityId.setValue('c1');
    createDialog().form.controls.schemeId.setValue('s1');
    createDialog().schemePicked('s1');
    createDialog().submit();
    const req = httpMock.expectOne((r) => r.method === 'POST' && r.url === '/api/app/agreements');
    expect(req.request.body).toEqual({
      cityId: 'c1',
      schemeId: 's1',
      year: 2026,
      title: null,
      withPlanKeyTasks: true,
    });
    req.flush(agreementDto({ id: 'new' }));
    expect(navigate).toHaveBeenCalledWith(['/agreements', 'new']);
  });

  it("shows the host's message and keeps the input when the city already has one", async () => {
    setup([
      Permissions.Agreements.Default,
      Permissions.Agreements.Manage,
      Permissions.Tenants.Default,
    ]);
    httpMock.expectOne((r) => r.url === '/api/app/agreements').flush({ items: [] });
    httpMock.expectOne((r) => r.url === '/api/app/tenants').flush({ items: [] });
    component.openCreate();
    httpMock.expectOne((r) => r.url === '/api/app/schemes').flush({ items: [] });
    createDialog().form.patchValue({ cityId: 'c1', schemeId: 's1', title: '我的标题' });
    createDialog().submit();
    httpMock
      .expectOne((r) => r.method === 'POST')
      .flush({ title: '兰州市2026年度已有目标责任书' }, { status: 400, statusText: 'Bad Request' });
    await render();
    expect(document.body.textContent).toContain('兰州市2026年度已有目标责任书');
    expect(createDialog().form.controls.title.value).toBe('我的标题');
  });

  it('a city sees its own agreements: no city column, no create, no key-task matrix', async () => {
    setup([Permissions.Agreements.Default, Permissions.Agreements.Sign], 'c1');
    httpMock
      .expectOne((r) => r.url === '/api/app/agreements')
      .flush({ items: [agreementDto({ status: 'Issued' })] });
    await render();
    expect(rows()[0].slice(1, 4)).toEqual(['2026', 'v1', '已下达']);
    expect(el.querySelector('[data-testid="agreement-create"]')).toBeNull();
    expect(el.textContent).toContain('本市目标责任书');
    expect(el.textContent).not.toContain('重点任务汇总');
  });
});
