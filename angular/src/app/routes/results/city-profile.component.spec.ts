import { signal } from '@angular/core';
import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideEchartsCore } from 'ngx-echarts';

import { pageProviders } from '@testing/page-setup';
import { HonoursCityProfileDto as ProfileDto } from '@api/models';
import { SessionService } from '@core/session/session.service';
import { bandColour } from './city-profile-periods.component';
import { CityProfileComponent } from './city-profile.component';

const PROFILE: ProfileDto = {
  cityId: 'c1',
  cityName: '兰州市',
  periods: [
    {
      periodId: 'p1',
      periodName: '2025年度',
      kindText: '年度',
      year: 2025,
      number: 1,
      sheetId: 's1',
      version: 1,
      notAssessed: false,
      total: 92.5,
      maxPoints: 100,
      percent: 92.5,
      grade: '优秀',
      gradeKey: 'excellent',
      colour: '绿',
      colourKey: 'green',
      rank: 2,
      vetoed: false,
      final: true,
      publishedTime: '2026-01-15T02:00:00Z',
    },
    {
      periodId: 'p2',
      periodName: '2026年度',
      kindText: '年度',
      year: 2026,
      number: 1,
      sheetId: 's2',
      version: 2,
      notAssessed: false,
      total: 0,
      maxPoints: 100,
      percent: 0,
      grade: '不合格',
      gradeKey: 'fail',
      colour: '红',
      colourKey: 'red',
      rank: 14,
      vetoed: true,
      final: true,
      publishedTime: '2027-01-15T02:00:00Z',
    },
  ],
  honours: [
    {
      id: 'a1',
      cityId: 'c1',
      ruleId: 'r1',
      name: '平安鼎',
      stars: 0,
      years: [2024, 2025],
      yearsText: '2024、2025',
      periodIds: [],
      awardedTime: '2026-01-20T02:00:00Z',
      isActive: true,
    },
  ],
  openProblemCount: 1,
  openProblems: [
    {
      id: 'q1',
      title: '矛盾纠纷排查台账不全',
      statusText: '整改中',
      severityText: '较重',
      deadline: '2026-06-30T15:59:59Z',
      overdue: true,
    },
  ],
};

function setUp(host: boolean) {
  TestBed.configureTestingModule({
    imports: [CityProfileComponent],
    providers: pageProviders(provideEchartsCore({ echarts: () => new Promise(() => undefined) }), {
      provide: SessionService,
      useValue: {
        isHostUser: signal(host),
        currentUser: signal({ tenantId: host ? null : 'c1' }),
      },
    }),
  });
  const httpMock = TestBed.inject(HttpTestingController);
  const fixture: ComponentFixture<CityProfileComponent> =
    TestBed.createComponent(CityProfileComponent);
  fixture.detectChanges();
  return { fixture, httpMock };
}

describe('CityProfileComponent', () => {
  it('shows a city its own results, honours and open problems with one heading, in Beijing time', () => {
    const { fixture, httpMock } = setUp(false);
    httpMock.expectOne('/api/app/cities/c1/profile').flush(PROFILE);
    fixture.detectChanges();

    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelectorAll('h1').length).toBe(1);
    expect(page.querySelector('h1')!.textContent).toContain('兰州市');
    const periods = page.querySelector('[data-testid="profile-periods"]')!.textContent ?? '';
    expect(periods).toContain('2025年度');
    expect(periods).toContain('92.50');
    expect(periods).toContain('一票否决');
    expect(periods).toContain('2026-01-15 10:00');
    expect(page.querySelector('[data-testid="profile-honours"]')!.textContent).toContain(
      '2024、2025',
    );
    expect(page.textContent).toContain('未销号问题（1 个）');
    expect(page.querySelector('[data-testid="profile-problems"] a')!.getAttribute('href')).toBe(
      '/supervision/q1',
    );
    expect(page.querySelector('[data-testid="profile-city"]')).toBeNull();
    // The printed page names the city and the print time at its top.
    const head = page.querySelector('[data-testid="profile-print-head"]')!.textContent ?? '';
    expect(head).toContain('兰州市考评概况');
    expect(head).toMatch(/打印时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);
    httpMock.verify();
  });

  it('lets the province pick a city and print', () => {
    const { fixture, httpMock } = setUp(true);
    httpMock
      .expectOne((r) => r.url === '/api/app/tenants')
      .flush({ totalCount: 1, items: [{ id: 'c1', name: '兰州', displayName: '兰州市' }] });
    httpMock.expectNone('/api/app/cities/c1/profile');
    fixture.detectChanges();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('[data-testid="profile-pick-first"]')!.textContent).toContain(
      '请先在右上方选择一个城市',
    );

    fixture.componentInstance.pick('c1');
    httpMock.expectOne('/api/app/cities/c1/profile').flush(PROFILE);
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    fixture.componentInstance.print();
    expect(print).toHaveBeenCalled();
    httpMock.verify();
  });

  it('colours grades and colour bands by their keys', () => {
    expect([bandColour('excellent'), bandColour('red'), bandColour(null)]).toEqual([
      'green',
      'red',
      'default',
    ]);
  });
});
