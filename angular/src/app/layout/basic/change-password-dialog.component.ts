import { Component, inject, model, viewChild } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { defer, of } from 'rxjs';

import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { ChangePasswordFormComponent } from '@shared/change-password/change-password-form.component';

/** The header's 修改密码: the shared form in a dialog, closed with a message once the change is made. */
@Component({
  selector: 'app-change-password-dialog',
  imports: [NzModalModule, TranslatePipe, ChangePasswordFormComponent],
  template: `
    <nz-modal
      [nzVisible]="visible()"
      [nzTitle]="'changePassword.title' | t"
      [nzOkText]="'common.save' | t"
      [nzCancelText]="'common.cancel' | t"
      [nzOkLoading]="form()?.saving() ?? false"
      (nzOnOk)="form()?.submit()"
      (nzOnCancel)="visible.set(false)"
    >
      <app-change-password-form *nzModalContent idPrefix="cp" [then]="done">
        <button type="submit" hidden aria-hidden="true"></button>
      </app-change-password-form>
    </nz-modal>
  `,
})
export class ChangePasswordDialogComponent {
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly visible = model(false);
  protected readonly form = viewChild(ChangePasswordFormComponent);

  protected readonly done = () =>
    defer(() => {
      this.message.success(this.i18n.t('changePassword.success'));
      this.visible.set(false);
      return of(null);
    });
}
