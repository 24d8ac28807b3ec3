import { HttpTestingController } from '@angular/common/http/testing';
import {
  ComponentFixture,
  DeferBlockBehavior,
  DeferBlockState,
  TestBed,
} from '@angular/core/testing';
import { Router } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

import { PeriodsPeriodDto as PeriodDto } from '@api/models';
import { SessionService } from '@core/session/session.service';
import { pageProviders } from '@testing/page-setup';
import { DashboardComponent, colourHex, totalsChartOptions } from './dashboard.component';
import {
  MonitoringRow,
  TrendPoint,
  radarChartOptions,
  trendChartOptions,
  warningItems,
} from './monitoring';

function period(overrides: Partial<PeriodDto>): PeriodDto {
  return {
    id: 'p1',
    name: '2025年度考核',
    kind: 'Annual',
    year: 2025,
    number: 1,
    status: 'Published',
    schemeId: 's1',
    ...overrides,
  };
}

const RANKING = [
  {
    rank: 1,
    cityId: 'c1',
    cityName: '兰州市',
    total: 92.5,
    grade: '优秀',
    colour: '绿',
    change: 1.5,
  },
  {
    rank: 2,
    cityId: 'c2',
    cityName: '天水市',
    total: 80,
    grade: '良好',
    colour: '蓝',
    change: null,
  },
];

const MONITORING: MonitoringRow[] = [
  {
    cityId: 'c1',
    cityName: '兰州市',
    source: 'Published',
    total: 92.5,
    maxPoints: 100,
    percent: 92.5,
    grade: '优秀',
    colour: '绿',
    categories: [
      { code: 'A', name: '政治安全', points: 18, maxPoints: 20, percent: 90, colour: '绿' },
      { code: 'B', name: '公共安全', points: 15, maxPoints: 20, percent: 75, colour: '橙' },
    ],
    warnings: [
      {
        scope: 'Category',
        code: 'B',
        name: '公共安全',
        percent: 75,
        colour: '橙',
        level: 'Orange',
      },
    ],
  },
  {
    cityId: 'c2',
    cityName: '天水市',
    source: 'Review',
    total: 60,
    maxPoints: 100,
    percent: 60,
    grade: '合格',
    colour: '红',
    categories: [
      { code: 'A', name: '政治安全', points: 10, maxPoints: 20, percent: 50, colour: '红' },
      { code: 'B', name: '公共安全', points: 16, maxPoints: 20, percent: 80, colour: '蓝' },
    ],
    warnings: [
      { scope: 'Line', code: 'A.1', name: '群众安全感', percent: 40, colour: '红', level: 'Red' },
      {
        scope: 'Category',
        code: 'A',
        name: '政治安全',
        percent: 50,
        colour: '红',
        level: 'Red',
      },
    ],
  },
];

const TRENDS: TrendPoint[] = [
  {
    periodId: 'q2',
    periodName: '2026年第2季度',
    year: 2026,
    number: 2,
    cityId: 'c1',
    cityName: '兰州市',
    percent: 92.5,
  },
  {
    periodId: 'q1',
    periodName: '2026年第1季度',
    year: 2026,
    number: 1,
    cityId: 'c1',
    cityName: '兰州市',
    percent: 88,
  },
  {
    periodId: 'q1',
    periodName: '2026年第1季度',
    year: 2026,
    number: 1,
    cityId: 'c2',
    cityName: '天水市',
    percent: 61,
  },
];

describe('DashboardComponent', () => {
  let fixture: ComponentFixture<DashboardComponent>;
  let component: DashboardComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [DashboardComponent],
      // the radar, trends, warnings and completeness are drawn when the test says so
      deferBlockBehavior: DeferBlockBehavior.Manual,
      providers: pageProviders(
        // echarts itself never loads in jsdom: the chart stays an empty element
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ),
    });
    await TestBed.compileComponents();
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DashboardComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  /** Renders, the deferred parts (radar, trends, warnings, completeness) included. */
  async function render(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    for (const block of await fixture.getDeferBlocks()) {
      await block.render(DeferBlockState.Complete);
    }
    fixture.detectChanges();
  }

  function rows(testId: string): string[][] {
    return Array.from(el.querySelectorAll(`[data-testid="${testId}"] tbody tr.ant-table-row`)).map(
      (tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim()),
    );
  }

  it('opens the newest published period and shows ranking, chart and completeness', async () => {
    httpMock
      .expectOne('/api/app/periods')
      .flush([
        period({ id: 'old', year: 2024, name: '2024年度考核' }),
        period({ id: 'p1' }),
        period({ id: 'next', year: 2026, status: 'Planned', name: '2026年度考核' }),
      ]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([
      {
        cityId: 'c1',
        cityName: '兰州市',
        reported: 30,
        expected: 30,
        percent: 100,
        submissionStatus: 'Approved',
        onTime: true,
      },
    ]);
    await render();

    expect(component.periodId()).toBe('p1');
    expect(rows('dashboard-ranking')).toEqual([
      ['1', '兰州市', '92.50', '优秀', '+1.50', '概况'],
      ['2', '天水市', '80.00', '良好', '-', '概况'],
    ]);
    expect(el.querySelector('[data-testid="dashboard-chart"]')).not.toBeNull();
    const [done] = rows('dashboard-completeness');
    expect(done[0]).toBe('兰州市');
    expect(done[1]).toBe('30 / 30');
    expect(done[3]).toBe('已审核');
    expect(done[4]).toBe('是');
  });

  it('draws the ranking first and the rest after it', async () => {
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    // the completeness (slower at 300 cities) does not hold the ranking
    const completeness = httpMock.expectOne('/api/app/results/periods/p1/completeness');
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(rows('dashboard-ranking')).toHaveLength(2);
    completeness.flush([]);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(rows('dashboard-ranking')).toHaveLength(2);
    expect(el.querySelector('[data-testid="dashboard-later"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="dashboard-radar-card"]')).toBeNull();
    expect(el.querySelector('[data-testid="dashboard-warnings"]')).toBeNull();

    await render();
    expect(el.querySelector('[data-testid="dashboard-later"]')).toBeNull();
    expect(rows('dashboard-warnings')).toHaveLength(3);
  });

  it('keeps the picked period in the URL, follows Back and opens a city score sheet from its row', async () => {
    const router = TestBed.inject(Router);
    httpMock
      .expectOne('/api/app/periods')
      .flush([period({ id: 'p1' }), period({ id: 'old', year: 2024, name: '2024年度考核' })]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();
    expect(router.url).toBe('/?period=p1');
    const link = el.querySelector<HTMLAnchorElement>('[data-testid="dashboard-sheet-c1"]')!;
    expect(link.getAttribute('href')).toBe('/score-sheet?period=p1&city=c1');
    const profile = el.querySelector<HTMLAnchorElement>('[data-testid="dashboard-profile-c1"]')!;
    expect(profile.getAttribute('href')).toBe('/city-profile?city=c1');
    expect(profile.getAttribute('aria-label')).toBe('查看兰州市的历年概况');

    component.pick('old');
    httpMock.expectOne('/api/app/results/periods/old/monitoring').flush([]);
    httpMock.expectOne('/api/app/results/periods/old/ranking').flush([]);
    httpMock.expectOne('/api/app/results/periods/old/completeness').flush([]);
    await render();
    expect(router.url).toBe('/?period=old');

    // Back (the URL changes): the dashboard shows that period again.
    await router.navigateByUrl('/?period=p1');
    await render();
    expect(component.periodId()).toBe('p1');
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);

    el.querySelector<HTMLButtonElement>('[data-testid="dashboard-big-screen"]')!.click();
    await render();
    expect((fixture.nativeElement as HTMLElement).classList).toContain('big-screen');
  }, 30_000);

  it('draws the radar and trends of the compared cities and lists the warnings, red first', async () => {
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();

    expect(component.compared()).toEqual(['c1', 'c2']);
    expect(el.querySelector('[data-testid="dashboard-radar"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="dashboard-trend"]')).not.toBeNull();
    expect(rows('dashboard-warnings').map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      ['天水市', '类别', 'A', '红色预警'],
      ['天水市', '指标', 'A.1', '红色预警'],
      ['兰州市', '类别', 'B', '橙色提醒'],
    ]);
    expect(el.querySelector('[data-testid="dashboard-red-count"]')!.textContent).toContain('2');

    component.warningCity.set('c1');
    await render();
    expect(rows('dashboard-warnings').map((r) => r[2])).toEqual(['B']);

    component.compared.set(['c2']);
    expect(component.radarOptions().series[0].data).toEqual([{ name: '天水市', value: [50, 80] }]);
    expect(component.trendOptions().series.map((x) => x.name)).toEqual(['天水市']);
  });

  it('keeps the city of the warnings in the URL: a reload and Back restore it', async () => {
    const router = TestBed.inject(Router);
    httpMock.expectOne('/api/app/periods').flush([]);
    fixture.destroy();
    // A reload (or a shared link) of the dashboard limited to 天水市
    await router.navigateByUrl('/?period=p1&city=c2');
    fixture = TestBed.createComponent(DashboardComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();
    expect(component.warningCity()).toBe('c2');
    expect(rows('dashboard-warnings').map((r) => r[0])).toEqual(['天水市', '天水市']);
    expect(router.url).toBe('/?period=p1&city=c2');

    component.chooseCity('c1');
    await render();
    expect(router.url).toBe('/?period=p1&city=c1');
    expect(rows('dashboard-warnings').map((r) => r[0])).toEqual(['兰州市']);

    // Back: 天水市 again; further back: every city
    await router.navigateByUrl('/?period=p1&city=c2');
    await render();
    expect(component.warningCity()).toBe('c2');
    await router.navigateByUrl('/?period=p1');
    await render();
    expect(component.warningCity()).toBeNull();
    expect(rows('dashboard-warnings')).toHaveLength(3);
  });

  it('keeps ranking and completeness when monitoring fails and shows why', async () => {
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock
      .expectOne('/api/app/results/periods/p1/monitoring')
      .flush({ title: '周期不存在' }, { status: 404, statusText: 'Not Found' });
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();

    expect(rows('dashboard-ranking')).toHaveLength(2);
    expect(el.querySelector('[data-testid="dashboard-radar-card"]')!.textContent).toContain(
      '周期不存在',
    );
  });

  it('compares the cities with figures first', async () => {
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock
      .expectOne('/api/app/results/periods/p1/monitoring')
      .flush([{ cityId: 'n1', cityName: '酒泉市', source: 'None', categories: [] }, ...MONITORING]);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush([]);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush([]);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();
    expect(component.compared()).toEqual(['c1', 'c2', 'n1']);
  });

  it("shows a city's own user only that city", async () => {
    const session = TestBed.inject(SessionService);
    vi.spyOn(session, 'currentUser').mockReturnValue({ tenantId: 'c2', isAuthenticated: true });
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush(MONITORING);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush(TRENDS);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();

    expect(rows('dashboard-ranking').map((r) => r[1])).toEqual(['天水市']);
    expect(component.cities().map((c) => c.id)).toEqual(['c2']);
    expect(new Set(component.warnings().map((w) => w.cityId))).toEqual(new Set(['c2']));
  });

  it('says so when the picked period has no published results', async () => {
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush([]);
    httpMock.expectOne('/api/app/results/trends?schemeId=s1').flush([]);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();

    component.pick('p1');
    // same scheme: the trends are not fetched again
    httpMock.expectOne('/api/app/results/periods/p1/monitoring').flush([]);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush([]);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();
    expect(el.querySelector('[data-testid="dashboard-chart"]')).toBeNull();
    expect(el.querySelector('[data-testid="dashboard-no-results"]')!.textContent).toContain(
      '尚未发布',
    );
  });
});

describe('dashboard chart options', () => {
  it('builds one bar per city coloured by its band', () => {
    const options = totalsChartOptions(RANKING, '总分');
    expect(options.xAxis.data).toEqual(['兰州市', '天水市']);
    expect(options.series[0].data).toEqual([
      { value: 92.5, itemStyle: { color: '#52c41a' } },
      { value: 80, itemStyle: { color: '#1677ff' } },
    ]);
    expect(colourHex('红')).toBe('#f5222d');
    expect(colourHex(null)).toBe('#1677ff');
  });
});

describe('monitoring chart options', () => {
  it('radar: one axis per category (max 100), one polygon per picked city', () => {
    const options = radarChartOptions(MONITORING, ['c1', 'c2']);
    expect(options.radar.indicator).toEqual([
      { name: '政治安全', max: 100 },
      { name: '公共安全', max: 100 },
    ]);
    expect(options.series[0].data).toEqual([
      { name: '兰州市', value: [90, 75] },
      { name: '天水市', value: [50, 80] },
    ]);
  });

  it('trend: periods in time order, a gap where a city has no published result', () => {
    const options = trendChartOptions(TRENDS, ['c1', 'c2'], '%');
    expect(options.xAxis.data).toEqual(['2026年第1季度', '2026年第2季度']);
    expect(options.xAxis.axisLabel.interval).toBe(0);
    expect(options.series).toEqual([
      expect.objectContaining({ name: '兰州市', data: [88, 92.5] }),
      expect.objectContaining({ name: '天水市', data: [61, null] }),
    ]);
  });

  it('warnings of one city only', () => {
    expect(warningItems(MONITORING, 'c2').map((w) => w.code)).toEqual(['A', 'A.1']);
    expect(warningItems([])).toEqual([]);
  });
});
