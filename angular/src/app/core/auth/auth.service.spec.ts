import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { appConfig } from '@testing/fixtures';
import { I18nService } from '../i18n/i18n.service';
import { authInterceptor } from '../net/auth.interceptor';
import { SessionService } from '../session/session.service';
import { AuthService } from './auth.service';
import { TOKEN_STORAGE_KEY, TokenService } from './token.service';

const CONFIG_URL = '/api/app/application-configuration';

describe('AuthService and the auth interceptor', () => {
  let http: HttpClient;
  let httpMock: HttpTestingController;
  let auth: AuthService;
  let tokens: TokenService;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    httpMock = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    tokens = TestBed.inject(TokenService);
    router = TestBed.inject(Router);
    vi.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => httpMock.verify());

  function signIn(access = 'access-1', refresh = 'refresh-1'): void {
    tokens.set({ accessToken: access, refreshToken: refresh, expiresIn: 3600 });
  }

  it('login posts the credentials, stores both tokens and loads the configuration', () => {
    let loadedUser: string | null | undefined;
    auth
      .login({ tenant: 'lanzhou', userName: ' clerk01 ', password: '1q2w3E*' })
      .subscribe((config) => {
        loadedUser = config.currentUser?.userName;
      });

    const login = httpMock.expectOne('/api/account/login');
    expect(login.request.method).toBe('POST');
    expect(login.request.body).toEqual({
      tenant: 'lanzhou',
      userName: 'clerk01',
      password: '1q2w3E*',
    });
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush({ accessToken: 'acc', refreshToken: 'ref', expiresIn: 1800 });

    expect(tokens.accessToken).toBe('acc');
    expect(tokens.refreshToken).toBe('ref');
    const stored = JSON.parse(localStorage.getItem(TOKEN_STORAGE_KEY) ?? '{}');
    expect(stored.accessToken).toBe('acc');
    expect(stored.refreshToken).toBe('ref');
    expect(stored.expiresAt).toBeGreaterThan(Date.now() + 1700 * 1000);

    const config = httpMock.expectOne(CONFIG_URL);
    expect(config.request.headers.get('Authorization')).toBe('Bearer acc');
    config.flush(appConfig([], { userName: 'clerk01', tenantId: 't1', tenantName: 'lanzhou' }));
    expect(loadedUser).toBe('clerk01');
    expect(TestBed.inject(SessionService).currentTenant()?.name).toBe('lanzhou');
  });

  it('login to the province sends tenant null', () => {
    let status = 0;
    auth
      .login({ tenant: null, userName: 'admin', password: 'x' })
      .subscribe({ error: (e) => (status = e.status) });
    const login = httpMock.expectOne('/api/account/login');
    expect(login.request.body.tenant).toBeNull();
    login.flush(
      { title: 'Bad', detail: '用户名或密码错误' },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(status).toBe(400);
    expect(tokens.hasToken()).toBe(false);
  });

  it('adds Bearer, Accept-Language and the acting city header to API calls', () => {
    signIn();
    TestBed.inject(I18nService).use('en');
    TestBed.inject(SessionService).setActingTenant({ id: 'city-1', name: '兰州' });

    http.get('/api/app/users').subscribe();
    const req = httpMock.expectOne('/api/app/users');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(req.request.headers.get('Accept-Language')).toBe('en');
    expect(req.request.headers.get('__tenant')).toBe('city-1');
    req.flush({ totalCount: 0, items: [] });
  });

  it('sends zh-Hans by default and leaves non-API requests alone', () => {
    signIn();
    http.get('/api/app/roles').subscribe();
    const api = httpMock.expectOne('/api/app/roles');
    expect(api.request.headers.get('Accept-Language')).toBe('zh-Hans');
    api.flush({ items: [] });

    http.get('/assets/x.json').subscribe();
    const asset = httpMock.expectOne('/assets/x.json');
    expect(asset.request.headers.has('Authorization')).toBe(false);
    asset.flush({});
  });

  it('on 401 refreshes the token once and retries the request with the new token', () => {
    signIn('old-access', 'old-refresh');
    let body: unknown;
    http.get('/api/app/users').subscribe((b) => (body = b));

    httpMock.expectOne('/api/app/users').flush(null, { status: 401, statusText: 'Unauthorized' });

    const refresh = httpMock.expectOne('/api/account/refresh');
    expect(refresh.request.body).toEqual({ refreshToken: 'old-refresh' });
    expect(refresh.request.headers.has('Authorization')).toBe(false);
    refresh.flush({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 3600 });

    const retry = httpMock.expectOne('/api/app/users');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new-access');
    retry.flush({ totalCount: 1, items: [] });

    expect(body).toEqual({ totalCount: 1, items: [] });
    expect(tokens.refreshToken).toBe('new-refresh');
    expect(router.navigate).not.toHaveBeenCalled();
  });

  it('does not refresh a second time when the retried request is 401 again: signs out', () => {
    signIn();
    let failed = 0;
    http.get('/api/app/users').subscribe({ error: () => failed++ });

    httpMock.expectOne('/api/app/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    httpMock
      .expectOne('/api/account/refresh')
      .flush({ accessToken: 'new-access', refreshToken: 'new-refresh', expiresIn: 3600 });
    httpMock.expectOne('/api/app/users').flush(null, { status: 401, statusText: 'Unauthorized' });

    httpMock.expectNone('/api/account/refresh');
    expect(failed).toBe(1);
    expect(tokens.hasToken()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login'], expect.objectContaining({}));
  });

  it('signs out when the refresh token is rejected', () => {
    signIn();
    let status = 0;
    http.get('/api/app/tenants').subscribe({ error: (e) => (status = e.status) });

    httpMock.expectOne('/api/app/tenants').flush(null, { status: 401, statusText: 'Unauthorized' });
    httpMock
      .expectOne('/api/account/refresh')
      .flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(status).toBe(401);
    expect(tokens.hasToken()).toBe(false);
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('shares one refresh between requests failing together', () => {
    signIn();
    const results: unknown[] = [];
    http.get('/api/app/users').subscribe((b) => results.push(b));
    http.get('/api/app/roles').subscribe((b) => results.push(b));

    httpMock.expectOne('/api/app/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    httpMock.expectOne('/api/app/roles').flush(null, { status: 401, statusText: 'Unauthorized' });

    const refreshes = httpMock.match('/api/account/refresh');
    expect(refreshes.length).toBe(1);
    refreshes[0].flush({ accessToken: 'a2', refreshToken: 'r2', expiresIn: 60 });

    httpMock.expectOne('/api/app/users').flush('u');
    httpMock.expectOne('/api/app/roles').flush('r');
    expect(results.sort()).toEqual(['r', 'u']);
  });

  it('passes other errors through untouched', () => {
    signIn();
    let status = 0;
    http.get('/api/app/users').subscribe({ error: (e) => (status = e.status) });
    httpMock
      .expectOne('/api/app/users')
      .flush({ detail: 'x' }, { status: 403, statusText: 'Forbidden' });
    httpMock.expectNone('/api/account/refresh');
    expect(status).toBe(403);
    expect(tokens.hasToken()).toBe(true);
  });

  it('logout revokes the refresh token, forgets the session and goes to the sign-in page', () => {
    signIn('a', 'r');
    auth.logout().subscribe();
    const req = httpMock.expectOne('/api/account/logout');
    expect(req.request.body).toEqual({ refreshToken: 'r' });
    req.flush(null);
    expect(tokens.hasToken()).toBe(false);
    expect(router.navigate).toHaveBeenCalledWith(['/login']);
  });
});
