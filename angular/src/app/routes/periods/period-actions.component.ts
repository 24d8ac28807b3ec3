import { Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormArray, FormBuilder, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
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

import { Observable, distinctUntilChanged, of, switchMap } from 'rxjs';

import {
  AppealsPublicityDto as PublicityDto,
  DataEntrySubmissionDto as SubmissionDto,
  PeriodsCityUnitDto as CityUnitDto,
  PeriodsLockExceptionDto as LockExceptionDto,
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
import { errorText, formErrorText } from '@shared/error-text';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { revealErrors } from '@shared/form-utils';
import { SchemeVeto, asDefinition } from '@shared/scheme-definition';
import { localText, shanghaiWallClock } from '@shared/period-time';

export type PeriodAction =
  'publish' | 'exceptions' | 'veto' | 'withdraw' | 'withdrawPublication' | 'finalize';

/** The veto and withdraw-approval dialogs share their form: a city and a reason (the veto adds its code). */
export interface CityChange {
  form: FormGroup;
  prefix: string;
  testId: string;
  hint: string;
  cities: SubmissionDto[];
}

/** One city left out of a publication (未参评) and the reason the official gives. */
export interface LeftOutRow {
  cityId: string;
  cityName: string;
}

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
  private readonly schemeApi = inject(SchemeService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(FormBuilder);
  protected readonly i18n = inject(I18nService);
  protected readonly localText = localText;

  readonly period = input<PeriodDto | null>(null);
  readonly action = input<PeriodAction | null>(null);
  readonly closed = output<void>();
  /** Something changed on the host (published, new version…): the list reloads. */
  readonly changed = output<void>();

  readonly submissions = signal<SubmissionDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  readonly approved = computed(() => this.submissions().filter((s) => s.status === 'Approved'));
  readonly notApproved = computed(() => this.submissions().filter((s) => s.status !== 'Approved'));
  readonly exceptions = signal<LockExceptionDto[]>([]);
  readonly vetoes = signal<SchemeVeto[]>([]);
  /** Open units per city, loaded on demand: the unit picker and the unit names of the list. */
  readonly cityUnits = signal<Record<string, CityUnitDto[]>>({});
  private readonly unitsRequested = new Set<string>();
  readonly exceptionCity = signal<string | null>(null);
  readonly unitOptions = computed(() => {
    const city = this.exceptionCity();
    return city ? (this.cityUnits()[city] ?? []) : [];
  });
  readonly unitsLoading = computed(() => {
    const city = this.exceptionCity();
    return !!city && !this.cityUnits()[city];
  });

  readonly exceptionForm = this.fb.group({
    cityId: this.fb.control<string | null>(null, Validators.required),
    unitId: this.fb.control<string | null>(null),
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(500)]),
    deadline: this.fb.control<Date | null>(null, Validators.required),
  });
  readonly vetoForm = this.fb.group({
    cityId: this.fb.control<string | null>(null, Validators.required),
    vetoCode: this.fb.control<string | null>(null, Validators.required),
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
  });
  /** Publishing: the reason for an early close, and one reason per city that is not approved. */
  readonly publishForm = this.fb.group({
    earlyCloseReason: this.fb.control<string>('', [Validators.maxLength(1000)]),
    /** 公示: the cities may appeal for appealDays days before the results are final. */
    staged: this.fb.control<boolean>(false),
    appealDays: this.fb.control<number | null>(5, [Validators.min(1), Validators.max(30)]),
    leftOut: this.fb.array<FormGroup>([]),
  });
  readonly leftOutRows = signal<LeftOutRow[]>([]);
  readonly publicationForm = this.fb.group({
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
  });
  readonly withdrawForm = this.fb.group({
    cityId: this.fb.control<string | null>(null, Validators.required),
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
  });
  /** Finalizing during the notice: why it is closed early. */
  readonly finalizeForm = this.fb.group({
    reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
  });
  readonly publicity = signal<PublicityDto | null>(null);
  readonly cityChange = computed<CityChange | null>(() => {
    switch (this.action()) {
      case 'veto':
        return {
          form: this.vetoForm,
          prefix: 'v',
          testId: 'veto',
          hint: 'periodResults.vetoHint',
          cities: this.submissions(),
        };
      case 'withdraw':
        return {
          form: this.withdrawForm,
          prefix: 'w',
          testId: 'withdraw',
          hint: 'periodResults.withdrawHint',
          cities: this.approved(),
        };
      default:
        return null;
    }
  });

  constructor() {
    // A unit belongs to one city: choosing another city clears it and loads that city's units.
    this.exceptionForm.controls.cityId.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((cityId) => {
        this.exceptionCity.set(cityId);
        this.exceptionForm.controls.unitId.setValue(null);
        if (cityId) {
          this.loadUnits(cityId);
        }
      });
    effect(() => {
      const period = this.period();
      const action = this.action();
      if (period?.id && action) {
        this.start(period, action);
      }
    });
  }

  private start(period: PeriodDto, action: PeriodAction): void {
    this.error.set(null);
    this.saving.set(false);
    this.cityUnits.set({});
    this.unitsRequested.clear();
    this.exceptionForm.reset({ cityId: null, unitId: null, reason: '', deadline: null });
    this.vetoForm.reset({ cityId: null, vetoCode: null, reason: '' });
    this.withdrawForm.reset({ cityId: null, reason: '' });
    this.publicationForm.reset({ reason: '' });
    this.finalizeForm.reset({ reason: '' });
    this.publishForm.controls.staged.setValue(false);
    this.publishForm.controls.appealDays.setValue(5);
    this.publicity.set(null);
    if (action === 'finalize') {
      this.appealApi.appealGetPublicity({ periodId: period.id! }).subscribe({
        next: (p) => this.publicity.set(p),
        error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
      });
    }
    this.setEarlyCloseRequired(period);
    this.loading.set(true);
    this.reviewApi.reviewGetSubmissions({ periodId: period.id! }).subscribe({
      next: (list) => {
        this.loading.set(false);
        this.submissions.set(list ?? []);
        this.setLeftOut(list ?? []);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
    if (action === 'exceptions') {
      this.loadExceptions(period.id!);
    }
    if (action === 'veto' && period.schemeId) {
      this.schemeApi.schemeGet({ id: period.schemeId }).subscribe({
        next: (scheme) => this.vetoes.set(asDefinition(scheme.definition).vetoes ?? []),
        error: () => this.vetoes.set([]),
      });
    }
  }

  private loadExceptions(id: string): void {
    this.periodApi.periodGetLockExceptions({ id }).subscribe({
      next: (list) => {
        this.exceptions.set(list ?? []);
        new Set((list ?? []).filter((x) => x.unitId && x.cityId).map((x) => x.cityId!)).forEach(
          (cityId) => this.loadUnits(cityId),
        );
      },
      error: (e: unknown) => this.error.set(errorText(this.i18n, e)),
    });
  }

  private loadUnits(cityId: string): void {
    const period = this.period();
    if (!period?.id || this.unitsRequested.has(cityId)) {
      return;
    }
    this.unitsRequested.add(cityId);
    this.periodApi.periodGetCityUnits({ id: period.id, cityId }).subscribe({
      next: (units) => this.cityUnits.update((all) => ({ ...all, [cityId]: units ?? [] })),
      error: (e: unknown) => {
        // Let a later choice of the same city try again.
        this.unitsRequested.delete(cityId);
        this.cityUnits.update((all) => ({ ...all, [cityId]: [] }));
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  /** The unit's path for the list; a unit closed since then is no longer listed, so its id stays. */
  unitName(cityId: string | null | undefined, unitId: string | null | undefined): string {
    if (!unitId) {
      return this.i18n.t('periodResults.wholeCity');
    }
    const unit = (this.cityUnits()[cityId ?? ''] ?? []).find((u) => u.id === unitId);
    return unit?.path || unit?.name || unitId;
  }

  /** Whether the entry window is still open now: publishing needs an early-close reason. */
  windowOpen(period: PeriodDto | null = this.period()): boolean {
    return !!period?.entryClosesAt && new Date(period.entryClosesAt).getTime() > Date.now();
  }

  get leftOutArray(): FormArray<FormGroup> {
    return this.publishForm.controls.leftOut;
  }

  private setEarlyCloseRequired(period: PeriodDto): void {
    const control = this.publishForm.controls.earlyCloseReason;
    control.setValidators(
      this.windowOpen(period)
        ? [Validators.required, Validators.maxLength(1000)]
        : [Validators.maxLength(1000)],
    );
    control.reset('');
  }

  private setLeftOut(list: SubmissionDto[]): void {
    const rows = list
      .filter((s) => s.status !== 'Approved' && s.cityId)
      .map((s) => ({ cityId: s.cityId!, cityName: s.cityName ?? '' }));
    this.leftOutArray.clear();
    rows.forEach(() =>
      this.leftOutArray.push(
        this.fb.group({
          reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
        }),
      ),
    );
    this.leftOutRows.set(rows);
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
    switch (this.action()) {
      case 'publish':
        this.publish();
        break;
      case 'exceptions':
        this.createException();
        break;
      case 'veto':
        this.applyVeto();
        break;
      case 'withdraw':
        this.withdraw();
        break;
      case 'withdrawPublication':
        this.withdrawPublication();
        break;
      case 'finalize':
        this.finalize();
        break;
    }
  }

  publish(): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    if (this.publishForm.invalid) {
      revealErrors(this.publishForm);
      this.leftOutArray.controls.forEach((group) => revealErrors(group));
      return;
    }
    const value = this.publishForm.getRawValue();
    if (value.staged && !value.appealDays) {
      revealErrors(this.publishForm);
      return;
    }
    const rows = this.leftOutRows();
    this.saving.set(true);
    this.error.set(null);
    this.resultApi
      .resultPublish({
        periodId: period.id,
        body: {
          earlyCloseReason: (value.earlyCloseReason ?? '').trim() || null,
          // 公示: the cities may appeal for this many days before the results are final.
          ...(value.staged ? { appealDays: Number(value.appealDays) } : {}),
          leftOut: rows.map((row, i) => ({
            cityId: row.cityId,
            reason: String(value.leftOut[i]?.['reason'] ?? '').trim(),
          })),
        },
      })
      .subscribe({
        next: (ranking) => {
          this.saving.set(false);
          this.message.success(
            this.i18n.t('periodResults.published', {
              name: period.name,
              count: ranking?.length ?? 0,
            }),
          );
          this.changed.emit();
          this.closed.emit();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(formErrorText(this.i18n, this.publishForm, e));
        },
      });
  }

  withdrawPublication(): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    if (this.publicationForm.invalid) {
      revealErrors(this.publicationForm);
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.resultApi
      .resultWithdrawPublication({
        periodId: period.id,
        body: { reason: (this.publicationForm.getRawValue().reason ?? '').trim() },
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.message.success(
            this.i18n.t('periodResults.publicationWithdrawn', { name: period.name }),
          );
          this.changed.emit();
          this.closed.emit();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(formErrorText(this.i18n, this.publicationForm, e));
        },
      });
  }

  /** 正式发布: during the notice the official closes it early with a reason first. */
  finalize(): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    const closeFirst = !!this.publicity()?.staged && !!this.publicity()?.acceptsAppeals;
    if (closeFirst && this.finalizeForm.invalid) {
      revealErrors(this.finalizeForm);
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    const close: Observable<unknown> = closeFirst
      ? this.appealApi.appealClosePublicity({
          periodId: period.id,
          body: { reason: (this.finalizeForm.getRawValue().reason ?? '').trim() },
        })
      : of(null);
    close.pipe(switchMap(() => this.resultApi.resultFinalize({ periodId: period.id! }))).subscribe({
      next: () => {
        this.saving.set(false);
        this.message.success(this.i18n.t('periodResults.finalized', { name: period.name }));
        this.changed.emit();
        this.closed.emit();
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(formErrorText(this.i18n, this.finalizeForm, e));
      },
    });
  }

  createException(): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    if (this.exceptionForm.invalid) {
      revealErrors(this.exceptionForm);
      return;
    }
    const value = this.exceptionForm.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.periodApi
      .periodCreateLockException({
        id: period.id,
        body: {
          cityId: value.cityId!,
          unitId: value.unitId || null,
          reason: (value.reason ?? '').trim(),
          deadline: shanghaiWallClock(value.deadline!),
        },
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.message.success(this.i18n.t('periodResults.exceptionCreated'));
          this.exceptionForm.reset({ cityId: null, unitId: null, reason: '', deadline: null });
          this.loadExceptions(period.id!);
        },
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(formErrorText(this.i18n, this.exceptionForm, e));
        },
      });
  }

  applyVeto(): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    if (this.vetoForm.invalid) {
      revealErrors(this.vetoForm);
      return;
    }
    const value = this.vetoForm.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.resultApi
      .resultApplyRetroactiveVeto({
        periodId: period.id,
        cityId: value.cityId!,
        body: { vetoCode: value.vetoCode!, reason: (value.reason ?? '').trim() },
      })
      .subscribe({
        next: (sheet) => this.versionCreated(sheet.cityName, sheet.version),
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(formErrorText(this.i18n, this.vetoForm, e));
        },
      });
  }

  withdraw(): void {
    const period = this.period();
    if (!period?.id) {
      return;
    }
    if (this.withdrawForm.invalid) {
      revealErrors(this.withdrawForm);
      return;
    }
    const value = this.withdrawForm.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.resultApi
      .resultWithdrawApproval({
        periodId: period.id,
        cityId: value.cityId!,
        body: { reason: (value.reason ?? '').trim() },
      })
      .subscribe({
        next: (sheet) => this.versionCreated(sheet.cityName, sheet.version),
        error: (e: unknown) => {
          this.saving.set(false);
          this.error.set(formErrorText(this.i18n, this.withdrawForm, e));
        },
      });
  }

  private versionCreated(city: string | null | undefined, version: number | undefined): void {
    this.saving.set(false);
    this.message.success(
      this.i18n.t('periodResults.versionCreated', { city: city ?? '', version: version ?? '' }),
    );
    this.changed.emit();
    this.closed.emit();
  }
}
