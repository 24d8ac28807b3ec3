import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { IdentityUserDto as UserDto } from '@api/models';
import { appConfig } from '@testing/fixtures';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { pageProviders, signIn } from '@testing/page-setup';
import { UserListComponent } from './user-list.component';

const USERS: UserDto[] = [
  {
    id: 'u1',
    userName: 'clerk01',
    name: '李填报',
    email: 'clerk01@lanzhou.gov.cn',
    phoneNumber: '13812345678',
    isActive: true,
    lockoutEnd: null,
    roleNames: ['clerk'],
    unitNames: ['城关区', '市司法局'],
    concurrencyStamp: 'c1',
  },
  {
    id: 'u2',
    userName: 'locked01',
    name: null,
    email: null,
    isActive: true,
    lockoutEnd: '2999-01-01T00:00:00Z',
    roleNames: [],
    concurrencyStamp: 'c2',
  },
];

describe('UserListComponent', () => {
  let fixture: ComponentFixture<UserListComponent>;
  let component: UserListComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UserListComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionService).load().subscribe();
    httpMock
      .expectOne('/api/app/application-configuration')
      .flush(
        appConfig([
          Permissions.Users.Default,
          Permissions.Users.Create,
          Permissions.Users.Update,
          Permissions.Users.Delete,
          Permissions.Roles.Default,
        ]),
      );
    fixture = TestBed.createComponent(UserListComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock
      .expectOne((r) => r.url === '/api/app/users' && r.method === 'GET')
      .flush({ totalCount: 2, items: USERS });
    httpMock.expectOne('/api/app/roles').flush({
      totalCount: 2,
      items: [
        { id: 'r1', name: 'clerk', displayName: '填报员', isStatic: true },
        { id: 'r2', name: 'cityAdmin', displayName: '市级管理员', isStatic: true },
      ],
    });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('renders users with role display names and the lockout state', () => {
    const rows = Array.from(el.querySelectorAll('tbody tr.ant-table-row')).map(
      (tr) => tr.textContent ?? '',
    );
    expect(rows.length).toBe(2);
    expect(rows[0]).toContain('clerk01');
    expect(rows[0]).toContain('填报员');
    expect(rows[0]).toContain('正常');
    expect(rows[1]).toContain('锁定至');
  });

  it("shows each user's phone and units under localized headings", () => {
    const headings = Array.from(el.querySelectorAll('thead th')).map((th) =>
      th.textContent?.trim(),
    );
    expect(headings).toContain('电话');
    expect(headings).toContain('所在单位');
    const phones = Array.from(el.querySelectorAll('[data-testid="user-phone"]')).map((td) =>
      td.textContent?.trim(),
    );
    expect(phones).toEqual(['13812345678', '']);
    const units = el.querySelectorAll('[data-testid="user-units"]');
    expect(
      Array.from(units[0].querySelectorAll('nz-tag')).map((t) => t.textContent?.trim()),
    ).toEqual(['城关区', '市司法局']);
    expect(units[1].querySelectorAll('nz-tag')).toHaveLength(0);
  });

  it('checks the phone before sending it and sends it trimmed', () => {
    component.openEdit(USERS[0]);
    for (const wrong of ['12345', '2381234567a', '138123456789']) {
      component.form.controls.phoneNumber.setValue(wrong);
      expect(component.form.controls.phoneNumber.hasError('phone')).toBe(true);
    }
    component.submit();
    httpMock.expectNone((r) => r.method === 'PUT');

    for (const right of ['138 1234 5678', '+8613812345678', '0931-8123456', '09318123456']) {
      component.form.controls.phoneNumber.setValue(right);
      expect(component.form.controls.phoneNumber.valid).toBe(true);
    }
    component.form.controls.phoneNumber.setValue(' 0931-8123456 ');
    component.submit();
    const req = httpMock.expectOne('/api/app/users/u1');
    expect(req.request.body.phoneNumber).toBe('0931-8123456');
    req.flush(USERS[0]);
    httpMock
      .expectOne((r) => r.url === '/api/app/users' && r.method === 'GET')
      .flush({ totalCount: 2, items: USERS });
  });

  it('requires a password when creating and sends the chosen roles', () => {
    component.openCreate();
    component.form.patchValue({ userName: 'clerk02', roleNames: ['clerk', 'cityAdmin'] });
    component.submit();
    expect(component.form.controls.password.hasError('required')).toBe(true);
    httpMock.expectNone((r) => r.method === 'POST');

    component.form.patchValue({ password: '1q2w3E*', email: '' });
    component.submit();
    const req = httpMock.expectOne((r) => r.url === '/api/app/users' && r.method === 'POST');
    expect(req.request.body).toEqual({
      userName: 'clerk02',
      name: null,
      email: null,
      phoneNumber: null,
      password: '1q2w3E*',
      roleNames: ['clerk', 'cityAdmin'],
    });
    req.flush({ ...USERS[0], id: 'u3' });
    httpMock
      .expectOne((r) => r.url === '/api/app/users' && r.method === 'GET')
      .flush({ totalCount: 0, items: [] });
  });

  it('edits without a password (kept unchanged) and with the concurrency stamp', () => {
    component.openEdit(USERS[0]);
    expect(component.form.controls.password.hasError('required')).toBe(false);
    component.form.patchValue({ name: '李填报（兰州）' });
    component.submit();
    const req = httpMock.expectOne('/api/app/users/u1');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      userName: 'clerk01',
      name: '李填报（兰州）',
      email: 'clerk01@lanzhou.gov.cn',
      phoneNumber: '13812345678',
      password: null,
      roleNames: ['clerk'],
      concurrencyStamp: 'c1',
    });
    req.flush(USERS[0]);
    httpMock
      .expectOne((r) => r.url === '/api/app/users' && r.method === 'GET')
      .flush({ totalCount: 2, items: USERS });
  });

  it('keeps a cancelled new-user draft but not an edited user', () => {
    component.openCreate();
    component.form.patchValue({ userName: 'draft' });
    component.openEdit(USERS[0]);
    expect(component.form.controls.userName.value).toBe('clerk01');
    component.openCreate();
    expect(component.form.controls.userName.value).toBe('');
    component.form.patchValue({ userName: 'draft2' });
    component.openCreate();
    expect(component.form.controls.userName.value).toBe('draft2');
  });

  it('deletes a user and reloads', () => {
    component.remove(USERS[1]);
    const req = httpMock.expectOne('/api/app/users/u2');
    expect(req.request.method).toBe('DELETE');
    req.flush(null);
    httpMock
      .expectOne((r) => r.url === '/api/app/users' && r.method === 'GET')
      .flush({ totalCount: 1, items: [USERS[0]] });
  });
});

describe('UserListComponent without the role permission', () => {
  it('does not call the role list: role names are shown as they are and the dialog has no role picker', async () => {
    TestBed.configureTestingModule({
      imports: [UserListComponent],
      providers: pageProviders(),
    });
    const httpMock = signIn([Permissions.Users.Default, Permissions.Users.Update]);
    const fixture = TestBed.createComponent(UserListComponent);
    const component = fixture.componentInstance;
    fixture.detectChanges();
    httpMock
      .expectOne((r) => r.url === '/api/app/users' && r.method === 'GET')
      .flush({ totalCount: 1, items: [USERS[0]] });
    httpMock.expectNone('/api/app/roles');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('tbody tr.ant-table-row')!.textContent).toContain('clerk');

    // editing keeps the user's roles as they are
    component.openEdit(USERS[0]);
    fixture.detectChanges();
    await fixture.whenStable();
    expect(document.querySelector('#u-userName')).not.toBeNull();
    expect(document.querySelector('#u-roles')).toBeNull();
    component.submit();
    const req = httpMock.expectOne((r) => r.url === '/api/app/users/u1' && r.method === 'PUT');
    expect(req.request.body.roleNames).toEqual(['clerk']);
    httpMock.verify();
  });
});
