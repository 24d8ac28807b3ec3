import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { DEFINITION } from '@testing/scheme-fixtures';
import { APP_ICONS } from '@core/icons';
import { flattenIndicators } from '@shared/scheme-definition';
import { PREVIEW_DEBOUNCE_MS, SchemePreviewComponent } from './scheme-preview.component';

const DEBOUNCE = 50;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function sheet(points: number) {
  return {
    lines: [
      {
        indicatorCode: 'I01',
        indicatorName: '群众安全感',
        ruleKind: 'shortfall_bands',
        maxPoints: 6,
        value: 93.5,
        points,
        status: 'Scored',
        explanation: `得${points}分`,
        explanationZhHans: `群众安全感 93.5%，低于96%共2.5个百分点，扣0.63分（最多扣5分），得${points}分`,
        explanationEn: `scores ${points}`,
      },
    ],
  };
}

describe('SchemePreviewComponent', () => {
  let fixture: ComponentFixture<SchemePreviewComponent>;
  let component: SchemePreviewComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [SchemePreviewComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        { provide: PREVIEW_DEBOUNCE_MS, useValue: DEBOUNCE },
      ],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SchemePreviewComponent);
    fixture.componentRef.setInput('schemeId', 's1');
    fixture.componentRef.setInput('indicators', flattenIndicators(DEFINITION));
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('waits for typing to pause, sends only the last value, and keeps what was typed', async () => {
    component.form.controls.indicator.setValue('I01');
    component.form.controls.number.setValue(9);
    component.form.controls.number.setValue(93);
    component.form.controls.number.setValue(93.5);
    httpMock.expectNone('/api/app/schemes/preview');

    await wait(DEBOUNCE * 3);
    const req = httpMock.expectOne('/api/app/schemes/preview');
    expect(req.request.body).toEqual({
      schemeId: 's1',
      values: { indicators: { I01: { number: 93.5 } } },
      reference: undefined,
    });
    req.flush(sheet(5.37));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(el.querySelector('[data-testid="preview-points"]')!.textContent!.trim()).toBe('5.37');
    expect(el.querySelector('[data-testid="preview-explanation"]')!.textContent).toContain(
      '扣0.63分',
    );
    expect(component.form.controls.number.value).toBe(93.5);
  });

  it('drops an answer that arrives after newer input (the latest request wins)', async () => {
    component.form.controls.indicator.setValue('I01');
    component.form.controls.number.setValue(80);
    await wait(DEBOUNCE * 3);
    const stale = httpMock.expectOne('/api/app/schemes/preview');

    component.form.controls.number.setValue(93.5);
    await wait(DEBOUNCE * 3);
    expect(stale.cancelled).toBe(true);
    httpMock.expectOne('/api/app/schemes/preview').flush(sheet(5.37));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="preview-points"]')!.textContent!.trim()).toBe('5.37');
  });

  it('sends occurrences for a per-occurrence rule', async () => {
    component.form.controls.indicator.setValue('A01');
    component.form.controls.count.setValue(2);
    await wait(DEBOUNCE * 3);
    const req = httpMock.expectOne('/api/app/schemes/preview');
    expect(req.request.body.values.indicators).toEqual({
      A01: { occurrences: [{ type: 'default', count: 2 }] },
    });
    req.flush({ lines: [] });
  });

  it('scores an unsaved definition when given one, and again when it changes', async () => {
    fixture.componentRef.setInput('definition', DEFINITION);
    fixture.componentRef.setInput('scale', 100);
    component.form.controls.indicator.setValue('I01');
    component.form.controls.number.setValue(93.5);
    await wait(DEBOUNCE * 3);
    const first = httpMock.expectOne('/api/app/schemes/preview');
    expect(first.request.body.definition).toBe(DEFINITION);
    expect(first.request.body.scale).toBe(100);
    expect(first.request.body.schemeId).toBeUndefined();
    first.flush(sheet(5.37));

    const edited = { ...DEFINITION, grades: [] };
    fixture.componentRef.setInput('definition', edited);
    fixture.detectChanges();
    await wait(DEBOUNCE * 3);
    const second = httpMock.expectOne('/api/app/schemes/preview');
    expect(second.request.body.definition).toBe(edited);
    second.flush({ title: '计分规则缺少参数“per”。' }, { status: 400, statusText: 'Bad Request' });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="preview-result"]')!.textContent).toContain(
      '计分规则缺少参数“per”',
    );
  });
});
