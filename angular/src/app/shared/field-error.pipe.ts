import { Pipe, PipeTransform, inject } from '@angular/core';
import { AbstractControl, ValidationErrors } from '@angular/forms';

import { I18nService } from '@core/i18n/i18n.service';

/** Order in which errors are reported when a control has several. */
const PRIORITY = [
  'server',
  'required',
  'cityRequired',
  'minlength',
  'maxlength',
  'email',
  'cityName',
  'pattern',
  'mismatch',
  'sameAsCurrent',
];

/** The first validation message of a control (or of a raw errors object), translated. */
export function firstErrorMessage(
  errors: ValidationErrors | null | undefined,
  t: I18nService['t'],
): string {
  if (!errors) {
    return '';
  }
  const keys = Object.keys(errors).sort((a, b) => {
    const ia = PRIORITY.indexOf(a);
    const ib = PRIORITY.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
  });
  const key = keys[0];
  if (!key) {
    return '';
  }
  const value: unknown = errors[key];
  if (key === 'server' || typeof value === 'string') {
    return String(value);
  }
  if (key === 'cityRequired') {
    return t('login.cityRequired');
  }
  return t(
    `validation.${key}`,
    typeof value === 'object' && value ? (value as Record<string, unknown>) : undefined,
  );
}

/**
 * `<ng-template #err let-control>{{ control | fieldError }}</ng-template>` used as nzErrorTip.
 * Impure because a control's errors change without the control reference changing.
 */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(control: AbstractControl | null | undefined): string {
    return firstErrorMessage(control?.errors, (key, params) => this.i18n.t(key, params));
  }
}
