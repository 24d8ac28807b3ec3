import { computed, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { distinctUntilChanged } from 'rxjs';

import {
  PeriodsCityUnitDto as CityUnitDto,
  PeriodsLockExceptionDto as LockExceptionDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import { PeriodService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { errorText } from '@shared/error-text';
import { shanghaiWallClock } from '@shared/period-time';

/**
 * The lock exceptions of a period (a city or one of its units may still enter until a deadline): the list, the form
 * of a new one and the units of the chosen city, loaded once per city. Built in an injection context.
 */
export class LockExceptions {
  readonly exceptions = signal<LockExceptionDto[]>([]);
  /** Open units per city, loaded on demand: the unit picker and the unit names of the list. */
  readonly cityUnits = signal<Record<string, CityUnitDto[]>>({});
  private readonly unitsRequested = new Set<string>();
  /** The city chosen in the form. */
  readonly city = signal<string | null>(null);
  readonly unitOptions = computed(() => {
    const city = this.city();
    return city ? (this.cityUnits()[city] ?? []) : [];
  });
  readonly unitsLoading = computed(() => {
    const city = this.city();
    return !!city && !this.cityUnits()[city];
  });

  readonly form = new FormGroup({
    cityId: new FormControl<string | null>(null, Validators.required),
    unitId: new FormControl<string | null>(null),
    reason: new FormControl<string>('', [Validators.required, Validators.maxLength(500)]),
    deadline: new FormControl<Date | null>(null, Validators.required),
  });

  constructor(
    private readonly api: PeriodService,
    private readonly i18n: I18nService,
    private readonly period: () => PeriodDto | null,
    private readonly failed: (text: string) => void,
  ) {
    // A unit belongs to one city: choosing another city clears it and loads that city's units.
    this.form.controls.cityId.valueChanges
      .pipe(distinctUntilChanged(), takeUntilDestroyed())
      .subscribe((cityId) => {
        this.city.set(cityId);
        this.form.controls.unitId.setValue(null);
        if (cityId) {
          this.loadUnits(cityId);
        }
      });
  }

  /** Empties the form; `forget` also drops the units loaded (another period). */
  reset(forget = true): void {
    if (forget) {
      this.cityUnits.set({});
      this.unitsRequested.clear();
    }
    this.form.reset({ cityId: null, unitId: null, reason: '', deadline: null });
  }

  load(id: string): void {
    this.api.periodGetLockExceptions({ id }).subscribe({
      next: (list) => {
        this.exceptions.set(list ?? []);
        new Set((list ?? []).filter((x) => x.unitId && x.cityId).map((x) => x.cityId!)).forEach(
          (cityId) => this.loadUnits(cityId),
        );
      },
      error: (e: unknown) => this.failed(errorText(this.i18n, e)),
    });
  }

  /** Sends the form as a new exception of the period (the deadline in Beijing time). */
  create(id: string) {
    const value = this.form.getRawValue();
    return this.api.periodCreateLockException({
      id,
      body: {
        cityId: value.cityId!,
        unitId: value.unitId || null,
        reason: (value.reason ?? '').trim(),
        deadline: shanghaiWallClock(value.deadline!),
      },
    });
  }

  private loadUnits(cityId: string): void {
    const period = this.period();
    if (!period?.id || this.unitsRequested.has(cityId)) {
      return;
    }
    this.unitsRequested.add(cityId);
    this.api.periodGetCityUnits({ id: period.id, cityId }).subscribe({
      next: (units) => this.cityUnits.update((all) => ({ ...all, [cityId]: units ?? [] })),
      error: (e: unknown) => {
        // Let a later choice of the same city try again.
        this.unitsRequested.delete(cityId);
        this.cityUnits.update((all) => ({ ...all, [cityId]: [] }));
        this.failed(errorText(this.i18n, e));
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
}
