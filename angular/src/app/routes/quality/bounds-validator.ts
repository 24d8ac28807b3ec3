import { AbstractControl, ValidationErrors } from '@angular/forms';

/**
 * On the maximum of an indicator's data-quality bounds: refused when the sibling `min` is above it
 * (the host's validator says the same, Quality:BoundsInverted).
 */
export function boundsValidator(control: AbstractControl): ValidationErrors | null {
  const max = control.value as number | null | undefined;
  const min = control.parent?.get('min')?.value as number | null | undefined;
  return min != null && max != null && min > max ? { boundsInverted: true } : null;
}
