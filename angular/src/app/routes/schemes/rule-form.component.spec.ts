import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';

import { APP_ICONS } from '@core/icons';
import { RuleFormComponent } from './rule-form.component';
import { KIND_NAMES, RULE_KINDS } from './rule-kinds';
import { SchemeRule } from '@shared/scheme-definition';

describe('RuleFormComponent', () => {
  let fixture: ComponentFixture<RuleFormComponent>;
  let component: RuleFormComponent;
  let el: HTMLElement;
  let emitted: SchemeRule[];

  async function render(rule: SchemeRule | null, max = 6, serverErrors = {}): Promise<void> {
    fixture.componentRef.setInput('rule', rule);
    fixture.componentRef.setInput('maxPoints', max);
    fixture.componentRef.setInput('serverErrors', serverErrors);
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [RuleFormComponent],
      providers: [provideNzIcons(APP_ICONS)],
    });
    fixture = TestBed.createComponent(RuleFormComponent);
    component = fixture.componentInstance;
    el = fixture.nativeElement;
    emitted = [];
    component.ruleChange.subscribe((r) => emitted.push(r));
  });

  it('shows the parameters of the kind with their errors beside them', async () => {
    await render({ kind: 'shortfall_bands', per: 0.25, cap: 9 });
    expect(el.querySelector('[data-testid="rule-full_at"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="rule-steep_below"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="rule-bands"]')).toBeNull();
    const text = el.textContent!;
    expect(text).toContain('必填');
    expect(text).toContain('不能超过指标分值6分');
  });

  it("shows the host's message beside its field", async () => {
    await render({ kind: 'checklist', items: ['预案'], per: 0.25 }, 2, {
      per: '计分规则参数“per”有误',
    });
    expect(component.error('per')).toBe('计分规则参数“per”有误');
    expect(el.textContent).toContain('计分规则参数“per”有误');
  });

  it('edits parameters and rows of bands', async () => {
    await render({ kind: 'threshold_bands', bands: [{ at: 95, points: 3 }] }, 3);
    expect(el.querySelector('[data-testid="rule-bands-0-at"]')).not.toBeNull();
    component.set('otherwise', 1);
    expect(emitted.at(-1)).toEqual({
      kind: 'threshold_bands',
      bands: [{ at: 95, points: 3 }],
      otherwise: 1,
    });
    component.addRow({ name: 'bands', type: 'rows' });
    expect(emitted.at(-1)!['bands']).toEqual([{ at: 95, points: 3 }, {}]);
    component.setCell('bands', 0, 'points', null);
    expect(emitted.at(-1)!['bands']).toEqual([{ at: 95 }]);
    component.removeRow('bands', 0);
    expect(emitted.at(-1)).toEqual({ kind: 'threshold_bands' });
  });

  it('renders a form for each of the twelve kinds', async () => {
    for (const kind of KIND_NAMES) {
      const list = kind === 'checklist' ? { items: ['预案'] } : {};
      await render({ kind, ...list });
      for (const spec of RULE_KINDS[kind]) {
        expect(el.querySelector(`[data-testid="rule-${spec.name}"]`)).not.toBeNull();
      }
    }
  });

  it('changes the kind', async () => {
    await render({ kind: 'formula', expression: 'value' });
    component.setKind('qualitative_grade');
    expect(emitted.at(-1)).toEqual({ kind: 'qualitative_grade' });
  });
});
