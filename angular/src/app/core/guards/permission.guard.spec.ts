import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  ActivatedRouteSnapshot,
  Router,
  RouterStateSnapshot,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { Observable, firstValueFrom, isObservable, of } from 'rxjs';

import { appConfig } from '@testing/fixtures';
import { TokenService } from '../auth/token.service';
import { Permissions } from '../permissions';
import { SessionService } from '../session/session.service';
import { authGuard, homeRedirectGuard } from './auth.guard';
import { permissionGuard } from './permission.guard';

type GuardResult = boolean | UrlTree;

function routeWith(permission?: string | string[]): ActivatedRouteSnapshot {
  return { data: permission ? { permission } : {} } as unknown as ActivatedRouteSnapshot;
}

const state = { url: '/tenants' } as RouterStateSnapshot;

async function run(result: unknown): Promise<GuardResult> {
  const obs = isObservable(result)
    ? (result as Observable<GuardResult>)
    : of(result as GuardResult);
  return firstValueFrom(obs);
}

describe('route guards', () => {
  let httpMock: HttpTestingController;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    httpMock = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  });

  afterEach(() => httpMock.verify());

  function loadConfig(granted: string[]): void {
    TestBed.inject(SessionService).load().subscribe();
    httpMock.expectOne('/api/app/application-configuration').flush(appConfig(granted));
  }

  describe('permissionGuard', () => {
    it('lets the user in when the permission is granted', async () => {
      loadConfig([Permissions.Tenants.Default]);
      const result = await run(
        TestBed.runInInjectionContext(() =>
          permissionGuard(routeWith(Permissions.Tenants.Default), state),
        ),
      );
      expect(result).toBe(true);
    });

    it('redirects to the 403 page when the permission is missing', async () => {
      loadConfig([Permissions.Users.Default]);
      const result = await run(
        TestBed.runInInjectionContext(() =>
          permissionGuard(routeWith(Permissions.Tenants.Default), state),
        ),
      );
      expect(result instanceof UrlTree).toBe(true);
      expect(router.serializeUrl(result as UrlTree)).toBe('/exception/403');
    });

    it('requires every permission of a list', async () => {
      loadConfig([Permissions.Tenants.Default]);
      const result = await run(
        TestBed.runInInjectionContext(() =>
          permissionGuard(
            routeWith([Permissions.Tenants.Default, Permissions.Tenants.Create]),
            state,
          ),
        ),
      );
      expect(router.serializeUrl(result as UrlTree)).toBe('/exception/403');
    });

    it('treats a policy granted as false like a missing one', async () => {
      TestBed.inject(SessionService).load().subscribe();
      const config = appConfig([]);
      config.auth!.grantedPolicies = { [Permissions.AuditLogs.Default]: false };
      httpMock.expectOne('/api/app/application-configuration').flush(config);
      const result = await run(
        TestBed.runInInjectionContext(() =>
          permissionGuard(routeWith(Permissions.AuditLogs.Default), state),
        ),
      );
      expect(router.serializeUrl(result as UrlTree)).toBe('/exception/403');
    });

    it('loads the configuration itself when it is not loaded yet', async () => {
      const pending = run(
        TestBed.runInInjectionContext(() =>
          permissionGuard(routeWith(Permissions.Roles.Default), state),
        ),
      );
      httpMock
        .expectOne('/api/app/application-configuration')
        .flush(appConfig([Permissions.Roles.Default]));
      expect(await pending).toBe(true);
    });
  });

  describe('authGuard', () => {
    it('sends a visitor without a token to the sign-in page with the return URL', async () => {
      const result = await run(TestBed.runInInjectionContext(() => authGuard(routeWith(), state)));
      expect(router.serializeUrl(result as UrlTree)).toBe('/login?returnUrl=%2Ftenants');
    });

    it('lets a signed-in user in after loading the configuration', async () => {
      TestBed.inject(TokenService).set({ accessToken: 'a', refreshToken: 'r', expiresIn: 60 });
      const pending = run(TestBed.runInInjectionContext(() => authGuard(routeWith(), state)));
      httpMock.expectOne('/api/app/application-configuration').flush(appConfig([]));
      expect(await pending).toBe(true);
    });

    it('sends the user to sign in when the host says they are not authenticated', async () => {
      TestBed.inject(TokenService).set({ accessToken: 'a', refreshToken: 'r', expiresIn: 60 });
      const pending = run(TestBed.runInInjectionContext(() => authGuard(routeWith(), state)));
      const config = appConfig([]);
      config.currentUser!.isAuthenticated = false;
      httpMock.expectOne('/api/app/application-configuration').flush(config);
      expect(router.serializeUrl((await pending) as UrlTree)).toBe('/login?returnUrl=%2Ftenants');
    });
  });

  describe('homeRedirectGuard', () => {
    it('opens the first menu page, the to-do, whatever else the user may see', async () => {
      loadConfig([Permissions.AuditLogs.Default, Permissions.Roles.Default]);
      const result = await run(
        TestBed.runInInjectionContext(() => homeRedirectGuard(routeWith(), state)),
      );
      expect(router.serializeUrl(result as UrlTree)).toBe('/todo');
    });

    it('lands a user who may see nothing else on their to-do, not on a 403', async () => {
      loadConfig([]);
      const result = await run(
        TestBed.runInInjectionContext(() => homeRedirectGuard(routeWith(), state)),
      );
      expect(router.serializeUrl(result as UrlTree)).toBe('/todo');
    });
  });
});
