import { inject, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';

import { AgreementsAgreementAttachmentDto as AttachmentDto } from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { BusyActions } from '@shared/busy-actions';
import { AgreementFilesService } from './agreement-files.service';

/**
 * The files of the agreement shown: the list, and uploading a scan, downloading and removing a file
 * (one call at a time with the page's other buttons). Created in a component's field initializer
 * (it injects).
 */
export class AgreementAttachmentFiles {
  private readonly api = inject(AgreementService);
  private readonly files = inject(AgreementFilesService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly list = signal<AttachmentDto[]>([]);

  constructor(
    private readonly actions: BusyActions,
    private readonly agreementId: () => string | null | undefined,
  ) {}

  load(id: string): void {
    this.api.agreementGetAttachments({ id }).subscribe({
      next: (list) => this.list.set(list ?? []),
      error: () => this.list.set([]),
    });
  }

  upload(file: File): void {
    const id = this.agreementId();
    if (id) {
      this.actions.run('upload', this.files.uploadScan(id, file), () => {
        this.message.success(this.i18n.t('agreements.uploaded', { name: file.name }));
        this.load(id);
      });
    }
  }

  download(attachment: AttachmentDto): void {
    const id = this.agreementId();
    if (id) {
      this.actions.run('download', this.files.downloadAttachment(id, attachment), () => undefined);
    }
  }

  remove(attachment: AttachmentDto): void {
    const id = this.agreementId();
    if (id && attachment.id) {
      this.actions.run(
        'removeAttachment',
        this.api.agreementDeleteAttachment({ id, attachmentId: attachment.id }),
        () => this.load(id),
      );
    }
  }
}
