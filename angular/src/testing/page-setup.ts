import { EnvironmentProviders, Provider } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { APP_ICONS } from '@core/icons';
import { SessionService } from '@core/session/session.service';
import { appConfig } from './fixtures';

/** What a page needs under test: a router, the HTTP testing backend and the app's icons, then `extra`. */
export function pageProviders(
  ...extra: (Provider | EnvironmentProviders)[]
): (Provider | EnvironmentProviders)[] {
  return [
    provideRouter([]),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideNzIcons(APP_ICONS),
    ...extra,
  ];
}

/**
 * Loads the session as the host answers it: signed in with the `granted` permissions (and the city of
 * `overrides`). Returns the HTTP testing controller for the page's own requests.
 */
export function signIn(
  granted: string[],
  overrides?: Parameters<typeof appConfig>[1],
): HttpTestingController {
  const httpMock = TestBed.inject(HttpTestingController);
  TestBed.inject(SessionService).load().subscribe();
  httpMock.expectOne('/api/app/application-configuration').flush(appConfig(granted, overrides));
  return httpMock;
}

/** Change detection, then again once the fixture is stable (after answered requests and timers). */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}
