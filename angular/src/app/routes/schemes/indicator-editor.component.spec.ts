import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { DEFINITION, schemeDto } from '@testing/scheme-fixtures';
import { APP_ICONS } from '@core/icons';
import { IndicatorEditorComponent } from './indicator-editor.component';
import { replaceIndicator, ruleJsonValidator } from './indicator-rule';
import { SchemeDefinition, flattenIndicators } from '@shared/scheme-definition';

describe('IndicatorEditorComponent', () => {
  let fixture: ComponentFixture<IndicatorEditorComponent>;
  let component: IndicatorEditorComponent;
  let httpMock: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [IndicatorEditorComponent],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
    httpMock = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IndicatorEditorComponent);
    fixture.componentRef.setInput('scheme', schemeDto({ status: 'Draft', concurrencyStamp: 'c7' }));
    component = fixture.componentInstance;
    const i01 = flattenIndicators(DEFINITION).find((r) => r.code === 'I01')!;
    component.indicator.set(i01);
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('validates the rule as a JSON object with a kind', () => {
    expect(ruleJsonValidator(new FormControl('{"kind":"checklist"}'))).toBeNull();
    expect(ruleJsonValidator(new FormControl('{"per": 1}'))).toEqual({ ruleKind: true });
    expect(ruleJsonValidator(new FormControl('{oops'))).toEqual({ ruleJson: true });
    expect(ruleJsonValidator(new FormControl('[]'))).toEqual({ ruleJson: true });
  });

  it('replaces one indicator deep in the tree without touching the others', () => {
    const next = replaceIndicator(DEFINITION, 'A11', (i) => ({ ...i, max_points: 9 }));
    const rows = flattenIndicators(next);
    expect(rows.map((r) => r.max_points)).toEqual([4, 9, 6]);
    expect(flattenIndicators(DEFINITION)[1].max_points).toBe(3);
  });

  it('saves with PUT and the concurrency stamp; on 409 it keeps what was typed', () => {
    expect(component.form.getRawValue().maxPoints).toBe(6);
    component.form.controls.maxPoints.setValue(7);
    component.form.controls.rule.setValue('{"kind":"shortfall_bands","full_at":95,"per":0.5}');
    component.save();

    const put = httpMock.expectOne({ url: '/api/app/schemes/s1', method: 'PUT' });
    expect(put.request.body.concurrencyStamp).toBe('c7');
    const sent = flattenIndicators(put.request.body.definition as SchemeDefinition);
    expect(sent.find((r) => r.code === 'I01')!.max_points).toBe(7);
    expect(sent.find((r) => r.code === 'I01')!.rule).toEqual({
      kind: 'shortfall_bands',
      full_at: 95,
      per: 0.5,
    });
    put.flush(
      {
        title: '该记录已被他人修改，请刷新后重试。',
        status: 409,
        code: 'Error:ConcurrencyConflict',
      },
      { status: 409, statusText: 'Conflict' },
    );
    fixture.detectChanges();

    expect(component.indicator()?.code).toBe('I01');
    expect(component.form.getRawValue().maxPoints).toBe(7);
    expect(document.body.textContent).toContain('该记录已被他人修改');
  });

  it('does not send an invalid rule', () => {
    component.form.controls.rule.setValue('{not json');
    component.save();
    httpMock.expectNone('/api/app/schemes/s1');
    expect(component.form.controls.rule.hasError('ruleJson')).toBe(true);
  });

  it('the form of the rule kind writes the JSON, and the JSON fills the form', () => {
    expect(component.ruleObject()?.kind).toBe('shortfall_bands');
    component.onRuleForm({ kind: 'checklist', items: ['预案', '队伍'], per: 0.25 });
    expect(JSON.parse(component.form.controls.rule.value)).toEqual({
      kind: 'checklist',
      items: ['预案', '队伍'],
      per: 0.25,
    });
    component.form.controls.rule.setValue('{"kind":"formula","expression":"value / 2"}');
    expect(component.ruleObject()).toEqual({ kind: 'formula', expression: 'value / 2' });
    component.form.controls.rule.setValue('{broken');
    expect(component.ruleObject()).toBeNull();
  });

  it('the live preview scores the scheme with the rule as edited, before saving', () => {
    component.form.controls.maxPoints.setValue(5);
    component.onRuleForm({ kind: 'shortfall_bands', full_at: 95, per: 1 });
    const draft = component['draftDefinition']() as SchemeDefinition;
    const i01 = flattenIndicators(draft).find((r) => r.code === 'I01')!;
    expect(i01.rule).toEqual({ kind: 'shortfall_bands', full_at: 95, per: 1 });
    expect(i01.max_points).toBe(5);
    expect(component['previewRows']()[0].rule?.kind).toBe('shortfall_bands');
  });

  it("puts the host's messages about a parameter beside it, the rest in the list", () => {
    component.save();
    httpMock.expectOne({ url: '/api/app/schemes/s1', method: 'PUT' }).flush(
      {
        title: '考评方案有2处问题',
        errors: {
          I01: ['计分规则参数“cap”（9）超过指标分值6分。', '该指标的细则原文过长。'],
        },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(component.serverErrors()).toEqual({ cap: '计分规则参数“cap”（9）超过指标分值6分。' });
    expect(document.body.textContent).toContain('该指标的细则原文过长');
  });
});
