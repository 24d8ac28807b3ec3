import { inject, signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { Observable } from 'rxjs';

import { I18nService } from '@core/i18n/i18n.service';
import { errorText, formErrorText } from '@shared/error-text';
import { revealErrors } from '@shared/form-utils';

/**
 * The state of a dialog with a form: open or closed, saving, and the alert text of a failed save
 * (field errors from the server go under their fields).
 */
export class FormDialog<F extends FormGroup> {
  readonly open = signal(false);
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  constructor(
    readonly form: F,
    private readonly describe: (form: F, e: unknown) => string | null,
  ) {}

  /** Opens the dialog; what was typed before stays (call `form.reset(...)` first to start over). */
  show(): void {
    this.error.set(null);
    this.open.set(true);
  }

  close(): void {
    this.open.set(false);
  }

  /**
   * Saves the form's value with `call`: an invalid form shows its messages and calls nothing;
   * a success closes the dialog and hands the answer to `done`; a failure keeps it open with the
   * error text and then calls `failed`.
   */
  save<R>(
    call: (value: ReturnType<F['getRawValue']>) => Observable<R>,
    done: (result: R) => void,
    failed?: (e: unknown) => void,
  ): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    call(this.form.getRawValue() as ReturnType<F['getRawValue']>).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.open.set(false);
        done(result);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.error.set(this.describe(this.form, e));
        failed?.(e);
      },
    });
  }
}

/** A form dialog whose errors read in the user's language (call in an injection context). */
export function formDialog<F extends FormGroup>(form: F): FormDialog<F> {
  const i18n = inject(I18nService);
  return new FormDialog(form, (f, e) => formErrorText(i18n, f, e));
}

/**
 * A dialog without a reactive form (its inputs bound one by one): a failed save shows the
 * server's message as it is (call in an injection context).
 */
export function plainDialog(): FormDialog<FormGroup> {
  const i18n = inject(I18nService);
  return new FormDialog(new FormGroup({}), (_, e) => errorText(i18n, e));
}
