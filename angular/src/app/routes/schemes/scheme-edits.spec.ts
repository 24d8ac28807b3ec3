import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { NzModalService } from 'ng-zorro-antd/modal';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { DEFINITION, schemeDto } from '@testing/scheme-fixtures';
import { APP_ICONS } from '@core/icons';
import { Permissions } from '@core/permissions';
import { flattenIndicators } from '@shared/scheme-definition';
import { pageProviders, signIn } from '@testing/page-setup';
import { IndicatorEditorComponent } from './indicator-editor.component';
import { SchemeDetailComponent } from './scheme-detail.component';
import { locateCategory } from './scheme-tree';
import { PREVIEW_DEBOUNCE_MS } from './scheme-preview.component';
import { RuleTextRow, ruleTextsByCode } from './scheme-edits';

const RULE_TEXTS: RuleTextRow[] = [
  {
    code: 'I01',
    generatedText: '≥90%得满分6分；低于90%的每低1个百分点扣0.25分；扣完为止。',
    generatedTextZhHans: '≥90%得满分6分；低于90%的每低1个百分点扣0.25分；扣完为止。',
    generatedTextEn: '≥ 90%: full 6 points.',
    ruleTextDisagrees: true,
    staleNumbers: [96],
  },
];

function draft(): SchemeDto {
  return {
    ...schemeDto({ status: 'Draft', concurrencyStamp: 'c7' }),
    ruleTexts: RULE_TEXTS,
  } as SchemeDto;
}

describe('scheme edits', () => {
  it('finds the generated texts by code and where a category sits', () => {
    expect(ruleTextsByCode(draft()).get('I01')?.staleNumbers).toEqual([96]);
    expect(ruleTextsByCode(schemeDto()).size).toBe(0);
    expect(locateCategory(DEFINITION, 'A1')).toEqual({ parentCode: 'A', index: 0, count: 1 });
    expect(locateCategory(DEFINITION, 'I')).toEqual({ parentCode: null, index: 1, count: 2 });
    expect(locateCategory(DEFINITION, 'Q')).toBeNull();
  });
});

describe('SchemeDetailComponent editing a draft', () => {
  let fixture: ComponentFixture<SchemeDetailComponent>;
  let component: SchemeDetailComponent;
  let httpMock: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SchemeDetailComponent],
      providers: pageProviders({ provide: PREVIEW_DEBOUNCE_MS, useValue: 0 }),
    });
    httpMock = signIn([Permissions.Schemes.Default, Permissions.Schemes.Manage]);
    fixture = TestBed.createComponent(SchemeDetailComponent);
    fixture.componentRef.setInput('id', 's1');
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    fixture.detectChanges();
    httpMock.expectOne('/api/app/schemes/s1').flush(draft());
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('shows the generated rule beside the official wording and warns when they disagree', () => {
    expect(el.querySelector('[data-testid="generated-I01"]')?.textContent).toContain(
      '≥90%得满分6分',
    );
    expect(el.querySelector('[data-testid="disagrees-I01"]')?.textContent).toContain(
      '细则原文写有96',
    );
    expect(el.querySelector('[data-testid="disagrees-A01"]')).toBeNull();
  });

  it('adds a subcategory to the selected category with the stamp, and shows the saved draft', () => {
    component['selectedCategory'].set('A');
    component.categories.form.setValue({ code: ' A2 ', name: '新类别', nameEn: ' New category ' });
    component.categories.addCategory();

    const post = httpMock.expectOne({ url: '/api/app/schemes/s1/categories', method: 'POST' });
    expect(post.request.body).toEqual({
      parentCode: 'A',
      code: 'A2',
      name: '新类别',
      nameEn: 'New category',
      concurrencyStamp: 'c7',
    });
    post.flush({ ...draft(), concurrencyStamp: 'c8', name: '已保存' });
    expect(component.scheme()?.concurrencyStamp).toBe('c8');
    expect(component.categories.form.getRawValue().code).toBe('');
  });

  it('shows the English name of the selected category and keeps or changes it on rename', () => {
    const categories = DEFINITION.categories!.map((c) =>
      c.code === 'A' ? { ...c, name_en: 'Political security' } : c,
    );
    component.scheme.set({ ...draft(), definition: { ...DEFINITION, categories } } as SchemeDto);
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="tree-name-en"]')).not.toBeNull();

    component.categories.click({ node: { key: 'A' } } as never);
    fixture.detectChanges();
    expect(component.categories.form.getRawValue()).toEqual({
      code: '',
      name: '政治安全',
      nameEn: 'Political security',
    });
    const input = el.querySelector<HTMLInputElement>('[data-testid="tree-name-en"]')!;
    expect(input.value).toBe('Political security');

    component.categories.form.controls.nameEn.setValue(' Political and national security ');
    component.categories.rename();
    const put = httpMock.expectOne({ url: '/api/app/schemes/s1/categories/A', method: 'PUT' });
    expect(put.request.body).toEqual({
      name: '政治安全',
      nameEn: 'Political and national security',
      concurrencyStamp: 'c7',
    });
    put.flush(draft());

    // A blank English name is sent as none (it clears), not as an empty string.
    component.categories.click({ node: { key: 'I' } } as never);
    component.categories.form.controls.nameEn.setValue('  ');
    component.categories.rename();
    const clear = httpMock.expectOne({ url: '/api/app/schemes/s1/categories/I', method: 'PUT' });
    expect(clear.request.body.nameEn).toBeNull();
    clear.flush(draft());
  });

  it('moves an indicator one place within its category and removes one', () => {
    const rows = flattenIndicators(DEFINITION);
    const a01 = rows.find((r) => r.code === 'A01')!;
    component.moveIndicator(a01, -1); // already first: nothing to send
    httpMock.expectNone('/api/app/schemes/s1/indicators/A01/move');
    component.categories.move(-1); // no category selected

    component['selectedCategory'].set('I');
    component.categories.move(-1);
    const move = httpMock.expectOne({
      url: '/api/app/schemes/s1/categories/I/move',
      method: 'POST',
    });
    expect(move.request.body).toEqual({ parentCode: null, position: 0, concurrencyStamp: 'c7' });
    move.flush(draft());

    component.removeIndicator(a01);
    const remove = httpMock.expectOne(
      (r) => r.url === '/api/app/schemes/s1/indicators/A01' && r.method === 'DELETE',
    );
    expect(remove.request.params.get('concurrencyStamp')).toBe('c7');
    remove.flush(draft());
  });

  it('shows a refused change as a message and keeps the page', () => {
    component['selectedCategory'].set('A');
    component.categories.remove();
    httpMock
      .expectOne((r) => r.url === '/api/app/schemes/s1/categories/A' && r.method === 'DELETE')
      .flush(
        { title: '类别“A”下还有2个指标、1个子类别，请先移走或删除。', status: 400 },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    expect(document.body.textContent).toContain('请先移走或删除');
    expect(component['selectedCategory']()).toBe('A');
  });
});

describe('IndicatorEditorComponent fields and wording', () => {
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
    fixture.componentRef.setInput('scheme', draft());
    component = fixture.componentInstance;
    component.indicator.set(flattenIndicators(DEFINITION).find((r) => r.code === 'I01')!);
    fixture.detectChanges();
  });

  afterEach(() => httpMock.verify());

  it('shows the generated rule and the disagreement beside the official wording', () => {
    expect(
      document.body.querySelector('[data-testid="editor-generated-text"]')?.textContent,
    ).toContain('≥90%得满分6分');
    expect(
      document.body.querySelector('[data-testid="editor-rule-text-disagrees"]')?.textContent,
    ).toContain('96');
  });

  it('saves the name, unit, responsible unit, score source and evidence requirement', () => {
    component.form.patchValue({
      name: ' 群众安全感（新） ',
      unit: '分',
      responsibleUnit: '市委政法委',
      scoreSource: 'field',
      evidenceRequired: true,
    });
    component.save();

    const put = httpMock.expectOne({ url: '/api/app/schemes/s1', method: 'PUT' });
    const i01 = flattenIndicators(put.request.body.definition).find((r) => r.code === 'I01')!;
    expect(i01).toMatchObject({
      name: '群众安全感（新）',
      unit: '分',
      responsible_unit: '市委政法委',
      score_source: 'field',
      evidence_required: true,
    });
    put.flush(draft());
  });

  it('asks before Esc or Cancel throws away what was typed', async () => {
    // The question comes from the shared unsaved-changes service, which uses the application's modal service.
    const modal = TestBed.inject(NzModalService);
    const confirm = vi.spyOn(modal, 'confirm').mockImplementation((options) => {
      (options?.nzOnOk as () => void)();
      return {} as ReturnType<NzModalService['confirm']>;
    });

    component.cancel(); // nothing typed: closes without asking
    expect(confirm).not.toHaveBeenCalled();
    expect(component.indicator()).toBeNull();

    component.indicator.set(flattenIndicators(DEFINITION).find((r) => r.code === 'I01')!);
    fixture.detectChanges();
    component.form.controls.name.setValue('改了');
    component.form.markAsDirty();
    confirm.mockImplementationOnce(() => ({}) as ReturnType<NzModalService['confirm']>);
    component.cancel();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(component.indicator()?.code).toBe('I01'); // still open until the official confirms

    component.cancel();
    expect(confirm).toHaveBeenCalledTimes(2);
    await Promise.resolve(); // the answer arrives as a promise
    expect(component.indicator()).toBeNull();
  });
});
