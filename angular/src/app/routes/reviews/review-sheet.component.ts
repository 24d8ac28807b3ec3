import { DecimalPipe } from '@angular/common';
import { Component, OnDestroy, OnInit, computed, inject, signal } from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormsModule,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { DomSanitizer } from '@angular/platform-browser';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzStepsModule } from 'ng-zorro-antd/steps';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  DataEntryEvidenceDto as EvidenceDto,
  DataEntrySubmissionDto as SubmissionDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import { PeriodService, ReviewService, SchemeService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';
import { errorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { formDialog } from '@shared/form-modal/form-dialog';
import { EntryFilesService } from '@shared/entry-files.service';
import { entryOptions, fileSizeText, indicatorsByCode, valueText } from '@shared/entry-value';
import { lineStatusColour, submissionStatusColour } from '@shared/status-colours';
import { SchemeIndicator, asDefinition } from '@shared/scheme-definition';
import { withCode } from '@shared/code-set';
import { breadcrumbName } from '@shared/breadcrumbs';
import { QualityFlagComponent } from '../quality/quality-flag.component';
import { EvidencePreviewComponent } from './evidence-preview.component';
import { EvidenceViewer } from './review-evidence';
import { reviewStepText, submissionStep, withLine, zonedText } from './review-steps';

/** One city's submitted sheet: values, evidence, self and auditor scores; adjust, return, approve. */
@Component({
  selector: 'app-review-sheet',
  imports: [
    DecimalPipe,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzModalModule,
    NzPopconfirmModule,
    NzStepsModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    ReasonFieldComponent,
    QualityFlagComponent,
    EvidencePreviewComponent,
  ],
  templateUrl: './review-sheet.component.html',
  styleUrl: './review-sheet.component.css',
})
export class ReviewSheetComponent implements OnInit, OnDestroy {
  private readonly api = inject(ReviewService);
  private readonly periodApi = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  protected readonly session = inject(SessionService);
  protected readonly i18n = inject(I18nService);
  protected readonly P = Permissions.Review;
  protected readonly lineStatusColour = lineStatusColour;
  protected readonly statusColour = submissionStatusColour;
  protected readonly size = fileSizeText;

  readonly periodId = signal('');
  readonly cityId = signal('');
  readonly period = signal<PeriodDto | null>(null);
  readonly sheet = signal<EntrySheetDto | null>(null);
  readonly submission = signal<SubmissionDto | null>(null);
  protected readonly breadcrumb = breadcrumbName(() =>
    [this.submission()?.cityName, this.period()?.name].filter(Boolean).join(' · '),
  );
  private readonly indicators = signal<Record<string, SchemeIndicator>>({});
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  readonly selectedCodes = signal<Set<string>>(new Set());
  protected readonly step = computed(() =>
    submissionStep(this.sheet()?.submissionStatus, this.period()?.status),
  );
  /** Adjusting and returning need a submitted sheet. */
  protected readonly underReview = computed(() => this.sheet()?.submissionStatus === 'Submitted');

  protected readonly adjusting = signal<EntryLineDto | null>(null);
  protected readonly adjustDialog = formDialog(
    new FormGroup({
      score: new FormControl<number | null>(null, Validators.required),
      reason: new FormControl<string>('', [Validators.required, Validators.maxLength(2000)]),
    }),
  );
  readonly adjustForm = this.adjustDialog.form;

  protected readonly returnMode = signal<'selected' | 'all' | null>(null);
  protected readonly returnDialog = formDialog(
    new FormGroup({
      comment: new FormControl<string>('', [Validators.required, Validators.maxLength(2000)]),
    }),
  );
  readonly returnForm = this.returnDialog.form;
  protected readonly approving = signal(false);
  protected readonly evidence = new EvidenceViewer(
    inject(EntryFilesService),
    inject(DomSanitizer),
    this.message,
    this.i18n,
  );

  ngOnInit(): void {
    const params = this.route.snapshot.paramMap;
    this.periodId.set(params.get('periodId') ?? '');
    this.cityId.set(params.get('cityId') ?? '');
    this.periodApi.periodGet({ id: this.periodId() }).subscribe({
      next: (period) => {
        this.period.set(period);
        if (period.schemeId) {
          this.schemeApi.schemeGet({ id: period.schemeId }).subscribe({
            next: (scheme) =>
              this.indicators.set(indicatorsByCode(asDefinition(scheme.definition))),
            error: () => this.indicators.set({}),
          });
        }
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
    this.load();
  }

  ngOnDestroy(): void {
    this.closePreview();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.reviewGetCitySheet({ periodId: this.periodId(), cityId: this.cityId() }).subscribe({
      next: (sheet) => {
        this.loading.set(false);
        this.sheet.set(sheet);
        this.selectedCodes.set(new Set());
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
    this.api.reviewGetSubmissions({ periodId: this.periodId() }).subscribe({
      next: (list) =>
        this.submission.set((list ?? []).find((s) => s.cityId === this.cityId()) ?? null),
      error: () => this.submission.set(null),
    });
  }

  submittedText(): string {
    return zonedText(this.i18n, this.submission()?.submittedTime);
  }

  /** When the sheet was approved, or the return comment under the review step. */
  reviewText(): string {
    return reviewStepText(this.i18n, this.submission());
  }

  publishedText(): string {
    return zonedText(this.i18n, this.period()?.publishedTime);
  }

  selectedList(): string {
    return [...this.selectedCodes()].join('、');
  }

  valueText(line: EntryLineDto): string {
    return valueText(line.value, entryOptions(line, this.indicators()[line.indicatorCode ?? '']));
  }

  isSelected(line: EntryLineDto): boolean {
    return this.selectedCodes().has(line.indicatorCode ?? '');
  }

  setSelected(line: EntryLineDto, on: boolean): void {
    this.selectedCodes.update((set) => withCode(set, line.indicatorCode, on));
  }

  openAdjust(line: EntryLineDto): void {
    this.adjustForm.reset({
      score: line.auditorScore ?? line.selfScore ?? null,
      reason: line.adjustReason ?? '',
    });
    this.adjustDialog.show();
    this.adjusting.set(line);
  }

  submitAdjust(): void {
    const line = this.adjusting();
    if (!line?.id) {
      return;
    }
    this.adjustDialog.save(
      (value) =>
        this.api.reviewAdjustLine({
          lineId: line.id!,
          body: { score: value.score!, reason: (value.reason ?? '').trim() },
        }),
      (saved) => {
        this.adjusting.set(null);
        this.sheet.update((s) => withLine(s, saved));
        this.message.success(this.i18n.t('reviews.adjusted', { code: saved.indicatorCode }));
      },
    );
  }

  openReturn(mode: 'selected' | 'all'): void {
    if (mode === 'selected' && !this.selectedCodes().size) {
      this.message.warning(this.i18n.t('reviews.nothingSelected'));
      return;
    }
    this.returnForm.reset({ comment: '' });
    this.returnDialog.show();
    this.returnMode.set(mode);
  }

  submitReturn(): void {
    const mode = this.returnMode();
    if (!mode) {
      return;
    }
    const lines =
      mode === 'selected'
        ? [...this.selectedCodes()].map((code) => ({ indicatorCode: code, comment: null }))
        : [];
    this.returnDialog.save(
      (value) =>
        this.api.reviewReturn({
          periodId: this.periodId(),
          cityId: this.cityId(),
          body: { comment: (value.comment ?? '').trim(), lines },
        }),
      () => {
        this.returnMode.set(null);
        this.message.success(this.i18n.t('reviews.returnedMessage'));
        this.load();
      },
    );
  }

  approve(): void {
    this.approving.set(true);
    this.api.reviewApprove({ periodId: this.periodId(), cityId: this.cityId() }).subscribe({
      next: () => {
        this.approving.set(false);
        this.message.success(this.i18n.t('reviews.approvedMessage'));
        this.load();
      },
      error: (e: unknown) => {
        this.approving.set(false);
        this.message.error(errorText(this.i18n, e));
      },
    });
  }

  canPreview(file: EvidenceDto): boolean {
    return this.evidence.canPreview(file);
  }

  open(file: EvidenceDto): void {
    this.evidence.open(file);
  }

  closePreview(): void {
    this.evidence.close();
  }
}
