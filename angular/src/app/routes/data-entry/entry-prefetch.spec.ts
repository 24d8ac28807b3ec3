import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { TokenService } from '@core/auth/token.service';
import { Permissions } from '@core/permissions';
import { pageProviders, signIn } from '@testing/page-setup';
import { DataEntryStore } from './data-entry.store';
import { EntryPrefetch } from './entry-prefetch';

const PERIODS = [{ id: 'p1', schemeId: 's1', name: '2026年度考核', status: 'Open' }];
const SHEET = { periodId: 'p1', submissionStatus: 'Draft', writable: true, lines: [] };

describe('EntryPrefetch', () => {
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: pageProviders(DataEntryStore) });
    httpMock = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    httpMock.verify();
    TestBed.inject(TokenService).clear();
  });

  function signedIn(mustChangePassword = false): void {
    TestBed.inject(TokenService).set({
      accessToken: 'a',
      refreshToken: 'r',
      expiresIn: 3600,
      mustChangePassword,
    });
  }

  it('asks for the open periods, then the first one’s sheet and scheme, before the page asks', () => {
    signedIn();
    TestBed.inject(EntryPrefetch).start();
    httpMock.expectOne((r) => r.url === '/api/app/periods').flush(PERIODS);
    const sheet = httpMock.expectOne('/api/app/data-entry/periods/p1');
    const scheme = httpMock.expectOne('/api/app/schemes/s1');

    // The page's store takes them: nothing is asked twice, the answers arrive where it waits.
    const mock = signIn([Permissions.DataEntry.Default], { tenantId: 't1', tenantName: 'lanzhou' });
    const store = TestBed.inject(DataEntryStore);
    store.load();
    mock.expectNone((r) => r.url === '/api/app/periods');
    expect(store.periodId()).toBe('p1');
    expect(store.loading()).toBe(true);
    sheet.flush(SHEET);
    scheme.flush({ id: 's1', definition: { categories: [] } });
    expect(store.loading()).toBe(false);
    expect(store.writable()).toBe(true);

    // Taken once: the next load asks again.
    store.load();
    httpMock.expectOne((r) => r.url === '/api/app/periods').flush(PERIODS);
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });
    httpMock.expectOne('/api/app/data-entry/periods/p1').flush(SHEET);
  });

  it('lets the page ask again when a prefetched request failed, and show its error', () => {
    signedIn();
    TestBed.inject(EntryPrefetch).start();
    httpMock.expectOne((r) => r.url === '/api/app/periods').flush(PERIODS);
    httpMock
      .expectOne('/api/app/data-entry/periods/p1')
      .flush({ title: '服务暂不可用' }, { status: 503, statusText: 'Unavailable' });
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });

    const mock = signIn([Permissions.DataEntry.Default], { tenantId: 't1', tenantName: 'lanzhou' });
    const store = TestBed.inject(DataEntryStore);
    store.load();
    mock
      .expectOne('/api/app/data-entry/periods/p1')
      .flush({ title: '服务暂不可用' }, { status: 503, statusText: 'Unavailable' });
    expect(store.loadError()).toBeTruthy();
  });

  it('sends nothing without a session or before the password is changed', () => {
    TestBed.inject(EntryPrefetch).start();
    httpMock.expectNone(() => true);
    signedIn(true);
    TestBed.inject(EntryPrefetch).start();
    httpMock.expectNone(() => true);
    expect(TestBed.inject(EntryPrefetch).take()).toBeNull();
  });
});
