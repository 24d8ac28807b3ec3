import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { pageProviders } from '@testing/page-setup';
import { SupervisionSupervisionRoundDto as RoundDto } from '@api/models';
import { RoundListComponent } from './round-list.component';

const ROUND: RoundDto = {
  id: 'r1',
  name: '第一轮督导',
  periodLabel: '2026年',
  startDate: '2026-05-06',
  endDate: '2026-05-10',
  visits: [{ cityId: 'c1', cityName: '兰州市', unitIds: ['u1'], unitNames: ['公安局'] }],
  members: [],
  problemCount: 0,
  concurrencyStamp: 's1',
};

describe('RoundListComponent', () => {
  let fixture: ComponentFixture<RoundListComponent>;
  let component: RoundListComponent;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RoundListComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RoundListComponent);
    component = fixture.componentInstance;
    fixture.detectChanges();
    httpMock.expectOne('/api/app/supervision/rounds').flush([ROUND]);
    httpMock
      .expectOne((r) => r.url === '/api/app/tenants')
      .flush({
        totalCount: 2,
        items: [
          { id: 'c1', name: '兰州', displayName: '兰州市' },
          { id: 'c2', name: '天水', displayName: '天水市' },
        ],
      });
    httpMock.expectOne('/api/app/supervision/rounds/member-candidates').flush([]);
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  function unitCandidates(cityId: string) {
    return httpMock.expectOne(
      (r) =>
        r.url === '/api/app/supervision/rounds/unit-candidates' &&
        r.params.get('cityId') === cityId,
    );
  }

  it('lists each city with the units visited there', () => {
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('兰州市（公安局）');
  });

  it('offers the units of every picked city and saves the units picked for each visit', () => {
    component.edit(ROUND);
    unitCandidates('c1').flush([
      { id: 'u1', name: '公安局' },
      { id: 'u2', name: '司法局' },
    ]);
    expect(component.form.unitIds['c1']).toEqual(['u1']);

    component.form.cityIds = ['c1', 'c2'];
    component.loadUnits(component.form.cityIds);
    unitCandidates('c2').flush([{ id: 'u3', name: '天水市公安局' }]);
    expect(component.unitsOf()['c2']!.map((u) => u.name)).toEqual(['天水市公安局']);
    component.form.unitIds['c1'] = ['u1', 'u2'];
    component.form.unitIds['c2'] = ['u3'];

    component.save();
    const put = httpMock.expectOne(
      (r) => r.url === '/api/app/supervision/rounds/r1' && r.method === 'PUT',
    );
    expect(put.request.body.visits).toEqual([
      { cityId: 'c1', unitIds: ['u1', 'u2'] },
      { cityId: 'c2', unitIds: ['u3'] },
    ]);
    put.flush(ROUND);
    httpMock.expectOne('/api/app/supervision/rounds').flush([ROUND]);
  });

  it('reads the units of a city once however often it is picked', () => {
    component.edit(null);
    component.loadUnits(['c2']);
    unitCandidates('c2').flush([]);
    component.loadUnits(['c2']);
    httpMock.expectNone('/api/app/supervision/rounds/unit-candidates');
    expect(component.form.unitIds['c2']).toEqual([]);
  });
});
