import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { TenantsTenantDto as TenantDto } from '@api/models';
import { APP_ICONS } from '@core/icons';
import { authInterceptor } from '@core/net/auth.interceptor';
import { Permissions } from '@core/permissions';
import { settle, signIn } from '@testing/page-setup';
import { tableCells } from '@testing/page-text';
import { TenantListComponent } from './tenant-list.component';

const TENANTS: TenantDto[] = [
  {
    id: 't1',
    name: 'lanzhou',
    displayName: '兰州市',
    isActive: true,
    creationTime: '2026-03-01T08:00:00Z',
    concurrencyStamp: 's1',
  },
  {
    id: 't2',
    name: 'jinchang',
    displayName: '金昌市',
    isActive: false,
    creationTime: '2026-03-02T08:00:00Z',
    concurrencyStamp: 's2',
  },
];

describe('TenantListComponent', () => {
  let fixture: ComponentFixture<TenantListComponent>;
  let component: TenantListComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  function expectList(): TestRequest {
    return httpMock.expectOne((req) => req.url === '/api/app/tenants' && req.method === 'GET');
  }

  async function setup(granted: string[]): Promise<void> {
    TestBed.configureTestingModule({
      imports: [TenantListComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    httpMock = signIn(granted);

    fixture = TestBed.createComponent(TenantListComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  }

  afterEach(() => httpMock.verify());

  const rows = (): string[][] => tableCells(el);

  it('requests the first page and renders one row per city with its status', async () => {
    await setup([Permissions.Tenants.Default]);
    const req = expectList();
    expect(req.request.params.get('SkipCount')).toBe('0');
    expect(req.request.params.get('MaxResultCount')).toBe('20');
    expect(req.request.params.has('Filter')).toBe(false);
    req.flush({ totalCount: 2, items: TENANTS });
    await render();

    const table = rows();
    expect(table.length).toBe(2);
    expect(table[0].slice(0, 3)).toEqual(['兰州市', 'lanzhou', '启用']);
    expect(table[1].slice(0, 3)).toEqual(['金昌市', 'jinchang', '停用']);
    expect(el.textContent).toContain('共 2 条');
  });

  it('hides create, rename and status actions without the permissions', async () => {
    await setup([Permissions.Tenants.Default]);
    expectList().flush({ totalCount: 2, items: TENANTS });
    await render();

    expect(el.querySelector('[data-testid="tenant-create"]')).toBeNull();
    expect(el.textContent).not.toContain('重命名');
    expect(el.textContent).not.toContain('停用后');
    expect(rows()[0][4]).toBe('');
  });

  it('shows the actions matching the granted permissions', async () => {
    await setup([
      Permissions.Tenants.Default,
      Permissions.Tenants.Create,
      Permissions.Tenants.Update,
      Permissions.Tenants.ManageStatus,
    ]);
    expectList().flush({ totalCount: 2, items: TENANTS });
    await render();

    expect(el.querySelector('[data-testid="tenant-create"]')).not.toBeNull();
    expect(rows()[0][4]).toContain('重命名');
    expect(rows()[0][4]).toContain('停用');
    expect(rows()[1][4]).toContain('启用');
  });

  it('searches with the filter from the first page', async () => {
    await setup([Permissions.Tenants.Default]);
    expectList().flush({ totalCount: 2, items: TENANTS });
    await render();

    const input = el.querySelector<HTMLInputElement>('.toolbar input')!;
    input.value = ' 兰州 ';
    input.dispatchEvent(new Event('input'));
    component.search();
    const req = expectList();
    expect(req.request.params.get('Filter')).toBe('兰州');
    req.flush({ totalCount: 1, items: [TENANTS[0]] });
    await render();
    expect(rows().length).toBe(1);
  });

  it('does not send an invalid create form and sends a valid one', async () => {
    await setup([Permissions.Tenants.Default, Permissions.Tenants.Create]);
    expectList().flush({ totalCount: 0, items: [] });
    await render();

    component.openCreate();
    component.createForm.patchValue({ name: '1bad', displayName: '', adminPassword: '123' });
    component.submitCreate();
    expect(component.createForm.controls.name.hasError('cityName')).toBe(true);
    expect(component.createForm.controls.displayName.hasError('required')).toBe(true);
    expect(component.createForm.controls.adminPassword.hasError('minlength')).toBe(true);
    httpMock.expectNone((req) => req.method === 'POST');

    component.createForm.setValue({
      name: 'zhangye',
      displayName: '张掖市',
      adminUserName: 'admin',
      adminPassword: '1q2w3E*',
    });
    component.submitCreate();
    const create = httpMock.expectOne(
      (req) => req.url === '/api/app/tenants' && req.method === 'POST',
    );
    expect(create.request.body).toEqual({
      name: 'zhangye',
      displayName: '张掖市',
      adminUserName: 'admin',
      adminPassword: '1q2w3E*',
    });
    create.flush({ ...TENANTS[0], id: 't3', name: 'zhangye', displayName: '张掖市' });
    expectList().flush({ totalCount: 1, items: [] });
  });

  it('maps server field errors of a failed create onto the fields', async () => {
    await setup([Permissions.Tenants.Default, Permissions.Tenants.Create]);
    expectList().flush({ totalCount: 0, items: [] });
    await render();

    component.openCreate();
    component.createForm.setValue({
      name: 'lanzhou',
      displayName: '兰州市',
      adminUserName: 'admin',
      adminPassword: '1q2w3E*',
    });
    component.submitCreate();
    httpMock
      .expectOne((req) => req.method === 'POST')
      .flush(
        { title: '验证失败', status: 400, errors: { Name: ['试点城市编码 lanzhou 已存在'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(component.createForm.controls.name.getError('server')).toBe(
      '试点城市编码 lanzhou 已存在',
    );
    // the typed values are kept so the user only fixes the code
    expect(component.createForm.controls.displayName.value).toBe('兰州市');
  });

  it('renames with the concurrency stamp and deactivates a city', async () => {
    await setup([
      Permissions.Tenants.Default,
      Permissions.Tenants.Update,
      Permissions.Tenants.ManageStatus,
    ]);
    expectList().flush({ totalCount: 2, items: TENANTS });
    await render();

    component.openRename(TENANTS[0]);
    component.renameForm.setValue({ displayName: '兰州市（试点）' });
    component.submitRename();
    const put = httpMock.expectOne('/api/app/tenants/t1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ displayName: '兰州市（试点）', concurrencyStamp: 's1' });
    put.flush({ ...TENANTS[0], displayName: '兰州市（试点）' });
    expectList().flush({ totalCount: 2, items: TENANTS });

    component.setActive(TENANTS[0], false);
    httpMock.expectOne('/api/app/tenants/t1/deactivate').flush(null);
    expectList().flush({ totalCount: 2, items: TENANTS });

    component.setActive(TENANTS[1], true);
    httpMock.expectOne('/api/app/tenants/t2/activate').flush(null);
    expectList().flush({ totalCount: 2, items: TENANTS });
  });

  it('shows the server message when the list cannot be loaded', async () => {
    await setup([Permissions.Tenants.Default]);
    expectList().flush(
      { title: 'Forbidden', status: 403, detail: '您没有权限查看试点城市' },
      { status: 403, statusText: 'Forbidden' },
    );
    await render();
    expect(el.querySelector('nz-alert')?.textContent).toContain('您没有权限查看试点城市');
  });
});
