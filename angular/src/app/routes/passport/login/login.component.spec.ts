import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { appConfig } from '@testing/fixtures';
import { fieldErrorTexts } from '@testing/page-text';
import { TokenService } from '@core/auth/token.service';
import { APP_ICONS } from '@core/icons';
import { I18nService } from '@core/i18n/i18n.service';
import { authInterceptor } from '@core/net/auth.interceptor';
import { LoginComponent } from './login.component';

const CITIES = [
  { id: 'c1', name: 'lanzhou', displayName: '兰州市', isActive: true },
  { id: 'c2', name: 'tianshui', displayName: '天水市', isActive: true },
];

describe('LoginComponent', () => {
  let fixture: ComponentFixture<LoginComponent>;
  let component: LoginComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock.expectOne('/api/account/tenants').flush(CITIES);
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  function type(testId: string, value: string): void {
    const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const errorTexts = (): string[] => fieldErrorTexts(el);

  it('starts on the province side without a city field', () => {
    expect(component.form.controls.side.value).toBe('host');
    expect(el.querySelector('[data-testid="login-tenant"]')).toBeNull();
    expect(el.textContent).toContain('省级（平台）');
    expect(el.textContent).toContain('试点城市');
  });

  it('shows required messages under the fields and does not call the server', async () => {
    await submit();
    expect(component.form.invalid).toBe(true);
    expect(errorTexts()).toEqual(['此项为必填项', '此项为必填项']);
    httpMock.expectNone('/api/account/login');
  });

  it('requires a city only on the city side', async () => {
    type('login-username', 'clerk01');
    type('login-password', 'secret');
    expect(component.form.valid).toBe(true);

    component.form.controls.side.setValue('city');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(component.form.controls.tenant.hasError('cityRequired')).toBe(true);
    await submit();
    expect(errorTexts()).toContain('请选择试点城市');
    httpMock.expectNone('/api/account/login');

    component.form.controls.tenant.setValue('lanzhou');
    expect(component.form.valid).toBe(true);
  });

  it('signs in to a city with the tenant name and goes to the return URL', async () => {
    const router = TestBed.inject(Router);
    const navigate = vi.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/users');
    component.form.setValue({
      side: 'city',
      tenant: 'tianshui',
      userName: 'clerk01',
      password: 'secret',
    });
    await submit();

    const login = httpMock.expectOne('/api/account/login');
    expect(login.request.body).toEqual({
      tenant: 'tianshui',
      userName: 'clerk01',
      password: 'secret',
    });
    login.flush({ accessToken: 'a', refreshToken: 'r', expiresIn: 3600 });
    httpMock
      .expectOne('/api/app/application-configuration')
      .flush(appConfig([], { tenantId: 'c2' }));

    expect(TestBed.inject(TokenService).accessToken).toBe('a');
    expect(navigate).toHaveBeenCalledWith('/users');
  });

  it("shows the server's message (lockout) and keeps what was typed", async () => {
    component.form.setValue({ side: 'host', tenant: null, userName: 'admin', password: 'wrong' });
    await submit();
    httpMock
      .expectOne('/api/account/login')
      .flush(
        { title: '登录失败', status: 400, detail: '账户已被锁定，请于 10:30 后重试' },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="login-error"]')?.textContent).toContain(
      '账户已被锁定，请于 10:30 后重试',
    );
    expect(component.form.getRawValue()).toEqual({
      side: 'host',
      tenant: null,
      userName: 'admin',
      password: 'wrong',
    });
  });

  it('offers the right side when the account belongs to the other one, keeping the user name', async () => {
    component.form.setValue({
      side: 'city',
      tenant: 'lanzhou',
      userName: 'official',
      password: 'x',
    });
    await submit();
    httpMock.expectOne('/api/account/login').flush(
      {
        title: '该账号是省级账号，请在登录页选择“省级（平台）”后登录，不要选择试点城市。',
        status: 400,
        code: 'Error:SignInOnProvinceSide',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();

    expect(el.querySelector('[data-testid="login-error"]')?.textContent).toContain(
      '该账号是省级账号',
    );
    const button = el.querySelector<HTMLButtonElement>('[data-testid="login-switch-side"]')!;
    expect(button.textContent?.trim()).toBe('改为省级（平台）登录');
    button.click();
    fixture.detectChanges();
    await fixture.whenStable();

    expect(component.form.getRawValue()).toEqual({
      side: 'host',
      tenant: 'lanzhou',
      userName: 'official',
      password: '',
    });
    expect(el.querySelector('[data-testid="login-tenant"]')).toBeNull();
    expect(el.querySelector('[data-testid="login-error"]')).toBeNull();
  });

  it('offers the city side to a city account signing in to the province', async () => {
    component.form.setValue({ side: 'host', tenant: null, userName: 'clerk', password: 'x' });
    await submit();
    httpMock
      .expectOne('/api/account/login')
      .flush(
        { title: '该账号是试点城市的账号', status: 400, code: 'Error:SignInOnCitySide' },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('[data-testid="login-switch-side"]')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
    expect(component.form.controls.side.value).toBe('city');
    expect(el.querySelector('[data-testid="login-tenant"]')).not.toBeNull();
  });

  it('offers no side for a plain wrong password', async () => {
    component.form.setValue({ side: 'host', tenant: null, userName: 'admin', password: 'x' });
    await submit();
    httpMock
      .expectOne('/api/account/login')
      .flush(
        { title: '用户名或密码错误。', status: 400, code: 'Error:InvalidCredentials' },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="login-error"]')?.textContent).toContain(
      '用户名或密码错误',
    );
    expect(el.querySelector('[data-testid="login-switch-side"]')).toBeNull();
  });

  it('puts field errors from ProblemDetails under the matching field', async () => {
    component.form.setValue({ side: 'host', tenant: null, userName: 'a', password: 'b' });
    await submit();
    httpMock
      .expectOne('/api/account/login')
      .flush(
        { title: 'Validation', status: 400, errors: { UserName: ['用户名长度不能少于 2 个字符'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    await fixture.whenStable();

    expect(component.form.controls.userName.getError('server')).toBe('用户名长度不能少于 2 个字符');
    expect(errorTexts()).toEqual(['用户名长度不能少于 2 个字符']);
  });

  it('switches the texts to English', async () => {
    TestBed.inject(I18nService).use('en');
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="login-submit"]')?.textContent?.trim()).toBe('Sign in');
    await submit();
    expect(errorTexts()).toEqual(['This field is required', 'This field is required']);
  });
});
