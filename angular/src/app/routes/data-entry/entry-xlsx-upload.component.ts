import { Component, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';

import { TranslatePipe } from '@core/i18n/translate.pipe';

/** The button that picks a filled-in xlsx template; the file is handed on, not sent by nz-upload. */
@Component({
  selector: 'app-entry-xlsx-upload',
  imports: [NzButtonModule, NzIconModule, NzUploadModule, TranslatePipe],
  template: `
    <nz-upload
      nzAccept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      [nzShowUploadList]="false"
      [nzBeforeUpload]="beforeUpload"
      [nzDisabled]="busy()"
    >
      <button nz-button [nzLoading]="busy()" data-testid="entry-xlsx-upload">
        <nz-icon nzType="upload" />{{ 'dataEntry.uploadXlsx' | t }}
      </button>
    </nz-upload>
  `,
})
export class EntryXlsxUploadComponent {
  readonly busy = input(false);
  readonly picked = output<File>();

  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.picked.emit(file as unknown as File);
    return false;
  };
}
