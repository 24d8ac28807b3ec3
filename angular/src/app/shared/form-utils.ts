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
