import { FormGroup } from '@angular/forms';

import { DataEntrySubmissionDto as SubmissionDto } from '@api/models';

/** The veto and withdraw-approval dialogs share their form: a city and a reason (the veto adds its code). */
export interface CityChange {
  form: FormGroup;
  prefix: string;
  testId: string;
  hint: string;
  cities: SubmissionDto[];
}

/** The veto offers every city with a submission, withdrawing an approval only the approved ones. */
export function cityChangeOf(
  action: 'veto' | 'withdraw',
  form: FormGroup,
  cities: Record<'veto' | 'withdraw', SubmissionDto[]>,
): CityChange {
  return action === 'veto'
    ? { form, prefix: 'v', testId: 'veto', hint: 'periodResults.vetoHint', cities: cities.veto }
    : {
        form,
        prefix: 'w',
        testId: 'withdraw',
        hint: 'periodResults.withdrawHint',
        cities: cities.withdraw,
      };
}
