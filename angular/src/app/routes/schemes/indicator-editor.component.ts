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
import { ReactiveFormsModule } from '@angular/forms';
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
import { RuleFormComponent } from './rule-form.component';
import { SchemePreviewComponent } from './scheme-preview.component';
import { ruleTextsByCode } from './scheme-edits';
import {
  formValueOf,
  indicatorForm,
  parseRule,
  replaceIndicator,
  splitByField,
  withFormValue,
} from './indicator-rule';
import {
  IndicatorRow,
  ProblemGroup,
  SchemeRule,
  asDefinition,
  groupDraftProblems,
  groupProblems,
} from '@shared/scheme-definition';

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
  templateUrl: './indicator-editor.component.html',
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

  readonly form = indicatorForm();

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
      this.form.reset(formValueOf(row));
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
    const definition = replaceIndicator(asDefinition(scheme.definition), row.code, (i) =>
      withFormValue(i, this.form.getRawValue()),
    );
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
    const { beside, rest } = splitByField(groups, code, this.ruleObject());
    this.serverErrors.set(beside);
    return rest;
  }
}
