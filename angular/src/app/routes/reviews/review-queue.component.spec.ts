import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { pageProviders, settle } from '@testing/page-setup';

import { ReviewQueueComponent, reviewablePeriods } from './review-queue.component';

describe('ReviewQueueComponent', () => {
  let fixture: ComponentFixture<ReviewQueueComponent>;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ReviewQueueComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReviewQueueComponent);
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock.expectOne('/api/app/periods').flush([
      { id: 'p0', name: '2026年10月', status: 'Planned' },
      { id: 'p1', name: '2026年9月', status: 'Open' },
    ]);
    httpMock.expectOne('/api/app/reviews/periods/p1/submissions').flush([
      { cityId: 'c2', cityName: '天水市', status: 'Draft' },
      { cityId: 'c1', cityName: '兰州市', status: 'Submitted', selfTotal: 88.5 },
      { cityId: 'c3', cityName: '酒泉市', status: 'Approved', selfTotal: 90 },
    ]);
    await render();
  });

  afterEach(() => httpMock.verify());

  it('skips planned periods and picks the open one', () => {
    expect(reviewablePeriods([{ status: 'Planned' }, { status: 'Open' }])).toHaveLength(1);
    expect(el.textContent).toContain('1 个城市待审核');
  });

  it('lists submissions waiting for review first, with status, self total and a link', () => {
    const rows = Array.from(
      el.querySelectorAll('[data-testid="review-table"] tbody tr.ant-table-row'),
    );
    expect(rows.map((r) => r.getAttribute('data-city'))).toEqual(['兰州市', '酒泉市', '天水市']);
    expect(rows[0].textContent).toContain('已提交省级');
    expect(rows[0].textContent).toContain('88.5');
    expect(rows[0].querySelector('a')!.textContent).toContain('审核');
    expect(rows[0].querySelector('a')!.getAttribute('href')).toBe('/reviews/p1/c1');
    expect(rows[2].textContent).toContain('填报中');
    expect(rows[2].querySelector('a')!.textContent).toContain('查看');
  });

  it('pages the queue of 300 cities by twenty, waiting ones first, and reaches every city', async () => {
    fixture.componentInstance.load();
    httpMock.expectOne('/api/app/reviews/periods/p1/submissions').flush(
      Array.from({ length: 300 }, (_, i) => ({
        cityId: `c${i}`,
        cityName: `城市${String(i).padStart(3, '0')}`,
        status: i % 3 === 0 ? 'Submitted' : 'Approved',
      })),
    );
    await render();
    const rows = () =>
      Array.from(el.querySelectorAll('[data-testid="review-table"] tbody tr.ant-table-row'));

    expect(rows()).toHaveLength(20);
    expect(rows()[0].getAttribute('data-city')).toBe('城市000');
    expect(el.textContent).toContain('100 个城市待审核');
    (
      el.querySelector(
        '[data-testid="review-table"] li.ant-pagination-item[title="15"]',
      ) as HTMLElement
    ).click();
    await render();

    expect(rows()).toHaveLength(20);
    expect(rows()[19].getAttribute('data-city')).toBe('城市299');

    // A part of a name finds the city among 300, whatever page was shown.
    const filter = el.querySelector<HTMLInputElement>('[data-testid="review-city-filter"]')!;
    filter.value = ' 城市12 ';
    filter.dispatchEvent(new Event('input'));
    await render();
    expect(rows().map((r) => r.getAttribute('data-city'))).toEqual([
      '城市120',
      '城市123',
      '城市126',
      '城市129',
      '城市121',
      '城市122',
      '城市124',
      '城市125',
      '城市127',
      '城市128',
    ]);
    expect(el.textContent).toContain('100 个城市待审核');
  });
});
