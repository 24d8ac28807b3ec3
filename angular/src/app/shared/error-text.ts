import { FormGroup } from '@angular/forms';

import { I18nService } from '@core/i18n/i18n.service';
import { applyProblemToForm, problemMessage, toProblemDetails } from '@core/net/problem-details';

/** Localized text for a failed call (server detail first, then our own fallbacks). */
export function errorText(i18n: I18nService, e: unknown): string {
  return problemMessage(e, {
    network: i18n.t('common.networkError'),
    unknown: i18n.t('common.unknownError'),
    forbidden: i18n.t('common.forbidden'),
  });
}

/**
 * After a failed save: puts the server's field errors under their fields and returns the text
 * for the dialog's alert, or null when every message found its field.
 */
export function formErrorText(i18n: I18nService, form: FormGroup, e: unknown): string | null {
  const problem = toProblemDetails(e);
  const unmatched = applyProblemToForm(form, problem);
  if (problem?.errors && Object.keys(problem.errors).length > unmatched.length) {
    return unmatched.length ? unmatched.join(' ') : null;
  }
  return [errorText(i18n, e), ...unmatched].join(' ');
}
