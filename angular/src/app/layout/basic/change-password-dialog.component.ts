import { Component, inject, model, signal } from '@angular/core';
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
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { AccountService } from '@api/services';
import { TokenService } from '@core/auth/token.service';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { applyProblemToForm, problemMessage, toProblemDetails } from '@core/net/problem-details';
import { FieldErrorPipe } from '@shared/field-error.pipe';

function passwordsMatch(group: AbstractControl): ValidationErrors | null {
  const newPassword = group.get('newPassword')?.value as string;
  const confirm = group.get('confirmPassword');
  if (!confirm) {
    return null;
  }
  const mismatch = !!confirm.value && confirm.value !== newPassword;
  const others = { ...(confirm.errors ?? {}) };
  delete others['mismatch'];
  confirm.setErrors(
    mismatch ? { ...others, mismatch: true } : Object.keys(others).length ? others : null,
  );
  return null;
}

@Component({
  selector: 'app-change-password-dialog',
  imports: [
    ReactiveFormsModule,
    NzModalModule,
    NzFormModule,
    NzInputModule,
    NzAlertModule,
    TranslatePipe,
    FieldErrorPipe,
  ],
  template: `
    <nz-modal
      [nzVisible]="visible()"
      [nzTitle]="'changePassword.title' | t"
      [nzOkText]="'common.save' | t"
      [nzCancelText]="'common.cancel' | t"
      [nzOkLoading]="saving()"
      (nzOnOk)="submit()"
      (nzOnCancel)="visible.set(false)"
    >
      <form *nzModalContent nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()">
        @if (error()) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="error()!" />
        }
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cp-current">{{
            'changePassword.current' | t
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err">
            <input
              nz-input
              id="cp-current"
              type="password"
              formControlName="currentPassword"
              autocomplete="current-password"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cp-new">{{ 'changePassword.new' | t }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err">
            <input
              nz-input
              id="cp-new"
              type="password"
              formControlName="newPassword"
              autocomplete="new-password"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cp-confirm">{{
            'changePassword.confirm' | t
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="err">
            <input
              nz-input
              id="cp-confirm"
              type="password"
              formControlName="confirmPassword"
              autocomplete="new-password"
            />
          </nz-form-control>
        </nz-form-item>
        <button type="submit" hidden aria-hidden="true"></button>
      </form>
      <ng-template #err let-control>{{ control | fieldError }}</ng-template>
    </nz-modal>
  `,
})
export class ChangePasswordDialogComponent {
  private readonly account = inject(AccountService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  private readonly tokens = inject(TokenService);

  readonly visible = model(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
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
    this.account.accountChangePassword({ body: { currentPassword, newPassword } }).subscribe({
      next: (result) => {
        // The change ends the other sessions; this one goes on with the new tokens.
        this.tokens.set(result);
        this.saving.set(false);
        this.message.success(this.i18n.t('changePassword.success'));
        this.form.reset();
        this.visible.set(false);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        const unmatched = applyProblemToForm(this.form, toProblemDetails(e));
        const problem = toProblemDetails(e);
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
