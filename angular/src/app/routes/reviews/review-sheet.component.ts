import { DecimalPipe } from '@angular/common';
import { Component, OnDestroy, OnInit, computed, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
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
import { beijingText } from '@core/time/beijing-time';
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { revealErrors } from '@shared/form-utils';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import {
  entryOptions,
  fileSizeText,
  indicatorsByCode,
  isPreviewable,
  valueText,
} from '@shared/entry-value';
import { lineStatusColour, submissionStatusColour } from '@shared/status-colours';
import { SchemeIndicator, asDefinition } from '@shared/scheme-definition';
import { withCode } from '@shared/code-set';
import { breadcrumbName } from '@shared/breadcrumbs';
import { QualityFlagComponent } from '../quality/quality-flag.component';

/** Steps of a submission: 填报 → 提交 → 审核 (退回 / 通过) → 发布. */
export function submissionStep(
  status: string | null | undefined,
  periodStatus: string | null | undefined,
): { current: number; status: 'wait' | 'process' | 'finish' | 'error' } {
  if (periodStatus === 'Published' && status === 'Approved') {
    return { current: 3, status: 'finish' };
  }
  switch (status) {
    case 'Submitted':
      return { current: 2, status: 'process' };
    case 'Returned':
      return { current: 2, status: 'error' };
    case 'Approved':
      return { current: 2, status: 'finish' };
    case 'Withdrawn':
      return { current: 2, status: 'error' };
    default:
      return { current: 0, status: 'process' };
  }
}

interface Preview {
  name: string;
  url: string;
  safe: SafeResourceUrl;
  image: boolean;
}

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
  ],
  templateUrl: './review-sheet.component.html',
  styleUrl: './review-sheet.component.css',
})
export class ReviewSheetComponent implements OnInit, OnDestroy {
  private readonly api = inject(ReviewService);
  private readonly periodApi = inject(PeriodService);
  private readonly schemeApi = inject(SchemeService);
  private readonly files = inject(EntryFilesService);
  private readonly route = inject(ActivatedRoute);
  private readonly message = inject(NzMessageService);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly fb = inject(FormBuilder);
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
  protected readonly adjustSaving = signal(false);
  protected readonly adjustError = signal<string | null>(null);
  readonly adjustForm = this.fb.group({
    score: this.fb.control<number | null>(null, Validators.required),
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(2000)]),
  });

  protected readonly returnMode = signal<'selected' | 'all' | null>(null);
  protected readonly returnSaving = signal(false);
  protected readonly returnError = signal<string | null>(null);
  readonly returnForm = this.fb.group({
    comment: this.fb.control<string>('', [Validators.required, Validators.maxLength(2000)]),
  });
  protected readonly approving = signal(false);
  protected readonly preview = signal<Preview | null>(null);

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
    return this.zoned(this.submission()?.submittedTime);
  }

  /** When the sheet was approved, or the return comment under the review step. */
  reviewText(): string {
    const submission = this.submission();
    if (submission?.status === 'Approved') {
      return this.zoned(submission.approvedTime);
    }
    return submission?.status === 'Returned' ? (submission.returnComment ?? '') : '';
  }

  publishedText(): string {
    return this.zoned(this.period()?.publishedTime);
  }

  /** A time of a step, naming the zone it is shown in. */
  private zoned(time: string | null | undefined): string {
    const text = beijingText(time);
    return text ? this.i18n.t('reviews.atBeijingTime', { time: text }) : '';
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
    this.adjustError.set(null);
    this.adjustForm.reset({
      score: line.auditorScore ?? line.selfScore ?? null,
      reason: line.adjustReason ?? '',
    });
    this.adjusting.set(line);
  }

  submitAdjust(): void {
    const line = this.adjusting();
    if (!line?.id) {
      return;
    }
    if (this.adjustForm.invalid) {
      revealErrors(this.adjustForm);
      return;
    }
    const value = this.adjustForm.getRawValue();
    this.adjustSaving.set(true);
    this.adjustError.set(null);
    this.api
      .reviewAdjustLine({
        lineId: line.id,
        body: { score: value.score!, reason: (value.reason ?? '').trim() },
      })
      .subscribe({
        next: (saved) => {
          this.adjustSaving.set(false);
          this.adjusting.set(null);
          this.sheet.update((s) =>
            s
              ? {
                  ...s,
                  lines: (s.lines ?? []).map((l) =>
                    l.indicatorCode === saved.indicatorCode
                      ? { ...saved, evidence: saved.evidence ?? l.evidence }
                      : l,
                  ),
                }
              : s,
          );
          this.message.success(this.i18n.t('reviews.adjusted', { code: saved.indicatorCode }));
        },
        error: (e: unknown) => {
          this.adjustSaving.set(false);
          this.adjustError.set(formErrorText(this.i18n, this.adjustForm, e));
        },
      });
  }

  openReturn(mode: 'selected' | 'all'): void {
    if (mode === 'selected' && !this.selectedCodes().size) {
      this.message.warning(this.i18n.t('reviews.nothingSelected'));
      return;
    }
    this.returnError.set(null);
    this.returnForm.reset({ comment: '' });
    this.returnMode.set(mode);
  }

  submitReturn(): void {
    const mode = this.returnMode();
    if (!mode) {
      return;
    }
    if (this.returnForm.invalid) {
      revealErrors(this.returnForm);
      return;
    }
    const comment = (this.returnForm.getRawValue().comment ?? '').trim();
    const lines =
      mode === 'selected'
        ? [...this.selectedCodes()].map((code) => ({ indicatorCode: code, comment: null }))
        : [];
    this.returnSaving.set(true);
    this.returnError.set(null);
    this.api
      .reviewReturn({ periodId: this.periodId(), cityId: this.cityId(), body: { comment, lines } })
      .subscribe({
        next: () => {
          this.returnSaving.set(false);
          this.returnMode.set(null);
          this.message.success(this.i18n.t('reviews.returnedMessage'));
          this.load();
        },
        error: (e: unknown) => {
          this.returnSaving.set(false);
          this.returnError.set(formErrorText(this.i18n, this.returnForm, e));
        },
      });
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
    return isPreviewable(file.contentType);
  }

  /** Images and PDFs open in a modal through a blob URL; other files download. */
  open(file: EvidenceDto): void {
    this.files
      .download(`/api/app/reviews/evidence/${file.id}`, file.fileName ?? 'evidence')
      .subscribe({
        next: (f) => {
          if (!this.canPreview(file)) {
            saveBlob(f.blob, f.fileName);
            return;
          }
          this.closePreview();
          const blob = f.blob.type ? f.blob : new Blob([f.blob], { type: file.contentType ?? '' });
          const url = URL.createObjectURL(blob);
          this.preview.set({
            name: file.fileName ?? '',
            url,
            safe: this.sanitizer.bypassSecurityTrustResourceUrl(url),
            image: (file.contentType ?? '').startsWith('image/'),
          });
        },
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }

  download(file: EvidenceDto): void {
    this.files
      .download(`/api/app/reviews/evidence/${file.id}`, file.fileName ?? 'evidence')
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }

  closePreview(): void {
    const current = this.preview();
    if (current) {
      URL.revokeObjectURL(current.url);
    }
    this.preview.set(null);
  }
}
