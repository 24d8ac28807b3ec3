import { Component, effect, inject, model, untracked } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { NzMessageService } from 'ng-zorro-antd/message';
import { defer, of } from 'rxjs';

import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { PasswordChange } from '@shared/change-password/change-password';
import { ChangePasswordFormComponent } from '@shared/change-password/change-password-form.component';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';

/** The header's 修改密码: the shared fields on the shared form modal, closed with a message once the change is made. */
@Component({
  selector: 'app-change-password-dialog',
  imports: [ReactiveFormsModule, TranslatePipe, ChangePasswordFormComponent, FormModalComponent],
  template: `
    <app-form-modal
      [dialog]="change.dialog"
      [title]="'changePassword.title' | t"
      (submitted)="change.submit(done)"
    >
      <ng-container [formGroup]="change.form">
        <app-change-password-form idPrefix="cp" />
      </ng-container>
    </app-form-modal>
  `,
})
export class ChangePasswordDialogComponent {
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly visible = model(false);
  protected readonly change = new PasswordChange();

  constructor() {
    // The header opens it; Cancel and a made change close it.
    effect(() => {
      if (this.visible()) {
        untracked(() => this.change.dialog.show());
      }
    });
    effect(() => {
      if (!this.change.dialog.open()) {
        untracked(() => this.visible.set(false));
      }
    });
  }

  protected readonly done = () =>
    defer(() => {
      this.message.success(this.i18n.t('changePassword.success'));
      return of(null);
    });
}
