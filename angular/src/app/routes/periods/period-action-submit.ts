import { signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';

import { I18nService } from '@core/i18n/i18n.service';
import { formErrorText } from '@shared/error-text';
import { revealErrors } from '@shared/form-utils';

/**
 * The one save of the period actions dialog, whichever action it serves: saving while the call
 * runs, and a failure shown above the form with its field errors under the fields.
 */
export class ActionSubmit {
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  constructor(private readonly i18n: I18nService) {}

  reset(): void {
    this.error.set(null);
    this.saving.set(false);
  }

  /** Checks the form (when `check`), sends `call` and hands its answer to `done`. */
  run<T>(
    form: FormGroup,
    call: () => Observable<T>,
    done: (result: T) => void,
    check = true,
  ): void {
    if (check && form.invalid) {
      revealErrors(form);
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    call().subscribe({
      next: (result) => {
        this.saving.set(false);
        done(result);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(formErrorText(this.i18n, form, e));
      },
    });
  }
}
