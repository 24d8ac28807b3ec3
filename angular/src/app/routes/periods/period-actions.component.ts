import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { FormArray, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Observable, of, switchMap } from 'rxjs';

import {
  AppealsPublicityDto as PublicityDto,
  DataEntrySubmissionDto as SubmissionDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import {
  AppealService,
  PeriodService,
  ResultService,
  ReviewService,
  SchemeService,
} from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { revealErrors } from '@shared/form-utils';
import { localText } from '@shared/period-time';
import { Publishing, windowOpen } from './period-publishing';
import { CityChanges, withReason } from './period-city-change';
import { LockExceptions } from './period-lock-exceptions';
import { ActionSubmit } from './period-action-submit';
import { RowPagesDirective } from '@shared/row-pages.directive';

export type PeriodAction =
  'publish' | 'exceptions' | 'veto' | 'withdraw' | 'withdrawPublication' | 'finalize';

/**
 * The official's result actions on a period: publish (an early-close reason, the cities left out with reasons), lock
 * exceptions, retroactive veto, withdraw approval, withdraw the publication, make the results final (正式发布) after
 * the public notice (公示), closing it early with a reason when needed.
 */
@Component({
  selector: 'app-period-actions',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    RowPagesDirective,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    ReasonFieldComponent,
  ],
  templateUrl: './period-actions.component.html',
})
export class PeriodActionsComponent {
  private readonly periodApi = inject(PeriodService);
  private readonly resultApi = inject(ResultService);
  private readonly appealApi = inject(AppealService);
  private readonly reviewApi = inject(ReviewService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(I18nService);
  protected readonly localText = localText;

  readonly period = input<PeriodDto | null>(null);
  readonly action = input<PeriodAction | null>(null);
  readonly closed = output<void>();
  /** Something changed on the host (published, new version…): the list reloads. */
  readonly changed = output<void>();

  readonly submissions = signal<SubmissionDto[]>([]);
  protected readonly loading = signal(false);
  /** The dialog's save: saving, and the failure shown above the form. */
  private readonly submission = new ActionSubmit(this.i18n);
  protected readonly saving = this.submission.saving;
  protected readonly error = this.submission.error;
  readonly approved = computed(() => this.submissions().filter((s) => s.status === 'Approved'));
  readonly notApproved = computed(() => this.submissions().filter((s) => s.status !== 'Approved'));

  /** The lock exceptions of the period, the form of a new one and the units it may name. */
  readonly locks = new LockExceptions(
    this.periodApi,
    this.i18n,
    () => this.period(),
    (text) => this.error.set(text),
  );
  readonly exceptionForm = this.locks.form;
  /** Publishing: the reason for an early close, and one reason per city that is not approved. */
  readonly publishing = new Publishing();
  readonly publishForm = this.publishing.form;
  readonly leftOutRows = this.publishing.rows;
  readonly publicationForm = withReason({});
  /** Finalizing during the notice: why it is closed early. */
  readonly finalizeForm = withReason({});
  readonly publicity = signal<PublicityDto | null>(null);
  /** A retroactive veto or a withdrawn approval of one city. */
  readonly changes = new CityChanges(this.resultApi, inject(SchemeService));
  readonly vetoForm = this.changes.vetoForm;
  readonly withdrawForm = this.changes.withdrawForm;
  readonly vetoes = this.changes.vetoes;
  readonly cityChange = computed(() =>
    this.changes.of(this.action(), this.submissions(), this.approved()),
  );

  constructor() {
    effect(() => {
      const period = this.period();
      const action = this.action();
      if (period?.id && action) {
        this.start(period, action);
      }
    });
  }

  private start(period: PeriodDto, action: PeriodAction): void {
    this.submission.reset();
    this.locks.reset();
    this.changes.reset();
    this.publicationForm.reset({ reason: '' });
    this.finalizeForm.reset({ reason: '' });
    this.publicity.set(null);
    if (action === 'finalize') {
      this.appealApi.appealGetPublicity({ periodId: period.id! }).subscribe({
        next: (p) => this.publicity.set(p),
        error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
      });
    }
    this.publishing.reset(windowOpen(period));
    this.loading.set(true);
    this.reviewApi.reviewGetSubmissions({ periodId: period.id! }).subscribe({
      next: (list) => {
        this.loading.set(false);
        this.submissions.set(list ?? []);
        this.publishing.leaveOut(list ?? []);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
    if (action === 'exceptions') {
      this.locks.load(period.id!);
    }
    if (action === 'veto' && period.schemeId) {
      this.changes.loadVetoes(period.schemeId);
    }
  }

  /** Whether the entry window is still open now: publishing needs an early-close reason. */
  windowOpen(): boolean {
    return windowOpen(this.period());
  }

  get leftOutArray(): FormArray<FormGroup> {
    return this.publishing.leftOut;
  }

  notApprovedNames(): string {
    return this.notApproved()
      .map((s) => s.cityName)
      .join('、');
  }

  cityName(id: string | null | undefined): string {
    return this.submissions().find((s) => s.cityId === id)?.cityName ?? '';
  }

  ok(): void {
    const action = this.action();
    if (action) {
      this.actions[action]();
    }
  }

  /** What OK does in each dialog. */
  private readonly actions: Record<PeriodAction, () => void> = {
    publish: () => this.publish(),
    exceptions: () => this.createException(),
    veto: () => this.changeCity('veto'),
    withdraw: () => this.changeCity('withdraw'),
    withdrawPublication: () => this.withdrawPublication(),
    finalize: () => this.finalize(),
  };

  publish(): void {
    const value = this.publishForm.getRawValue();
    if (this.publishForm.invalid) {
      this.leftOutArray.controls.forEach((group) => revealErrors(group));
    } else if (value.staged && !value.appealDays) {
      revealErrors(this.publishForm);
      return;
    }
    this.submit(
      this.publishForm,
      (periodId) =>
        this.resultApi.resultPublish({
          periodId,
          body: this.publishing.body(),
        }),
      (ranking, period) =>
        this.finished(
          this.i18n.t('periodResults.published', {
            name: period.name,
            count: ranking?.length ?? 0,
          }),
        ),
    );
  }

  withdrawPublication(): void {
    const reason = (this.publicationForm.getRawValue().reason ?? '').trim();
    this.submit(
      this.publicationForm,
      (periodId) => this.resultApi.resultWithdrawPublication({ periodId, body: { reason } }),
      (_, period) =>
        this.finished(this.i18n.t('periodResults.publicationWithdrawn', { name: period.name })),
    );
  }

  /** 正式发布: during the notice the official closes it early with a reason first. */
  finalize(): void {
    const closeFirst = !!this.publicity()?.staged && !!this.publicity()?.acceptsAppeals;
    const reason = (this.finalizeForm.getRawValue().reason ?? '').trim();
    this.submit(
      this.finalizeForm,
      (periodId) => {
        const close: Observable<unknown> = closeFirst
          ? this.appealApi.appealClosePublicity({ periodId, body: { reason } })
          : of(null);
        return close.pipe(switchMap(() => this.resultApi.resultFinalize({ periodId })));
      },
      (_, period) => this.finished(this.i18n.t('periodResults.finalized', { name: period.name })),
      closeFirst,
    );
  }

  createException(): void {
    this.submit(
      this.exceptionForm,
      (id) => this.locks.create(id),
      (_, period) => {
        this.message.success(this.i18n.t('periodResults.exceptionCreated'));
        this.locks.reset(false);
        this.locks.load(period.id!);
      },
    );
  }

  private changeCity(action: 'veto' | 'withdraw'): void {
    this.submit(
      this.changes.form(action),
      (periodId) => this.changes.send(action, periodId),
      (sheet) =>
        this.finished(
          this.i18n.t('periodResults.versionCreated', {
            city: sheet.cityName ?? '',
            version: sheet.version ?? '',
          }),
        ),
    );
  }

  /** One action of the dialog for the period shown (see `ActionSubmit.run`). */
  private submit<T>(
    form: FormGroup,
    call: (periodId: string) => Observable<T>,
    done: (result: T, period: PeriodDto) => void,
    check = true,
  ): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    this.submission.run(
      form,
      () => call(period.id!),
      (result) => done(result, period),
      check,
    );
  }

  /** A change on the host: the list reloads and the dialog closes. */
  private finished(text: string): void {
    this.message.success(text);
    this.changed.emit();
    this.closed.emit();
  }
}
