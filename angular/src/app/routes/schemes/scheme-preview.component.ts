import { DecimalPipe } from '@angular/common';
import { Component, InjectionToken, computed, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import {
  Observable,
  catchError,
  debounceTime,
  map,
  merge,
  of,
  skip,
  startWith,
  switchMap,
} from 'rxjs';

import {
  SchemesIndicatorValueDto as IndicatorValueDto,
  SchemesPreviewScoreInput as PreviewScoreInput,
  SchemesScoreLineDto as ScoreLineDto,
} from '@api/models';
import { SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { IndicatorRow, referenceKind, valueInputKind } from '@shared/scheme-definition';

/** How long typing must pause before a preview is requested (milliseconds). */
export const PREVIEW_DEBOUNCE_MS = new InjectionToken<number>('PREVIEW_DEBOUNCE_MS', {
  factory: () => 400,
});

interface PreviewState {
  line: ScoreLineDto | null;
  error: string | null;
  loading: boolean;
}

const IDLE: PreviewState = { line: null, error: null, loading: false };

/**
 * Live preview of one indicator's score: the user picks an indicator and enters a sample value
 * (a number, occurrences, a grade, checklist items or survey rates, per the rule kind) and sees the
 * points and the explanation from POST /api/app/schemes/preview. Requests are debounced and the
 * latest one wins; the form is never reset by an answer, so nothing typed is lost.
 */
@Component({
  selector: 'app-scheme-preview',
  imports: [
    DecimalPipe,
    ReactiveFormsModule,
    NzFormModule,
    NzSelectModule,
    NzInputNumberModule,
    NzCheckboxModule,
    NzSpinModule,
    NzTagModule,
    NzAlertModule,
    TranslatePipe,
  ],
  templateUrl: './scheme-preview.component.html',
  styles: `
    .unit {
      margin-left: 8px;
      color: rgba(0, 0, 0, 0.45);
    }
    .result {
      min-height: 64px;
      padding: 12px;
      background: #fafafa;
      border-radius: 4px;
    }
    .points strong {
      font-size: 24px;
      margin: 0 8px;
      color: #1677ff;
    }
    .explanation {
      margin-top: 8px;
      white-space: pre-wrap;
    }
    nz-input-number {
      width: 160px;
    }
  `,
})
export class SchemePreviewComponent {
  private readonly api = inject(SchemeService);
  private readonly i18n = inject(I18nService);
  private readonly debounceMs = inject(PREVIEW_DEBOUNCE_MS);

  readonly schemeId = input.required<string>();
  readonly indicators = input.required<IndicatorRow[]>();
  /** Indicator to start with (e.g. picked from the indicator table). */
  readonly initialCode = input<string | null>(null);
  /**
   * An unsaved definition to score instead of the saved scheme (the indicator editor's edits);
   * the host validates it and answers with its problems.
   */
  readonly definition = input<unknown>(null);
  readonly scale = input<number | null>(null);

  readonly form = new FormGroup({
    indicator: new FormControl<string | null>(null),
    number: new FormControl<number | null>(null),
    count: new FormControl<number | null>(null),
    grade: new FormControl<string | null>(null),
    present: new FormControl<string[]>([], { nonNullable: true }),
    reference: new FormControl<number | null>(null),
  });

  private readonly code = toSignal(this.form.controls.indicator.valueChanges, {
    initialValue: null,
  });
  protected readonly selected = computed(
    () => this.indicators().find((row) => row.code === this.code()) ?? null,
  );
  protected readonly inputKind = computed(() => valueInputKind(this.selected()?.rule?.kind));
  protected readonly refKind = computed(() => referenceKind(this.selected()?.rule));
  protected readonly gradeOptions = computed(() => {
    const grades = this.selected()?.rule?.['grades'];
    return Array.isArray(grades) ? grades.map((g: { grade?: string }) => String(g.grade)) : [];
  });
  protected readonly checklistOptions = computed(() => {
    const items = this.selected()?.rule?.['items'];
    return Array.isArray(items) ? items.map(String) : [];
  });

  protected readonly state = signal<PreviewState>(IDLE);

  constructor() {
    effect(() => {
      const code = this.initialCode();
      if (code && code !== this.form.controls.indicator.value) {
        this.form.controls.indicator.setValue(code);
      }
    });
    merge(this.form.valueChanges, toObservable(this.definition).pipe(skip(1)))
      .pipe(
        debounceTime(this.debounceMs),
        map(() => this.request()),
        switchMap((request) => this.preview(request)),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));
  }

  protected explanation(line: ScoreLineDto): string {
    const localized = this.i18n.lang() === 'en' ? line.explanationEn : line.explanationZhHans;
    return localized || line.explanation || '';
  }

  /** The request for the current input, or null while there is nothing to score. */
  request(): PreviewScoreInput | null {
    const row = this.selected();
    if (!row) {
      return null;
    }
    const v = this.form.getRawValue();
    let value: IndicatorValueDto | null = null;
    switch (valueInputKind(row.rule?.kind)) {
      case 'occurrences':
        value = v.count === null ? null : { occurrences: [{ type: 'default', count: v.count }] };
        break;
      case 'grade':
        value = v.grade ? { grade: v.grade } : null;
        break;
      case 'checklist':
        value = { checklistPresent: v.present };
        break;
      case 'survey': {
        const components = row.rule?.['components'];
        const keys = Array.isArray(components)
          ? components.map((c: { key?: string }) => String(c.key))
          : [];
        value =
          v.number === null
            ? null
            : { surveyRates: Object.fromEntries(keys.map((k) => [k, v.number as number])) };
        break;
      }
      default:
        value = v.number === null ? null : { number: v.number };
    }
    if (!value) {
      return null;
    }
    const ref = referenceKind(row.rule);
    const reference =
      ref && v.reference !== null
        ? ref === 'lastYear'
          ? { lastYearValues: { [row.code]: v.reference } }
          : { provinceAverages: { [row.code]: v.reference } }
        : undefined;
    const definition = this.definition();
    return {
      ...(definition
        ? { definition, scale: this.scale() ?? undefined }
        : { schemeId: this.schemeId() }),
      values: { indicators: { [row.code]: value } },
      reference,
    };
  }

  private preview(request: PreviewScoreInput | null): Observable<PreviewState> {
    if (!request) {
      return of(IDLE);
    }
    const code = Object.keys(request.values?.indicators ?? {})[0];
    return this.api.schemePreview({ body: request }).pipe(
      map((sheet): PreviewState => ({
        line: (sheet.lines ?? []).find((l) => l.indicatorCode === code) ?? null,
        error: null,
        loading: false,
      })),
      catchError((e: unknown) =>
        of<PreviewState>({ line: null, error: errorText(this.i18n, e), loading: false }),
      ),
      startWith<PreviewState>({ ...this.state(), loading: true }),
    );
  }
}
