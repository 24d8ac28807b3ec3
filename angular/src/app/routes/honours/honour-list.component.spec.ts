import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { pageProviders } from '@testing/page-setup';
import { HonoursHonourAwardDto as AwardDto, HonoursHonourRuleDto as RuleDto } from '@api/models';
import { HonourListComponent } from './honour-list.component';

const RULE: RuleDto = {
  id: 'r1',
  seriesName: '市域社会治理现代化试点考评细则',
  name: '平安鼎',
  kind: 'ConsecutiveGrade',
  kindText: '连续获评',
  grade: '优秀',
  count: 3,
  vetoBreaksRun: true,
  description: '连续 3 个年度考评获评优秀，被一票否决的年度不计',
  activeAwards: 1,
  concurrencyStamp: 's1',
};

const AWARD: AwardDto = {
  id: 'a1',
  cityId: 'c1',
  cityName: '兰州市',
  ruleId: 'r1',
  name: '平安鼎',
  stars: 0,
  years: [2024, 2025, 2026],
  yearsText: '2024、2025、2026',
  periodIds: [],
  awardedTime: '2027-01-20T02:00:00Z',
  isActive: true,
};

const REVOKED: AwardDto = {
  ...AWARD,
  id: 'a2',
  cityName: '天水市',
  isActive: false,
  revokedTime: '2027-03-01T02:00:00Z',
  revokeReason: 'V4 重大群体性事件: 2025年发生重大群体性事件',
  revocationKindText: '不再符合条件',
  revokedByName: 'official',
};

describe('HonourListComponent', () => {
  let fixture: ComponentFixture<HonourListComponent>;
  let component: HonourListComponent;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [HonourListComponent],
      providers: pageProviders(),
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(HonourListComponent);
    component = fixture.componentInstance;
    fixture.detectChanges();
    httpMock
      .expectOne('/api/app/honours/series')
      .flush([{ name: RULE.seriesName, grades: ['优秀', '良好', '合格', '不合格'] }]);
    httpMock.expectOne('/api/app/honours/rules').flush([RULE]);
    httpMock
      .expectOne(
        (r) => r.url === '/api/app/honours/awards' && r.params.get('IncludeRevoked') === 'true',
      )
      .flush([AWARD, REVOKED]);
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('lists the rules in words and the awards with their years, a revoked one with its reason in Beijing time', () => {
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('连续 3 个年度考评获评优秀，被一票否决的年度不计');
    expect(text).toContain('2024、2025、2026');
    expect(text).toContain('2027-03-01 10:00');
    expect(text).toContain('V4 重大群体性事件: 2025年发生重大群体性事件');
    expect(fixture.nativeElement.querySelectorAll('h1').length).toBe(1);
  });

  it('saves a changed rule with its stamp and the grade of the series', () => {
    component.edit(RULE);
    component.form.patchValue({ count: 2, kind: 1 });
    component.save();
    const put = httpMock.expectOne(
      (r) => r.url === '/api/app/honours/rules/r1' && r.method === 'PUT',
    );
    expect(put.request.body).toEqual({
      seriesName: RULE.seriesName,
      name: '平安鼎',
      nameEn: null,
      kind: 1,
      grade: '优秀',
      count: 2,
      vetoBreaksRun: true,
      concurrencyStamp: 's1',
    });
    put.flush(RULE);
    httpMock.expectOne('/api/app/honours/rules').flush([RULE]);
    httpMock.expectOne((r) => r.url === '/api/app/honours/awards').flush([AWARD]);
  });

  it('does not revoke without a reason and shows the server message beside the field', () => {
    component.startRevoke(AWARD);
    component.revoke();
    httpMock.expectNone('/api/app/honours/awards/a1/revoke');

    component.revokeForm.setValue({ reason: '核查发现材料不实' });
    component.revoke();
    const post = httpMock.expectOne('/api/app/honours/awards/a1/revoke');
    expect(post.request.body).toEqual({ reason: '核查发现材料不实' });
    post.flush(
      { title: '请填写撤销理由。', status: 400, errors: { reason: ['请填写撤销理由。'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(component.revokeForm.controls.reason.errors).toBeTruthy();
  });
});
