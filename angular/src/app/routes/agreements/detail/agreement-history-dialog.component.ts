import { DatePipe, DecimalPipe } from '@angular/common';
import { Component, inject, input, signal } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import {
  AgreementsAgreementKeyTaskDto as KeyTaskDto,
  AgreementsKeyTaskProgressDto as ProgressDto,
} from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';

/** The progress reports of one key task, newest as the host orders them. */
@Component({
  selector: 'app-agreement-history-dialog',
  imports: [
    DatePipe,
    DecimalPipe,
    NzEmptyModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
  ],
  template: `
    <nz-modal
      [nzVisible]="!!task()"
      [nzTitle]="'agreements.historyTitle' | t: { code: task()?.code }"
      [nzFooter]="null"
      (nzOnCancel)="task.set(null)"
      [nzWidth]="640"
    >
      <div *nzModalContent>
        @if (history().length) {
          <nz-table
            #historyTable
            [nzData]="history()"
            [nzShowPagination]="false"
            [nzFrontPagination]="false"
            nzSize="small"
          >
            <thead>
              <tr>
                <th nzWidth="150px">{{ 'agreements.reportedAt' | t }}</th>
                <th nzWidth="80px">{{ 'agreements.progress' | t }}</th>
                <th>{{ 'agreements.milestone' | t }}</th>
                <th>{{ 'agreements.note' | t }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of historyTable.data; track p.id) {
                <tr>
                  <td>{{ p.creationTime | date: 'yyyy-MM-dd HH:mm' }}</td>
                  <td>{{ p.percent | number }}%</td>
                  <td>{{ p.milestone }}</td>
                  <td>
                    {{ p.note }}
                    @if (p.evidenceAttachmentId) {
                      <nz-tag>{{ 'agreements.kinds.Evidence' | t }}</nz-tag>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </nz-table>
        } @else {
          <nz-empty [nzNotFoundContent]="'agreements.noHistory' | t" />
        }
      </div>
    </nz-modal>
  `,
})
export class AgreementHistoryDialogComponent {
  private readonly api = inject(AgreementService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly agreementId = input.required<string>();
  readonly task = signal<KeyTaskDto | null>(null);
  readonly history = signal<ProgressDto[]>([]);

  show(task: KeyTaskDto): void {
    if (!task.code) {
      return;
    }
    this.task.set(task);
    this.history.set([]);
    this.api.agreementGetProgress({ id: this.agreementId(), code: task.code }).subscribe({
      next: (list) => this.history.set(list ?? []),
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
  }
}
