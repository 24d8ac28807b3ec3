import { signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, Validators } from '@angular/forms';

import {
  DataEntrySubmissionDto as SubmissionDto,
  PeriodsPeriodDto as PeriodDto,
  ResultsPublishPeriodInput as PublishInput,
} from '@api/models';

/** One city left out of a publication (未参评) and the reason the official gives. */
export interface LeftOutRow {
  cityId: string;
  cityName: string;
}

/** Whether the period's entry window is still open now: publishing needs an early-close reason. */
export function windowOpen(period: PeriodDto | null | undefined): boolean {
  return !!period?.entryClosesAt && new Date(period.entryClosesAt).getTime() > Date.now();
}

const reasonValidators = [Validators.required, Validators.maxLength(1000)];

/** The publish form: the reason for an early close, 公示 with its appeal days, one reason per city left out. */
export class Publishing {
  readonly form = new FormGroup({
    earlyCloseReason: new FormControl<string>('', [Validators.maxLength(1000)]),
    /** 公示: the cities may appeal for appealDays days before the results are final. */
    staged: new FormControl<boolean>(false),
    appealDays: new FormControl<number | null>(5, [Validators.min(1), Validators.max(30)]),
    leftOut: new FormArray<FormGroup>([]),
  });
  readonly rows = signal<LeftOutRow[]>([]);

  get leftOut(): FormArray<FormGroup> {
    return this.form.controls.leftOut;
  }

  /** A new start: no 公示, five appeal days, and an early-close reason required while the window is open. */
  reset(windowIsOpen: boolean): void {
    this.form.controls.staged.setValue(false);
    this.form.controls.appealDays.setValue(5);
    const control = this.form.controls.earlyCloseReason;
    control.setValidators(windowIsOpen ? reasonValidators : [Validators.maxLength(1000)]);
    control.reset('');
  }

  /** Every city not approved is left out of the publication and needs a reason. */
  leaveOut(list: SubmissionDto[]): void {
    const rows = list
      .filter((s) => s.status !== 'Approved' && s.cityId)
      .map((s) => ({ cityId: s.cityId!, cityName: s.cityName ?? '' }));
    this.leftOut.clear();
    rows.forEach(() =>
      this.leftOut.push(new FormGroup({ reason: new FormControl<string>('', reasonValidators) })),
    );
    this.rows.set(rows);
  }

  body(): PublishInput {
    const value = this.form.getRawValue();
    return {
      earlyCloseReason: (value.earlyCloseReason ?? '').trim() || null,
      // 公示: the cities may appeal for this many days before the results are final.
      ...(value.staged ? { appealDays: Number(value.appealDays) } : {}),
      leftOut: this.rows().map((row, i) => ({
        cityId: row.cityId,
        reason: String(value.leftOut[i]?.['reason'] ?? '').trim(),
      })),
    };
  }
}
