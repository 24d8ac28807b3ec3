import { Component, inject, input, signal } from '@angular/core';
import {
  AbstractControl,
  FormBuilder,
  ReactiveFormsModule,
  ValidationErrors,
  Validators,
} from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { switchMap } from 'rxjs';

import { AccountService } from '@api/services';
import { AuthService } from '@core/auth/auth.service';
import { TokenService } from '@core/auth/token.service';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { applyProblemToForm, problemMessage, toProblemDetails } from '@core/net/problem-details';
import { SessionService } from '@core/session/session.service';
import { FieldErrorPipe } from '@shared/field-error.pipe';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
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
 * Shown after a sign-in whose password must be changed first (the first administrator of an
 * installation): the server refuses everything else until then.
 */
@Component({
  selector: 'app-change-password',
  imports: [
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  templateUrl: './change-password.component.html',
  styleUrl: '../login/login.component.css',
})
export class ChangePasswordComponent {
  private readonly account = inject(AccountService);
  private readonly auth = inject(AuthService);
  private readonly tokens = inject(TokenService);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  /** Query parameter bound by the router: the page to open afterwards. */
  readonly returnUrl = input<string | undefined>();

  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

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
      Object.values(this.form.controls).forEach((c) => {
        c.markAsDirty();
        c.updateValueAndValidity({ onlySelf: true });
      });
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
          this.session.clear();
          return this.session.load();
        }),
      )
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.message.success(this.i18n.t('changePassword.success'));
          const target = this.returnUrl();
          void this.router.navigateByUrl(
            target && target.startsWith('/') && !target.startsWith('//') ? target : '/',
          );
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

  signOut(): void {
    this.auth.logout().subscribe();
  }
}
