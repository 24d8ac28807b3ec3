import { DecimalPipe } from '@angular/common';
import { Component, computed, inject } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';

import { TranslatePipe } from '@core/i18n/translate.pipe';
import { DataEntryStore } from './data-entry.store';
import { EntryXlsxUploadComponent } from './entry-xlsx-upload.component';
import { DisabledReasonComponent } from '@shared/disabled-reason.component';

/**
 * The sheet's toolbar: xlsx template and upload, reload, the running 自评总分, 报送 (selected or every entered line) for the
 * clerk, 退回 with a comment and 提交全市自评 for the city administrator.
 */
@Component({
  selector: 'app-entry-workflow-bar',
  imports: [
    DisabledReasonComponent,
    DecimalPipe,
    FormsModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    NzPopconfirmModule,
    TranslatePipe,
    EntryXlsxUploadComponent,
  ],
  templateUrl: './entry-workflow-bar.component.html',
  styleUrl: './data-entry.component.css',
})
export class EntryWorkflowBarComponent {
  protected readonly store = inject(DataEntryStore);

  /** 报送 of the ticked lines and of every entered line: the same confirm, each disabled with its own reason. */
  protected readonly submitButtons = computed(() => [
    {
      all: false,
      label: 'dataEntry.submitLines',
      testId: 'entry-submit-selected',
      idleReason: 'disabledReason.checkLinesFirst',
      none: !this.store.workflow.selectedCodes().size,
      count: 0,
    },
    {
      all: true,
      label: 'dataEntry.submitAllLines',
      testId: 'entry-submit-lines',
      idleReason: 'disabledReason.nothingToReport',
      none: !this.store.reportable().length,
      count: this.store.reportable().length,
    },
  ]);

  /** Why a button is disabled: the sending in progress, or else the reason given. */
  protected busyOr(idleReason: string): string {
    return this.store.workflow.submitting() ? 'disabledReason.submitting' : idleReason;
  }
}
