import { Component, booleanAttribute, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

import { TranslatePipe } from '@core/i18n/translate.pipe';

/**
 * The actions cell of a list row: edit, and delete behind a confirmation while `deletable` (a row
 * still in use is not). `separated` puts a `·` between the two.
 */
@Component({
  selector: 'app-edit-delete-cell',
  imports: [NzButtonModule, NzPopconfirmModule, TranslatePipe],
  template: `
    <button nz-button nzType="link" nzSize="small" type="button" (click)="edit.emit()">
      {{ 'common.edit' | t }}
    </button>
    @if (deletable()) {
      @if (separated()) {
        ·
      }
      <a nz-popconfirm [nzPopconfirmTitle]="deleteTitle()" (nzOnConfirm)="remove.emit()">{{
        'common.delete' | t
      }}</a>
    }
  `,
})
export class EditDeleteCellComponent {
  readonly deletable = input(true, { transform: booleanAttribute });
  /** The question the delete confirmation asks. */
  readonly deleteTitle = input.required<string>();
  readonly separated = input(false, { transform: booleanAttribute });
  readonly edit = output();
  readonly remove = output();
}
