import { Component, input } from '@angular/core';
import { ControlContainer, FormGroupDirective, ReactiveFormsModule } from '@angular/forms';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { FieldErrorPipe } from '@shared/field-error.pipe';

/**
 * The three password boxes of a password change (current, new, confirmation) with their errors beside them, inside
 * the caller's `[formGroup]` of a `PasswordChange` form.
 */
@Component({
  selector: 'app-change-password-form',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, TranslatePipe, FieldErrorPipe],
  viewProviders: [{ provide: ControlContainer, useExisting: FormGroupDirective }],
  template: `
    @for (field of fields; track field.name) {
      <nz-form-item>
        <nz-form-label nzRequired [nzFor]="idPrefix() + '-' + field.id">{{
          field.label | t
        }}</nz-form-label>
        <nz-form-control [nzErrorTip]="err">
          <input
            nz-input
            [id]="idPrefix() + '-' + field.id"
            [attr.data-testid]="idPrefix() + '-' + field.id"
            type="password"
            [formControlName]="field.name"
            [autocomplete]="field.autocomplete"
          />
        </nz-form-control>
      </nz-form-item>
    }
    <ng-template #err let-control>{{ control | fieldError }}</ng-template>
  `,
})
export class ChangePasswordFormComponent {
  /** Prefix of the inputs' ids and test ids ("cp" in the dialog, "mcp" on the page). */
  readonly idPrefix = input('cp');

  /** The three password boxes in their order: control, id suffix, label key, browser autofill. */
  protected readonly fields = [
    {
      name: 'currentPassword',
      id: 'current',
      label: 'changePassword.current',
      autocomplete: 'current-password',
    },
    { name: 'newPassword', id: 'new', label: 'changePassword.new', autocomplete: 'new-password' },
    {
      name: 'confirmPassword',
      id: 'confirm',
      label: 'changePassword.confirm',
      autocomplete: 'new-password',
    },
  ] as const;
}
