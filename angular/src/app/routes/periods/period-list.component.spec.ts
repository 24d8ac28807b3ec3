import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { By } from '@angular/platform-browser';

import { pageProviders, settle, signIn } from '@testing/page-setup';
import { tableCells } from '@testing/page-text';
import { PeriodsPeriodDto as PeriodDto } from '@api/models';
import { schemeDto } from '@testing/scheme-fixtures';
import { Permissions } from '@core/permissions';
import { shanghaiWallClock } from '@shared/period-time';
import { PeriodCreateDialogComponent } from './period-create-dialog.component';
import { PeriodListComponent } from './period-list.component';

function periodDto(overrides: Partial<PeriodDto> = {}): PeriodDto {
  return {
    id: 'p1',
    schemeId: 's1',
    name: '2026年度考核',
    kind: 'Annual',
    year: 2026,
    number: 1,
    status: 'Open',
    entryOpensAt: '2026-03-01T01:00:00Z',
    entryClosesAt: '2026-03-31T10:00:00Z',
    entryOpensAtLocal: '2026-03-01T09:00',
    entryClosesAtLocal: '2026-03-31T18:00',
    concurrencyStamp: 'c1',
    ...overrides,
  };
}

describe('PeriodListComponent', () => {
  let fixture: ComponentFixture<PeriodListComponent>;
  let component: PeriodListComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  function createDialog(): PeriodCreateDialogComponent {
    return fixture.debugElement.query(By.directive(PeriodCreateDialogComponent)).componentInstance;
  }

  const render = (): Promise<void> => settle(fixture);

  function setup(granted: string[]): void {
    TestBed.configureTestingModule({
      imports: [PeriodListComponent],
      providers: pageProviders(),
    });
    httpMock = signIn(granted);
    fixture = TestBed.createComponent(PeriodListComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  }

  function flushLists(periods: PeriodDto[]): void {
    const schemes = httpMock.expectOne((r) => r.url === '/api/app/schemes');
    expect(schemes.request.params.has('Status')).toBe(false);
    schemes.flush({
      totalCount: 2,
      items: [
        schemeDto({ id: 's1', name: '2026细则' }),
        schemeDto({ id: 's0', name: '2025细则', status: 'Archived' }),
      ],
    });
    httpMock.expectOne('/api/app/periods').flush(periods);
  }

  const rows = (): string[][] => tableCells(el);

  afterEach(() => httpMock.verify());

  it('lists periods with scheme, kind, year/number, Beijing-time window and status', async () => {
    setup([Permissions.Periods.Default]);
    flushLists([
      periodDto(),
      periodDto({ id: 'p2', name: '2026上半年', kind: 'HalfYear', status: 'Planned', number: 1 }),
      periodDto({ id: 'p0', schemeId: 's0', name: '2025年度考核', status: 'Published' }),
    ]);
    await render();
    const [first, second] = rows();
    expect(first).toEqual([
      '2026年度考核',
      '2026细则',
      '年度',
      '2026 / 1',
      '2026-03-01 09:00 ~ 2026-03-31 18:00',
      '填报中',
    ]);
    expect(second[2]).toBe('半年');
    expect(second[5]).toBe('未开始');
    expect(rows()[2][1]).toBe('2025细则'); // an archived scheme still names its periods
    // read-only users get neither the create button nor the actions column
    expect(el.querySelector('[data-testid="period-create"]')).toBeNull();
    expect(el.querySelector('[data-testid="period-open"]')).toBeNull();
  });

  it('offers open for a planned period and close for an open one to managers', async () => {
    setup([Permissions.Periods.Default, Permissions.Periods.Manage]);
    flushLists([
      periodDto({ id: 'p1', status: 'Open' }),
      periodDto({ id: 'p2', status: 'Planned' }),
    ]);
    await render();
    expect(el.querySelector('[data-testid="period-create"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid="period-close"]')).toHaveLength(1);
    expect(el.querySelectorAll('[data-testid="period-open"]')).toHaveLength(1);

    component.transition(periodDto({ id: 'p2', status: 'Planned' }), 'open');
    httpMock.expectOne('/api/app/periods/p2/open').flush(periodDto({ id: 'p2' }));
    httpMock.expectOne('/api/app/periods').flush([]);
  });

  it('offers publishing and lock exceptions before, veto and withdrawal after publishing', async () => {
    setup([
      Permissions.Periods.Default,
      Permissions.Periods.Manage,
      Permissions.Results.Default,
      Permissions.Results.Publish,
    ]);
    flushLists([
      periodDto({ id: 'p1', status: 'Locked' }),
      periodDto({ id: 'p0', status: 'Published' }),
      periodDto({ id: 'p3', status: 'Published', finalizedTime: '2026-12-01T00:00:00Z' }),
      periodDto({ id: 'p2', status: 'Planned' }),
    ]);
    await render();
    expect(el.querySelectorAll('[data-testid="period-publish"]')).toHaveLength(1);
    // A publication is withdrawn only while its results are not final.
    expect(el.querySelectorAll('[data-testid="period-withdraw-publication"]')).toHaveLength(1);
    expect(el.querySelectorAll('[data-testid="period-exceptions"]')).toHaveLength(1);
    expect(el.querySelectorAll('[data-testid="period-veto"]')).toHaveLength(2);
    expect(el.querySelectorAll('[data-testid="period-withdraw"]')).toHaveLength(2);

    el.querySelector<HTMLElement>('[data-testid="period-publish"]')!.click();
    await render();
    // the dialog loads the submissions to count the approved cities
    httpMock
      .expectOne('/api/app/reviews/periods/p1/submissions')
      .flush([{ cityId: 'c1', cityName: '兰州市', status: 'Approved' }]);
    await render();
    expect(document.body.querySelector('[data-testid="publish-summary"]')!.textContent).toContain(
      '1 / 1',
    );
  });

  it('a period manager without Results.Publish cannot publish', async () => {
    setup([Permissions.Periods.Default, Permissions.Periods.Manage]);
    flushLists([
      periodDto({ id: 'p1', status: 'Open' }),
      periodDto({ id: 'p0', status: 'Published' }),
    ]);
    await render();
    expect(el.querySelector('[data-testid="period-publish"]')).toBeNull();
    expect(el.querySelector('[data-testid="period-veto"]')).toBeNull();
    expect(el.querySelectorAll('[data-testid="period-exceptions"]')).toHaveLength(1);
  });

  it('creates a period with the picked wall-clock times sent as Asia/Shanghai time', async () => {
    setup([Permissions.Periods.Default, Permissions.Periods.Manage]);
    flushLists([]);
    await render();
    createDialog().form.setValue({
      schemeId: 's1',
      kind: 2,
      year: 2026,
      number: 3,
      entryOpensAt: new Date(2026, 6, 1, 9, 0),
      entryClosesAt: new Date(2026, 6, 15, 18, 30),
    });
    createDialog().submit();
    const req = httpMock.expectOne('/api/app/periods');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({
      schemeId: 's1',
      kind: 2,
      year: 2026,
      number: 3,
      entryOpensAt: '2026-07-01T09:00:00',
      entryClosesAt: '2026-07-15T18:30:00',
    });
    req.flush(periodDto({ id: 'p3', name: '2026年第3季度' }));
    httpMock.expectOne('/api/app/periods').flush([]);
  });

  it('does not send an incomplete form', () => {
    setup([Permissions.Periods.Default, Permissions.Periods.Manage]);
    flushLists([]);
    createDialog().submit();
    httpMock.expectNone('/api/app/periods');
    expect(shanghaiWallClock(new Date(2026, 0, 2, 3, 4))).toBe('2026-01-02T03:04:00');
  });
});
