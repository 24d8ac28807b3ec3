import { AbstractControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';

/** Shows every validation message of a form (as after the user touched each field). */
export function revealErrors(form: FormGroup): void {
  Object.values(form.controls).forEach((control: AbstractControl) => {
    control.markAsDirty();
    control.markAsTouched();
    control.updateValueAndValidity({ onlySelf: true });
  });
}

/** City codes (tenant names): a letter, then letters, digits, "-" or "_". */
export const cityNameValidator: ValidatorFn = (control) =>
  Validators.pattern(/^[A-Za-z][A-Za-z0-9_-]*$/)(control) ? { cityName: true } : null;

/** Enables the named controls of a form and disables the others named (a dialog that edits only some fields). */
export function setEnabled(form: FormGroup, fields: Record<string, boolean>): void {
  for (const [name, enabled] of Object.entries(fields)) {
    const control = form.get(name)!;
    if (enabled) {
      control.enable();
    } else {
      control.disable();
    }
  }
}
