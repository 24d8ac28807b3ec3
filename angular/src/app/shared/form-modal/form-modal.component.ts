import { Component, booleanAttribute, input, output } from '@angular/core';
import { FormGroup, ReactiveFormsModule } from '@angular/forms';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { FormDialog } from './form-dialog';

/**
 * A modal with a vertical form: OK (or Enter) emits `submitted`, Cancel closes the dialog, a failed
 * save shows its alert above the fields. The fields come as content, inside
 * `<ng-container [formGroup]="dialog.form">` so that their `formControlName`s find the form.
 */
@Component({
  selector: 'app-form-modal',
  imports: [ReactiveFormsModule, NzAlertModule, NzFormModule, NzModalModule, TranslatePipe],
  template: `
    <nz-modal
      [nzVisible]="dialog().open()"
      [nzTitle]="title()"
      [nzWidth]="width()"
      [nzOkText]="okText() || ('common.save' | t)"
      [nzCancelText]="'common.cancel' | t"
      [nzOkLoading]="dialog().saving()"
      [nzOkDisabled]="okDisabled()"
      [nzOkDanger]="okDanger()"
      (nzOnOk)="submitted.emit()"
      (nzOnCancel)="dialog().close()"
    >
      <form
        *nzModalContent
        nz-form
        nzLayout="vertical"
        [formGroup]="dialog().form"
        (ngSubmit)="submitted.emit()"
      >
        @if (dialog().error()) {
          <nz-alert class="form-alert" nzType="error" nzShowIcon [nzMessage]="dialog().error()!" />
        }
        <ng-content />
        <button type="submit" hidden aria-hidden="true"></button>
      </form>
    </nz-modal>
  `,
})
export class FormModalComponent {
  readonly dialog = input.required<FormDialog<FormGroup>>();
  readonly title = input.required<string>();
  /** Text of the OK button; 保存 when empty. */
  readonly okText = input('');
  readonly width = input<string | number>(520);
  /** OK cannot be pressed (what it would save is not loaded). */
  readonly okDisabled = input(false);
  /** OK does something that cannot be undone (red). */
  readonly okDanger = input(false, { transform: booleanAttribute });
  readonly submitted = output();
}
