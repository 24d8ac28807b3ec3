import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { Permissions } from '@core/permissions';
import { pageProviders, settle, signIn } from '@testing/page-setup';
import { ReviewSheetComponent } from './review-sheet.component';
import { submissionStep } from './review-steps';

function line(overrides: Partial<EntryLineDto>): EntryLineDto {
  return {
    id: 'l1',
    indicatorCode: 'B02',
    indicatorName: '命案现案破案率',
    ruleKind: 'ratio_to_target',
    maxPoints: 4,
    value: { number: 92 },
    reported: true,
    status: 'Submitted',
    selfScore: 3.68,
    evidence: [],
    ...overrides,
  };
}

describe('ReviewSheetComponent', () => {
  let fixture: ComponentFixture<ReviewSheetComponent>;
  let component: ReviewSheetComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  const render = (): Promise<void> => settle(fixture);

  async function setup(granted: string[], status = 'Submitted'): Promise<void> {
    TestBed.configureTestingModule({
      imports: [ReviewSheetComponent],
      providers: pageProviders({
        provide: ActivatedRoute,
        useValue: {
          snapshot: {
            paramMap: convertToParamMap({ periodId: 'p1', cityId: 'c1' }),
            queryParamMap: convertToParamMap({}),
          },
        },
      }),
    });
    httpMock = signIn(granted);
    fixture = TestBed.createComponent(ReviewSheetComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock
      .expectOne('/api/app/periods/p1')
      .flush({ id: 'p1', name: '2026年9月', status: 'Open', schemeId: 's1' });
    httpMock.expectOne('/api/app/schemes/s1').flush({ id: 's1', definition: { categories: [] } });
    httpMock.expectOne('/api/app/reviews/periods/p1/cities/c1').flush({
      periodId: 'p1',
      cityId: 'c1',
      submissionStatus: status,
      selfTotal: 8.88,
      lines: [
        line({
          explanation: '实际值 92 / 目标值 100，得3.68分',
          adjustClearReason: '补充台账后认可自评',
          evidence: [
            { id: 'e1', fileName: '照片.png', contentType: 'image/png', size: 2048 },
            {
              id: 'e2',
              fileName: '台账.docx',
              contentType: 'application/octet-stream',
              size: 4096,
            },
          ],
        }),
        line({
          id: null,
          indicatorCode: 'A02',
          indicatorName: '意识形态',
          reported: false,
          value: {},
          evidenceRequired: true,
          selfScore: null,
        }),
      ],
    });
    httpMock
      .expectOne('/api/app/reviews/periods/p1/submissions')
      .flush([{ cityId: 'c1', cityName: '兰州市', status, submittedTime: '2026-11-22T14:36:00Z' }]);
    await render();
  }

  afterEach(() => httpMock?.verify());

  it('explains the points of every line and says why an adjustment was cleared', async () => {
    await setup([Permissions.Review.Default]);
    expect(el.querySelector('[data-explanation="B02"]')?.textContent?.trim()).toBe(
      '实际值 92 / 目标值 100，得3.68分',
    );
    expect(el.querySelector('[data-clear-reason="B02"]')?.textContent?.trim()).toBe(
      '已撤销调整：补充台账后认可自评',
    );
    expect(el.querySelector('[data-clear-reason="A02"]')).toBeNull();
  });

  it('maps the submission to the steps 填报 → 提交 → 审核 → 发布', () => {
    expect(submissionStep('Submitted', 'Open')).toEqual({ current: 2, status: 'process' });
    expect(submissionStep('Returned', 'Open')).toEqual({ current: 2, status: 'error' });
    expect(submissionStep('Approved', 'Published')).toEqual({ current: 3, status: 'finish' });
    expect(submissionStep('Draft', 'Open').current).toBe(0);
  });

  it('shows when the sheet was submitted in Beijing time, whatever the browser zone', async () => {
    await setup([Permissions.Review.Default]);
    expect(component.submittedText()).toBe('2026-11-22 22:36（北京时间）');
  });

  it('shows values, evidence, self and auditor scores; actions follow the permissions', async () => {
    await setup([Permissions.Review.Default]);
    const row = el.querySelector('tr[data-line="B02"]')!;
    expect(row.textContent).toContain('92');
    expect(row.textContent).toContain('照片.png');
    expect(row.textContent).toContain('3.68');
    expect(el.querySelector('tr[data-line="A02"]')!.textContent).toContain('缺佐证');
    expect(el.textContent).toContain('兰州市');
    // a reader without Adjust/Approve sees no action
    expect(el.querySelector('[data-adjust]')).toBeNull();
    expect(el.querySelector('[data-testid="review-approve"]')).toBeNull();
    expect(el.querySelector('[data-testid="review-return-all"]')).toBeNull();
  });

  it('requires a reason to adjust; the server message lands beside the field', async () => {
    await setup([
      Permissions.Review.Default,
      Permissions.Review.Adjust,
      Permissions.Review.Approve,
    ]);
    expect(el.querySelector('[data-adjust="B02"]')).not.toBeNull();
    expect(el.querySelector('[data-adjust="A02"]')).toBeNull(); // not entered: nothing to adjust
    component.openAdjust(component.sheet()!.lines![0]);
    component.adjustForm.patchValue({ score: 3.5, reason: '' });
    component.submitAdjust();
    httpMock.expectNone('/api/app/reviews/lines/l1/adjust');
    expect(component.adjustForm.controls.reason.errors).toEqual({ required: true });

    component.adjustForm.patchValue({ reason: '台账不一致' });
    component.submitAdjust();
    const req = httpMock.expectOne('/api/app/reviews/lines/l1/adjust');
    expect(req.request.body).toEqual({ score: 3.5, reason: '台账不一致' });
    req.flush(
      { title: '得分超出范围', status: 400, errors: { score: ['得分须在0到4之间'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(component.adjustForm.controls.score.errors?.['server']).toBe('得分须在0到4之间');

    // editing the field clears the server message
    component.adjustForm.controls.score.setValue(3.5);
    component.submitAdjust();
    httpMock
      .expectOne('/api/app/reviews/lines/l1/adjust')
      .flush(line({ auditorScore: 3.5, adjustReason: '台账不一致' }));
    await render();
    expect(el.querySelector('[data-auditor="B02"]')!.textContent).toContain('3.5');
    expect(el.querySelector('[data-auditor="B02"]')!.textContent).toContain('台账不一致');
  });

  it('returns the selected lines with a comment, and approves', async () => {
    await setup([
      Permissions.Review.Default,
      Permissions.Review.Adjust,
      Permissions.Review.Approve,
    ]);
    component.setSelected(component.sheet()!.lines![0], true);
    component.openReturn('selected');
    component.returnForm.patchValue({ comment: '请补充材料' });
    component.submitReturn();
    const ret = httpMock.expectOne('/api/app/reviews/periods/p1/cities/c1/return');
    expect(ret.request.body).toEqual({
      comment: '请补充材料',
      lines: [{ indicatorCode: 'B02', comment: null }],
    });
    ret.flush({ cityId: 'c1', status: 'Returned' });
    httpMock
      .expectOne('/api/app/reviews/periods/p1/cities/c1')
      .flush({ submissionStatus: 'Returned', lines: [] });
    httpMock.expectOne('/api/app/reviews/periods/p1/submissions').flush([]);

    component.approve();
    httpMock
      .expectOne('/api/app/reviews/periods/p1/cities/c1/approve')
      .flush({ status: 'Approved' });
    httpMock
      .expectOne('/api/app/reviews/periods/p1/cities/c1')
      .flush({ submissionStatus: 'Approved', lines: [] });
    httpMock.expectOne('/api/app/reviews/periods/p1/submissions').flush([]);
    await render();
    expect(el.querySelector('[data-testid="review-status"]')!.textContent).toContain('已审核');
    expect(el.querySelector('[data-testid="review-steps"]')!.textContent).toContain('审核通过');
  });

  it('previews an image through a blob URL and downloads other files', async () => {
    await setup([Permissions.Review.Default]);
    const create = vi.fn(() => 'blob:preview');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const file = component.sheet()!.lines![0].evidence![0];
    component.open(file);
    httpMock
      .expectOne('/api/app/reviews/evidence/e1')
      .flush(new Blob(['x'], { type: 'image/png' }));
    await render();
    expect(el.ownerDocument.querySelector('[data-testid="evidence-preview"]')).not.toBeNull();
    component.closePreview();
    expect(revoke).toHaveBeenCalledWith('blob:preview');
  });
});
