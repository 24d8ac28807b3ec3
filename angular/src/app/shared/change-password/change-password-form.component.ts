import { Component, inject, input, signal } from '@angular/core';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { Observable, of, switchMap } from 'rxjs';

import { AccountTokenResultDto as TokenResultDto } from '@api/models';
import { AccountService } from '@api/services';
import { TokenService } from '@core/auth/token.service';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { applyProblemToForm, problemMessage, toProblemDetails } from '@core/net/problem-details';
import { FieldErrorPipe } from '@shared/field-error.pipe';
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

/**
 * The change of one's password: current, new and confirmation, the host's messages beside their field.
 * On success the new tokens are kept (the change ends the other sessions; this one goes on) and `then`
 * runs; the dialog of the header and the page of the first sign-in each decide what comes after.
 * Content (a submit button) is placed at the end of the form.
 */
@Component({
  selector: 'app-change-password-form',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzFormModule,
    NzInputModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  template: `
    @if (error()) {
      <nz-alert
        class="form-alert"
        nzType="error"
        nzShowIcon
        [nzMessage]="error()!"
        data-testid="change-password-error"
      />
    }
    <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
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
      <ng-content />
    </form>
    <ng-template #err let-control>{{ control | fieldError }}</ng-template>
  `,
})
export class ChangePasswordFormComponent {
  private readonly account = inject(AccountService);
  private readonly tokens = inject(TokenService);
  private readonly i18n = inject(I18nService);

  /** Prefix of the inputs' ids and test ids ("cp" in the dialog, "mcp" on the page). */
  readonly idPrefix = input('cp');
  /** What follows a change that the host accepted; its failure is shown like the host's. */
  readonly then = input<(result: TokenResultDto) => Observable<unknown>>(() => of(null));

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

  readonly saving = signal(false);
  readonly error = signal<string | null>(null);

  readonly form = inject(FormBuilder).nonNullable.group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(10), Validators.maxLength(128)]],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch },
  );

  submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      this.form.updateValueAndValidity();
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.account
      .accountChangePassword({ body: { currentPassword, newPassword } })
      .pipe(
        switchMap((result) => {
          this.tokens.set(result);
          return this.then()(result);
        }),
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.form.reset();
        },
        error: (e: unknown) => {
          this.saving.set(false);
          const problem = toProblemDetails(e);
          const unmatched = applyProblemToForm(this.form, problem);
          if (!problem?.errors || unmatched.length) {
            this.error.set(
              unmatched.join(' ') ||
                problemMessage(e, {
                  network: this.i18n.t('common.networkError'),
                  unknown: this.i18n.t('common.unknownError'),
                }),
            );
          }
        },
      });
  }
}
