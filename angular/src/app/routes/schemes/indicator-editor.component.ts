import {
  Component,
  computed,
  effect,
  inject,
  input,
  model,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTabsModule } from 'ng-zorro-antd/tabs';

import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { SchemeService } from '@api/services';
import { UnsavedChanges } from '@shared/unsaved-changes';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { errorText } from '@shared/error-text';
import { revealErrors } from '@shared/form-utils';
import { boundsValidator } from '../quality/bounds-validator';
import { RuleFormComponent } from './rule-form.component';
import { SchemePreviewComponent } from './scheme-preview.component';
import { fieldOfMessage } from './rule-kinds';
import { ruleTextsByCode } from './scheme-edits';
import {
  IndicatorRow,
  ProblemGroup,
  SchemeCategory,
  SchemeDefinition,
  SchemeIndicator,
  SchemeRule,
  asDefinition,
  groupDraftProblems,
  groupProblems,
} from '@shared/scheme-definition';

/** The rule as JSON: an object with a string `kind`. */
export function ruleJsonValidator(control: AbstractControl): ValidationErrors | null {
  const text = (control.value ?? '').trim();
  if (!text) {
    return { required: true };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { ruleJson: true };
    }
    const kind = (value as { kind?: unknown }).kind;
    return typeof kind === 'string' && kind ? null : { ruleKind: true };
  } catch {
    return { ruleJson: true };
  }
}

/** A copy of the definition with one indicator (found by code) replaced. */
export function replaceIndicator(
  definition: SchemeDefinition,
  code: string,
  change: (indicator: SchemeIndicator) => SchemeIndicator,
): SchemeDefinition {
  const mapCategories = (categories: SchemeCategory[] | null | undefined) =>
    categories?.map((category): SchemeCategory => ({
      ...category,
      indicators: category.indicators?.map((i) => (i.code === code ? change(i) : i)),
      children: mapCategories(category.children),
    }));
  return { ...definition, categories: mapCategories(definition.categories) };
}

/**
 * Edits one indicator of a draft: maximum points, target, the rule (validated JSON) and its text.
 * Saves the whole definition with PUT and the scheme's concurrency stamp. On a conflict (409) the
 * dialog stays open with everything typed; the problems of the saved draft are shown beside the
 * indicators by the detail page.
 */
@Component({
  selector: 'app-indicator-editor',
  imports: [
    ReactiveFormsModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzButtonModule,
    NzAlertModule,
    NzTabsModule,
    NzSelectModule,
    NzCheckboxModule,
    RuleFormComponent,
    SchemePreviewComponent,
    TranslatePipe,
  ],
  template: `
    <nz-modal
      [nzVisible]="!!indicator()"
      [nzTitle]="(indicator()?.code ?? '') + ' ' + (indicator()?.name ?? '')"
      [nzOkText]="'common.save' | t"
      [nzCancelText]="'common.cancel' | t"
      [nzOkLoading]="saving()"
      (nzOnOk)="save()"
      (nzOnCancel)="cancel()"
      nzWidth="760px"
    >
      <ng-container *nzModalContent>
        @if (error(); as e) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="e" />
        }
        @if (conflict()) {
          <nz-alert
            class="form-alert"
            nzType="warning"
            nzShowIcon
            [nzMessage]="conflict()!"
            [nzDescription]="'schemes.editor.conflictHint' | t"
            [nzAction]="reloadAction"
            data-testid="editor-conflict"
          />
          <ng-template #reloadAction>
            <button nz-button nzSize="small" type="button" (click)="reloadLatest()">
              {{ 'schemes.editor.reload' | t }}
            </button>
          </ng-template>
        }
        @if (problems().length) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="problemList" />
          <ng-template #problemList>
            <ul class="problems">
              @for (group of problems(); track group.target) {
                @for (m of group.messages; track $index) {
                  <li>
                    <span class="mono">{{ group.target }}</span> {{ m }}
                  </li>
                }
              }
            </ul>
          </ng-template>
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" data-testid="indicator-editor">
          <nz-form-item>
            <nz-form-label nzRequired>{{ 'schemes.indicatorName' | t }}</nz-form-label>
            <nz-form-control [nzErrorTip]="'schemes.editor.nameRequired' | t">
              <input nz-input formControlName="name" data-testid="editor-name" />
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item>
              <nz-form-label>{{ 'schemes.unit' | t }}</nz-form-label>
              <nz-form-control>
                <input nz-input formControlName="unit" data-testid="editor-unit" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item class="grow">
              <nz-form-label>{{ 'schemes.editor.responsibleUnit' | t }}</nz-form-label>
              <nz-form-control>
                <input
                  nz-input
                  formControlName="responsibleUnit"
                  data-testid="editor-responsible-unit"
                />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'schemes.scoreSource' | t }}</nz-form-label>
              <nz-form-control>
                <nz-select formControlName="scoreSource" class="source" data-testid="editor-source">
                  @for (source of sources; track source) {
                    <nz-option [nzValue]="source" [nzLabel]="'schemes.sources.' + source | t" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-form-item>
            <nz-form-control>
              <!-- eslint-disable-next-line @angular-eslint/template/label-has-associated-control -->
              <label nz-checkbox formControlName="evidenceRequired" data-testid="editor-evidence">{{
                'schemes.editor.evidenceRequired' | t
              }}</label>
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item>
              <nz-form-label nzRequired>{{ 'schemes.maxPoints' | t }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'schemes.editor.maxPointsInvalid' | t">
                <nz-input-number formControlName="maxPoints" [nzMin]="0" [nzStep]="0.5" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label>{{ 'schemes.target' | t }}</nz-form-label>
              <nz-form-control>
                <nz-input-number formControlName="target" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label [nzTooltipTitle]="'quality.boundsHint' | t">{{
                'quality.min' | t
              }}</nz-form-label>
              <nz-form-control>
                <nz-input-number formControlName="min" data-testid="indicator-min" />
              </nz-form-control>
            </nz-form-item>
            <nz-form-item>
              <nz-form-label [nzTooltipTitle]="'quality.boundsHint' | t">{{
                'quality.max' | t
              }}</nz-form-label>
              <nz-form-control [nzErrorTip]="'quality.boundsInverted' | t">
                <nz-input-number formControlName="max" data-testid="indicator-max" />
              </nz-form-control>
            </nz-form-item>
          </div>
          <nz-tabs
            nzSize="small"
            [nzSelectedIndex]="ruleTab()"
            (nzSelectedIndexChange)="ruleTab.set($event)"
          >
            <nz-tab [nzTitle]="'schemes.editor.formTab' | t">
              <app-rule-form
                [rule]="ruleObject()"
                [maxPoints]="form.controls.maxPoints.value ?? 0"
                [serverErrors]="serverErrors()"
                (ruleChange)="onRuleForm($event)"
              />
            </nz-tab>
            <nz-tab [nzTitle]="'schemes.editor.jsonTab' | t">
              <nz-form-item>
                <nz-form-label nzRequired>{{ 'schemes.editor.rule' | t }}</nz-form-label>
                <nz-form-control [nzErrorTip]="ruleError">
                  <textarea
                    nz-input
                    class="mono"
                    rows="10"
                    formControlName="rule"
                    data-testid="editor-rule"
                  ></textarea>
                  <ng-template #ruleError let-control>
                    {{
                      (control.hasError('ruleKind')
                        ? 'schemes.editor.ruleKindMissing'
                        : 'schemes.editor.ruleJsonInvalid'
                      ) | t
                    }}
                  </ng-template>
                </nz-form-control>
              </nz-form-item>
            </nz-tab>
          </nz-tabs>
          <div class="preview" data-testid="editor-preview">
            <h4>{{ 'schemes.editor.preview' | t }}</h4>
            <app-scheme-preview
              [schemeId]="scheme().id ?? ''"
              [indicators]="previewRows()"
              [initialCode]="indicator()?.code ?? null"
              [definition]="draftDefinition()"
              [scale]="scheme().scale ?? null"
            />
          </div>
          <div class="wordings">
            <nz-form-item>
              <nz-form-label>{{ 'schemes.ruleText' | t }}</nz-form-label>
              <nz-form-control>
                <textarea
                  nz-input
                  rows="3"
                  formControlName="ruleText"
                  data-testid="editor-rule-text"
                ></textarea>
              </nz-form-control>
            </nz-form-item>
            <div class="generated" data-testid="editor-generated-text">
              <div class="label">{{ 'schemes.generatedText' | t }}</div>
              <div>{{ generated()?.generatedText ?? '' }}</div>
            </div>
          </div>
          @if (generated()?.ruleTextDisagrees) {
            <nz-alert
              nzType="warning"
              nzShowIcon
              [nzMessage]="
                'schemes.ruleTextDisagrees' | t: { numbers: generated()!.staleNumbers.join('、') }
              "
              data-testid="editor-rule-text-disagrees"
            />
          }
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .row {
      display: flex;
      gap: 16px;
    }
    .preview {
      margin-bottom: 16px;
      padding: 12px;
      border: 1px dashed #d9d9d9;
      border-radius: 4px;
    }
    .grow {
      flex: 1;
    }
    .source {
      min-width: 120px;
    }
    .wordings {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    .generated {
      padding: 8px 12px;
      background: #fafafa;
      border-radius: 4px;
    }
    .generated .label {
      margin-bottom: 4px;
      color: rgba(0, 0, 0, 0.45);
    }
    .problems {
      margin: 0;
      padding-left: 16px;
    }
  `,
})
export class IndicatorEditorComponent {
  private readonly api = inject(SchemeService);
  private readonly i18n = inject(I18nService);
  private readonly unsaved = inject(UnsavedChanges);
  protected readonly sources = ['self', 'department', 'field', 'survey'];

  readonly scheme = input.required<SchemeDto>();
  /** The indicator being edited; null closes the dialog. */
  readonly indicator = model<IndicatorRow | null>(null);
  readonly saved = output<SchemeDto>();
  /** Asks the page to load the latest version (after a conflict); the dialog keeps its input. */
  readonly reload = output<void>();

  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal<string | null>(null);
  protected readonly problems = signal<ProblemGroup[]>([]);
  /** 0: the form of the rule's kind; 1: the rule as JSON (advanced). */
  readonly ruleTab = signal(0);
  /** The rule as typed (null while the JSON is not a valid rule). */
  readonly ruleObject = signal<SchemeRule | null>(null);
  /** Maximum points as typed. */
  private readonly maxPointsTyped = signal<number | null>(null);
  /** The indicator as edited, for the live preview (the rule decides which value it asks for). */
  protected readonly previewRows = computed((): IndicatorRow[] => {
    const row = this.indicator();
    const rule = this.ruleObject();
    return row
      ? [{ ...row, rule: rule ?? row.rule, max_points: this.maxPointsTyped() ?? row.max_points }]
      : [];
  });
  /** The scheme with this indicator as edited: the live preview scores it before it is saved. */
  protected readonly draftDefinition = computed(() => {
    const row = this.indicator();
    const rule = this.ruleObject();
    if (!row || !rule) {
      return null;
    }
    return replaceIndicator(asDefinition(this.scheme().definition), row.code, (i) => ({
      ...i,
      rule,
      max_points: this.maxPointsTyped() ?? i.max_points,
    }));
  });
  /** The host's messages about this indicator's rule, by field. */
  readonly serverErrors = signal<Record<string, string>>({});

  /** The saved rule in words and whether the official's wording still agrees with it. */
  protected readonly generated = computed(() => {
    const code = this.indicator()?.code;
    return code ? (ruleTextsByCode(this.scheme()).get(code) ?? null) : null;
  });

  readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    unit: new FormControl('', { nonNullable: true }),
    responsibleUnit: new FormControl('', { nonNullable: true }),
    scoreSource: new FormControl('department', { nonNullable: true }),
    evidenceRequired: new FormControl(false, { nonNullable: true }),
    maxPoints: new FormControl<number | null>(null, [Validators.required, Validators.min(0.01)]),
    target: new FormControl<number | null>(null),
    min: new FormControl<number | null>(null),
    max: new FormControl<number | null>(null, boundsValidator),
    rule: new FormControl('', { nonNullable: true, validators: ruleJsonValidator }),
    ruleText: new FormControl('', { nonNullable: true }),
  });

  private openedFor: string | null = null;

  constructor() {
    this.form.controls.rule.valueChanges.subscribe((text) => this.ruleObject.set(parseRule(text)));
    this.form.controls.maxPoints.valueChanges.subscribe((v) => this.maxPointsTyped.set(v));
    this.form.controls.min.valueChanges.subscribe(() =>
      this.form.controls.max.updateValueAndValidity(),
    );
    // Filled when another indicator is opened; reopening the same one keeps what was typed.
    effect(() => {
      const row = this.indicator();
      if (!row || row.code === this.openedFor) {
        return;
      }
      this.openedFor = row.code;
      this.error.set(null);
      this.conflict.set(null);
      this.problems.set([]);
      this.serverErrors.set({});
      this.ruleTab.set(0);
      this.form.reset({
        name: row.name ?? '',
        unit: row.unit ?? '',
        responsibleUnit: row.responsible_unit ?? '',
        scoreSource: row.score_source ?? 'department',
        evidenceRequired: !!row.evidence_required,
        maxPoints: row.max_points,
        target: row.target ?? null,
        min: row.min ?? null,
        max: row.max ?? null,
        rule: JSON.stringify(row.rule ?? { kind: '' }, null, 2),
        ruleText: row.rule_text ?? '',
      });
      // a draft's saved problems of this indicator, beside their fields
      const own = groupDraftProblems(untracked(() => this.scheme()).problems).filter(
        (g) => g.target === row.code,
      );
      this.problems.set(this.placeBesideFields(own, row.code));
    });
  }

  /** A change made in the form: the JSON follows. */
  onRuleForm(rule: SchemeRule): void {
    this.serverErrors.set({});
    this.form.controls.rule.setValue(JSON.stringify(rule, null, 2));
    this.form.controls.rule.markAsDirty();
  }

  /** Esc, the close button and Cancel: asks before throwing away what was typed. */
  cancel(): void {
    if (!this.form.dirty) {
      this.close();
      return;
    }
    void this.unsaved
      .confirmDiscard({
        title: this.i18n.t('schemes.editor.discardTitle'),
        content: this.i18n.t('schemes.editor.discardContent'),
        discard: this.i18n.t('schemes.editor.discard'),
        keep: this.i18n.t('schemes.editor.keepEditing'),
      })
      .then((discard) => {
        if (discard) {
          this.close();
        }
      });
  }

  private close(): void {
    this.openedFor = null;
    this.indicator.set(null);
  }

  reloadLatest(): void {
    this.conflict.set(null);
    this.reload.emit();
  }

  save(): void {
    const row = this.indicator();
    const scheme = this.scheme();
    if (!row || !scheme.id) {
      return;
    }
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const v = this.form.getRawValue();
    const definition = replaceIndicator(asDefinition(scheme.definition), row.code, (i) => ({
      ...i,
      name: v.name.trim(),
      unit: v.unit.trim() || null,
      responsible_unit: v.responsibleUnit.trim() || null,
      score_source: v.scoreSource,
      evidence_required: v.evidenceRequired,
      max_points: v.maxPoints as number,
      target: v.target,
      min: v.min,
      max: v.max,
      rule: JSON.parse(v.rule) as SchemeRule,
      rule_text: v.ruleText.trim() || null,
    }));
    this.saving.set(true);
    this.error.set(null);
    this.conflict.set(null);
    this.problems.set([]);
    this.serverErrors.set({});
    this.api
      .schemeUpdate({
        id: scheme.id,
        body: {
          name: scheme.name ?? '',
          year: scheme.year,
          scale: scheme.scale,
          definition,
          concurrencyStamp: scheme.concurrencyStamp ?? '',
        },
      })
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.openedFor = null;
          this.indicator.set(null);
          this.saved.emit(updated);
        },
        error: (e: unknown) => {
          this.saving.set(false);
          const problem = toProblemDetails(e);
          if (problem?.status === 409 || (e as { status?: number }).status === 409) {
            this.conflict.set(errorText(this.i18n, e));
            return;
          }
          const groups = this.placeBesideFields(groupProblems(problem), row.code);
          if (groups.length) {
            this.problems.set(groups);
          } else if (!Object.keys(this.serverErrors()).length) {
            this.error.set(errorText(this.i18n, e));
          }
        },
      });
  }

  /** Puts this indicator's messages about a rule parameter beside it; returns the rest. */
  private placeBesideFields(groups: ProblemGroup[], code: string): ProblemGroup[] {
    const rule = this.ruleObject();
    const beside: Record<string, string> = {};
    const rest: ProblemGroup[] = [];
    for (const group of groups) {
      const left = group.messages.filter((m) => {
        const field = group.target === code ? fieldOfMessage(m, rule) : null;
        if (field) {
          beside[field] = beside[field] ? `${beside[field]} ${m}` : m;
        }
        return !field;
      });
      if (left.length) {
        rest.push({ ...group, messages: left });
      }
    }
    this.serverErrors.set(beside);
    return rest;
  }
}

function parseRule(text: string): SchemeRule | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) && 'kind' in value
      ? (value as SchemeRule)
      : null;
  } catch {
    return null;
  }
}
