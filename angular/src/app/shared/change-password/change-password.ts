import { inject } from '@angular/core';
import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { Observable, of, switchMap } from 'rxjs';

import { AccountTokenResultDto as TokenResultDto } from '@api/models';
import { AccountService } from '@api/services';
import { TokenService } from '@core/auth/token.service';
import { FormDialog, formDialog } from '@shared/form-modal/form-dialog';
import { revealErrors } from '@shared/form-utils';

/** The confirmation must equal the new password; its other errors are kept. */
export function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const confirm = group.get('confirmPassword');
  if (!confirm) {
    return null;
  }
  const mismatch = !!confirm.value && confirm.value !== group.get('newPassword')?.value;
  const others = { ...(confirm.errors ?? {}) };
  delete others['mismatch'];
  confirm.setErrors(
    mismatch ? { ...others, mismatch: true } : Object.keys(others).length ? others : null,
  );
  return null;
}

function passwordForm() {
  return new FormGroup(
    {
      currentPassword: new FormControl('', { nonNullable: true, validators: Validators.required }),
      newPassword: new FormControl('', {
        nonNullable: true,
        validators: [Validators.required, Validators.minLength(10), Validators.maxLength(128)],
      }),
      confirmPassword: new FormControl('', { nonNullable: true, validators: Validators.required }),
    },
    { validators: passwordsMatch },
  );
}

export type PasswordForm = ReturnType<typeof passwordForm>;

/**
 * The change of one's password as a form dialog (the header's dialog, the page of the first sign-in): the host's
 * messages go beside their field; on success the new tokens are kept (the change ends the other sessions; this one
 * goes on), the form is emptied and `then` runs. Call in an injection context.
 */
export class PasswordChange {
  private readonly account = inject(AccountService);
  private readonly tokens = inject(TokenService);
  readonly dialog: FormDialog<PasswordForm> = formDialog(passwordForm());

  get form(): PasswordForm {
    return this.dialog.form;
  }

  submit(then: (result: TokenResultDto) => Observable<unknown> = () => of(null)): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      // Revealing re-checks each box alone; the group's check puts the confirmation's mismatch back.
      this.form.updateValueAndValidity();
      return;
    }
    this.dialog.save(
      ({ currentPassword, newPassword }) =>
        this.account.accountChangePassword({ body: { currentPassword, newPassword } }).pipe(
          switchMap((result) => {
            this.tokens.set(result);
            return then(result);
          }),
        ),
      () => this.form.reset(),
    );
  }
}
