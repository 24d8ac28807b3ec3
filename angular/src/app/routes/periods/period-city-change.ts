import { signal } from '@angular/core';
import { AbstractControl, FormControl, FormGroup, Validators } from '@angular/forms';
import { Observable } from 'rxjs';

import {
  DataEntrySubmissionDto as SubmissionDto,
  ResultsScoreSheetRecordDto as ScoreSheetDto,
} from '@api/models';
import { ResultService, SchemeService } from '@api/services';
import { SchemeVeto, asDefinition } from '@shared/scheme-definition';

/** A form of a required reason (at most 1,000 characters) after the controls given. */
export function withReason<T extends Record<string, AbstractControl>>(controls: T) {
  return new FormGroup({
    ...controls,
    reason: new FormControl<string>('', [Validators.required, Validators.maxLength(1000)]),
  });
}

/** The veto and withdraw-approval dialogs share their form: a city and a reason (the veto adds its code). */
export interface CityChange {
  form: FormGroup;
  prefix: string;
  testId: string;
  hint: string;
  cities: SubmissionDto[];
}

/**
 * A change of one city's published result that makes a new version of its sheet: a retroactive veto (one of the
 * scheme's vetoes, any city with a submission) or a withdrawn approval (an approved city), each with a reason.
 */
export class CityChanges {
  readonly vetoes = signal<SchemeVeto[]>([]);
  readonly vetoForm = withReason({
    cityId: new FormControl<string | null>(null, Validators.required),
    vetoCode: new FormControl<string | null>(null, Validators.required),
  });
  readonly withdrawForm = withReason({
    cityId: new FormControl<string | null>(null, Validators.required),
  });

  constructor(
    private readonly results: ResultService,
    private readonly schemes: SchemeService,
  ) {}

  reset(): void {
    this.vetoForm.reset({ cityId: null, vetoCode: null, reason: '' });
    this.withdrawForm.reset({ cityId: null, reason: '' });
  }

  loadVetoes(schemeId: string): void {
    this.schemes.schemeGet({ id: schemeId }).subscribe({
      next: (scheme) => this.vetoes.set(asDefinition(scheme.definition).vetoes ?? []),
      error: () => this.vetoes.set([]),
    });
  }

  /** The dialog of an action: the veto offers every city with a submission, a withdrawal the approved ones. */
  of(
    action: string | null,
    submissions: SubmissionDto[],
    approved: SubmissionDto[],
  ): CityChange | null {
    switch (action) {
      case 'veto':
        return {
          form: this.vetoForm,
          prefix: 'v',
          testId: 'veto',
          hint: 'periodResults.vetoHint',
          cities: submissions,
        };
      case 'withdraw':
        return {
          form: this.withdrawForm,
          prefix: 'w',
          testId: 'withdraw',
          hint: 'periodResults.withdrawHint',
          cities: approved,
        };
      default:
        return null;
    }
  }

  form(action: 'veto' | 'withdraw'): FormGroup {
    return action === 'veto' ? this.vetoForm : this.withdrawForm;
  }

  /** Sends the form of the action for the period; the answer is the city's new sheet. */
  send(action: 'veto' | 'withdraw', periodId: string): Observable<ScoreSheetDto> {
    if (action === 'veto') {
      const value = this.vetoForm.getRawValue();
      return this.results.resultApplyRetroactiveVeto({
        periodId,
        cityId: value.cityId!,
        body: { vetoCode: value.vetoCode!, reason: (value.reason ?? '').trim() },
      });
    }
    const value = this.withdrawForm.getRawValue();
    return this.results.resultWithdrawApproval({
      periodId,
      cityId: value.cityId!,
      body: { reason: (value.reason ?? '').trim() },
    });
  }
}
