import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { appConfig } from '@testing/fixtures';
import { fieldErrorTexts } from '@testing/page-text';
import { TokenService } from '@core/auth/token.service';
import { APP_ICONS } from '@core/icons';
import { authInterceptor } from '@core/net/auth.interceptor';
import { ChangePasswordComponent } from './change-password.component';

describe('ChangePasswordComponent', () => {
  let fixture: ComponentFixture<ChangePasswordComponent>;
  let component: ChangePasswordComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;
  let tokens: TokenService;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChangePasswordComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    tokens = TestBed.inject(TokenService);
    tokens.set({
      accessToken: 'first',
      refreshToken: 'r1',
      expiresIn: 1800,
      mustChangePassword: true,
    });
    fixture = TestBed.createComponent(ChangePasswordComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    await fixture.whenStable();
  });

  afterEach(() => httpMock.verify());

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('[data-testid="mcp-submit"]')!.click();
    fixture.detectChanges();
    await fixture.whenStable();
  }

  const errorTexts = (): string[] => fieldErrorTexts(el);

  it('says why the password must be changed first', () => {
    expect(tokens.mustChangePassword()).toBe(true);
    expect(el.querySelector('[data-testid="must-change-title"]')?.textContent).toContain(
      '请先修改密码',
    );
    expect(el.textContent).toContain('至少 10 个字符');
  });

  it('asks for ten characters and a matching confirmation before calling the server', async () => {
    component.form.setValue({
      currentPassword: 'Chushi#Mima2026',
      newPassword: 'Short#1',
      confirmPassword: 'Other#1',
    });
    await submit();
    expect(component.form.controls.newPassword.hasError('minlength')).toBe(true);
    expect(component.form.controls.confirmPassword.hasError('mismatch')).toBe(true);
    expect(errorTexts().length).toBe(2);
    httpMock.expectNone('/api/account/change-password');
  });

  it('keeps the new tokens, reloads the configuration and goes on to the return URL', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/tenants');
    component.form.setValue({
      currentPassword: 'Chushi#Mima2026',
      newPassword: 'Xinde#Mima2026',
      confirmPassword: 'Xinde#Mima2026',
    });
    await submit();

    const change = httpMock.expectOne('/api/account/change-password');
    expect(change.request.headers.get('Authorization')).toBe('Bearer first');
    expect(change.request.body).toEqual({
      currentPassword: 'Chushi#Mima2026',
      newPassword: 'Xinde#Mima2026',
    });
    change.flush({
      accessToken: 'second',
      refreshToken: 'r2',
      expiresIn: 1800,
      mustChangePassword: false,
    });
    httpMock.expectOne('/api/app/application-configuration').flush(appConfig([]));

    expect(tokens.accessToken).toBe('second');
    expect(tokens.mustChangePassword()).toBe(false);
    expect(navigate).toHaveBeenCalledWith('/tenants');
  });

  it("shows the server's password errors beside the new password", async () => {
    component.form.setValue({
      currentPassword: 'Chushi#Mima2026',
      newPassword: 'qwertyuiop',
      confirmPassword: 'qwertyuiop',
    });
    await submit();
    httpMock.expectOne('/api/account/change-password').flush(
      {
        title: '该密码过于常见',
        status: 400,
        errors: { newPassword: ['该密码过于常见，容易被猜中，请换一个。'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();

    expect(errorTexts()).toContain('该密码过于常见，容易被猜中，请换一个。');
    expect(tokens.accessToken).toBe('first');
  });
});
