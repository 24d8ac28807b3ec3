import { Component, input } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { CellError } from './entry-workflow';

/** Every wrong cell of a rejected workbook ("E5：不是数字"); nothing of it was saved. */
@Component({
  selector: 'app-entry-cell-errors',
  imports: [NzAlertModule, TranslatePipe],
  template: `
    <nz-alert
      class="form-alert"
      nzType="error"
      nzShowIcon
      [nzMessage]="'dataEntry.xlsxRejected' | t"
      [nzDescription]="cellList"
      data-testid="entry-xlsx-errors"
    />
    <ng-template #cellList>
      <ul class="cell-list">
        @for (e of errors(); track $index) {
          <li>
            @if (e.cell) {
              <b class="mono">{{ e.cell }}</b>：
            }
            {{ e.message }}
          </li>
        }
      </ul>
    </ng-template>
  `,
  styleUrl: './data-entry.component.css',
})
export class EntryCellErrorsComponent {
  readonly errors = input.required<CellError[]>();
}
