import { DatePipe } from '@angular/common';
import { Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';

import { AgreementsAgreementAttachmentDto as AttachmentDto } from '@api/models';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { ACCEPT_SCANS, fileSize } from '../agreement-body';

/** The agreement's files (signed scans, evidence): upload, download and delete. */
@Component({
  selector: 'app-agreement-attachments',
  imports: [
    DatePipe,
    NzButtonModule,
    NzIconModule,
    NzPopconfirmModule,
    NzTableModule,
    NzUploadModule,
    TranslatePipe,
  ],
  template: `
    @if (canUpload()) {
      <div class="toolbar">
        <nz-upload [nzAccept]="acceptScans" [nzShowUploadList]="false" [nzBeforeUpload]="pick">
          <button nz-button [nzLoading]="uploading()" data-testid="attachment-upload">
            <nz-icon nzType="upload" />{{ 'agreements.uploadScan' | t }}
          </button>
        </nz-upload>
        <span class="hint">{{ 'agreements.scanHint' | t }}</span>
      </div>
    }
    <nz-table
      #fileTable
      [nzData]="attachments()"
      [nzShowPagination]="false"
      [nzFrontPagination]="false"
      nzSize="small"
      data-testid="agreement-attachments"
    >
      <thead>
        <tr>
          <th>{{ 'agreements.fileName' | t }}</th>
          <th nzWidth="100px">{{ 'agreements.kind' | t }}</th>
          <th nzWidth="90px">{{ 'agreements.size' | t }}</th>
          <th nzWidth="150px">{{ 'agreements.uploadedAt' | t }}</th>
          <th nzWidth="130px">{{ 'common.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (file of fileTable.data; track file.id) {
          <tr>
            <td>{{ file.fileName }}</td>
            <td>{{ 'agreements.kinds.' + file.kind | t }}</td>
            <td>{{ fileSize(file.size) }}</td>
            <td>{{ file.creationTime | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>
              <a
                (click)="download.emit(file)"
                role="button"
                tabindex="0"
                data-testid="attachment-download"
                >{{ 'agreements.download' | t }}</a
              >
              @if (canDelete()) {
                &nbsp;
                <a
                  nz-popconfirm
                  [nzPopconfirmTitle]="'agreements.confirmDeleteFile' | t: { name: file.fileName }"
                  [nzOkText]="'common.ok' | t"
                  [nzCancelText]="'common.cancel' | t"
                  (nzOnConfirm)="remove.emit(file)"
                  role="button"
                  tabindex="0"
                  >{{ 'common.delete' | t }}</a
                >
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styleUrl: './agreement-parts.css',
})
export class AgreementAttachmentsComponent {
  protected readonly acceptScans = ACCEPT_SCANS;
  protected readonly fileSize = fileSize;
  readonly attachments = input.required<AttachmentDto[]>();
  readonly canUpload = input(false);
  readonly canDelete = input(false);
  readonly uploading = input(false);
  /** A file picked for upload (the upload itself is the page's). */
  readonly upload = output<File>();
  readonly download = output<AttachmentDto>();
  readonly remove = output<AttachmentDto>();

  readonly pick = (file: NzUploadFile): boolean => {
    this.upload.emit(file as unknown as File);
    return false;
  };
}
