import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideEchartsCore } from 'ngx-echarts';

import { QualityComponent } from './quality.component';
import { pageProviders } from '@testing/page-setup';

describe('quality page', () => {
  it("loads a page of cities of the newest period, then a city's units and its own trend", () => {
    TestBed.configureTestingModule({
      imports: [QualityComponent],
      providers: pageProviders(provideEchartsCore({ echarts: () => new Promise(() => undefined) })),
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(QualityComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();

    http
      .expectOne((r) => r.url === '/api/app/periods')
      .flush([
        { id: 'p1', name: '2025年度', year: 2025, number: 1, status: 'Published' },
        { id: 'p2', name: '2026年度', year: 2026, number: 1, status: 'Open' },
        { id: 'p3', name: '2027年度', year: 2027, number: 1, status: 'Planned' },
      ]);
    const cities = http.expectOne((r) => r.url === '/api/app/quality/periods/p2/cities');
    expect(cities.request.params.get('SkipCount')).toBe('0');
    expect(cities.request.params.get('MaxResultCount')).toBe('20');
    cities.flush({
      totalCount: 1,
      items: [
        {
          cityId: 'c1',
          cityName: '兰州市',
          expected: 30,
          reported: 24,
          onTime: 20,
          late: 4,
          missing: 6,
          flagged: 2,
          reportedPercent: 80,
          onTimePercent: 66.67,
        },
      ],
    });
    http
      .expectOne('/api/app/quality/periods/p2/trend')
      .flush([
        { periodId: 'p2', periodName: '2026年度', reportedPercent: 80, onTimePercent: 66.67 },
      ]);
    fixture.detectChanges();
    const row = el.querySelector('[data-city="兰州市"]')!;
    expect(row.textContent).toContain('24 / 30');

    el.querySelector<HTMLButtonElement>('[data-units="兰州市"]')!.click();
    http.expectOne('/api/app/quality/periods/p2/cities/c1/units').flush([
      {
        unitId: null,
        unitName: '市本级（未分配单位）',
        expected: 30,
        reported: 24,
        onTimePercent: 66.67,
      },
    ]);
    const trend = http.expectOne((r) => r.url === '/api/app/quality/periods/p2/trend');
    expect(trend.request.params.get('cityId')).toBe('c1');
    trend.flush([]);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="quality-units"]')!.textContent).toContain(
      '市本级（未分配单位）',
    );
    expect(el.querySelectorAll('h1').length).toBe(1);
    http.verify();
  }, 30_000);
});
