import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { provideEchartsCore } from 'ngx-echarts';

import { ResultsRankingRowDto as RankingRowDto } from '@api/models';
import { APP_ICONS } from '@core/icons';
import { DashboardRankingComponent } from './dashboard-ranking.component';
import { findCity, pageOf, sortRanking } from './dashboard-paging';

/** 45 cities ranked by total (城市1 first); every third has no change to the last period. */
const ROWS: RankingRowDto[] = Array.from({ length: 45 }, (_, i) => ({
  cityId: `c${i + 1}`,
  cityName: `城市${i + 1}`,
  rank: i + 1,
  total: 95 - i,
  grade: '良好',
  change: i % 3 === 0 ? null : (i % 7) - 3,
}));

describe('dashboard ranking', () => {
  let fixture: ComponentFixture<DashboardRankingComponent>;
  let el: HTMLElement;

  beforeEach(() => {
    localStorage.removeItem('dashboard.pageSize.ranking');
    TestBed.configureTestingModule({
      imports: [DashboardRankingComponent],
      providers: [
        provideRouter([]),
        provideNzIcons(APP_ICONS),
        provideEchartsCore({ echarts: () => new Promise(() => undefined) }),
      ],
    });
  });

  async function open(rows: RankingRowDto[] = ROWS): Promise<void> {
    fixture = TestBed.createComponent(DashboardRankingComponent);
    fixture.componentRef.setInput('rows', rows);
    fixture.componentRef.setInput('periodId', 'p1');
    el = fixture.nativeElement;
    await render();
  }

  async function render(): Promise<void> {
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function cities(): string[] {
    return Array.from(
      el.querySelectorAll('[data-testid="dashboard-ranking"] tbody tr.ant-table-row'),
    ).map((tr) => tr.querySelectorAll('td')[1].textContent!.trim());
  }

  it('shows 20 cities a page, the rest on the next pages', async () => {
    await open();
    expect(cities()).toHaveLength(20);
    expect(cities()[0]).toBe('城市1');
    fixture.componentInstance.pageIndex.set(3);
    await render();
    expect(cities()).toEqual(['城市41', '城市42', '城市43', '城市44', '城市45']);
  });

  it('keeps the page size the user picked for the next visit', async () => {
    await open();
    fixture.componentInstance.pageSize.set(50);
    await render();
    expect(cities()).toHaveLength(45);
    expect(localStorage.getItem('dashboard.pageSize.ranking')).toBe('50');

    fixture.destroy();
    await open();
    expect(fixture.componentInstance.pageSize.size()).toBe(50);
    expect(cities()).toHaveLength(45);
  });

  it('sorts every city, not only the page shown', async () => {
    await open();
    el.querySelectorAll<HTMLElement>('[data-testid="dashboard-ranking"] thead th')[2].click();
    await render();
    // ascending total: the last of the ranking comes first
    expect(cities()[0]).toBe('城市45');
    expect(fixture.componentInstance.pageIndex()).toBe(1);
  });

  it('opens the page of a city typed in the search box and marks it', async () => {
    await open();
    const box = el.querySelector<HTMLInputElement>('[data-testid="dashboard-find-city"]')!;
    box.value = '城市33';
    box.dispatchEvent(new Event('input'));
    await render();
    expect(fixture.componentInstance.pageIndex()).toBe(2);
    expect(el.querySelector('tr.found')!.getAttribute('data-city-row')).toBe('c33');
    expect(el.querySelector('[data-testid="dashboard-city-not-found"]')).toBeNull();

    box.value = '不存在';
    box.dispatchEvent(new Event('input'));
    await render();
    expect(el.querySelector('tr.found')).toBeNull();
    expect(el.querySelector('[data-testid="dashboard-city-not-found"]')!.textContent).toContain(
      '没有这个城市',
    );
  });

  it('links each city to its score sheet and to its profile across years', async () => {
    await open(ROWS.slice(0, 2));
    // a short ranking needs no pager
    expect(el.querySelector('nz-pagination')).toBeNull();
    expect(el.querySelector('[data-testid="dashboard-sheet-c2"]')!.getAttribute('href')).toBe(
      '/score-sheet?period=p1&city=c2',
    );
    expect(el.querySelector('[data-testid="dashboard-profile-c2"]')!.getAttribute('href')).toBe(
      '/city-profile?city=c2',
    );
  });
});

describe('ranking paging', () => {
  it('sorts by a column with missing figures last either way', () => {
    const rows = ROWS.slice(0, 4);
    expect(sortRanking(rows, 'change', 'ascend').map((r) => r.cityId)).toEqual([
      'c2',
      'c3',
      'c1',
      'c4',
    ]);
    expect(sortRanking(rows, 'change', 'descend').map((r) => r.cityId)).toEqual([
      'c3',
      'c2',
      'c1',
      'c4',
    ]);
    expect(sortRanking(rows, 'total', null).map((r) => r.cityId)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('finds a city by part of its name and the page it is on', () => {
    expect(findCity(ROWS, ' 城市21 ')).toBe(20);
    expect(findCity(ROWS, '')).toBe(-1);
    expect(pageOf(20, 20)).toBe(2);
    expect(pageOf(19, 20)).toBe(1);
  });
});
