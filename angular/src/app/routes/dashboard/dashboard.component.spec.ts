import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';

import { PeriodsPeriodDto as PeriodDto } from '../../api/models';
import { APP_ICONS } from '../../core/icons';
import { DashboardComponent, colourHex, totalsChartOptions } from './dashboard.component';

function period(overrides: Partial<PeriodDto>): PeriodDto {
  return {
    id: 'p1',
    name: '2025年度考核',
    kind: 'Annual',
    year: 2025,
    number: 1,
    status: 'Published',
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

describe('DashboardComponent', () => {
  let fixture: ComponentFixture<DashboardComponent>;
  let component: DashboardComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [DashboardComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        // echarts itself never loads in jsdom: the chart stays an empty element
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DashboardComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  async function render(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
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
      ['1', '兰州市', '92.50', '优秀', '+1.50'],
      ['2', '天水市', '80.00', '良好', '-'],
    ]);
    expect(el.querySelector('[data-testid="dashboard-chart"]')).not.toBeNull();
    const [done] = rows('dashboard-completeness');
    expect(done[0]).toBe('兰州市');
    expect(done[1]).toBe('30 / 30');
    expect(done[3]).toBe('已审核');
    expect(done[4]).toBe('是');
  });

  it('says so when the picked period has no published results', async () => {
    httpMock.expectOne('/api/app/periods').flush([period({ id: 'p1' })]);
    httpMock.expectOne('/api/app/results/periods/p1/ranking').flush(RANKING);
    httpMock.expectOne('/api/app/results/periods/p1/completeness').flush([]);
    await render();

    component.pick('p1');
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
