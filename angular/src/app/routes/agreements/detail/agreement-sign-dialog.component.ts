import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';
import { concatMap } from 'rxjs';

import { AgreementsAgreementDto as AgreementDto } from '@api/models';
import { AgreementService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { SessionService } from '@core/session/session.service';
import { plainDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { ACCEPT_SCANS } from '../agreement-body';
import { AgreementFilesService } from '../agreement-files.service';

/**
 * The city countersigns: the signatory and the signed scan. The scan is uploaded first, then the
 * agreement is signed; a failure keeps the dialog and what was entered.
 */
@Component({
  selector: 'app-agreement-sign-dialog',
  imports: [
    FormsModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzUploadModule,
    TranslatePipe,
    FormModalComponent,
  ],
  template: `
    <app-form-modal
      [dialog]="dialog"
      [title]="'agreements.signTitle' | t"
      [okText]="'agreements.signOk' | t"
      (submitted)="sign()"
    >
      <div data-testid="sign-dialog">
        <p class="hint">{{ 'agreements.signHint' | t }}</p>
        <div class="field">
          <label for="sign-signatory">{{ 'agreements.signatory' | t }}</label>
          <input
            nz-input
            id="sign-signatory"
            maxlength="64"
            [ngModel]="signatory()"
            (ngModelChange)="signatory.set($event)"
            data-testid="sign-signatory"
          />
        </div>
        <div class="field">
          <div class="label">{{ 'agreements.scan' | t }} *</div>
          <nz-upload
            [nzAccept]="acceptScans"
            [nzShowUploadList]="false"
            [nzBeforeUpload]="pickScan"
          >
            <button nz-button type="button" data-testid="sign-scan">
              <nz-icon nzType="upload" />{{ 'agreements.pickScan' | t }}
            </button>
          </nz-upload>
          @if (scan(); as f) {
            <div data-testid="sign-scan-name">{{ f.name }}</div>
          }
          <div class="hint">{{ 'agreements.scanHint' | t }}</div>
        </div>
      </div>
    </app-form-modal>
  `,
  styleUrl: './agreement-parts.css',
})
export class AgreementSignDialogComponent {
  private readonly api = inject(AgreementService);
  private readonly files = inject(AgreementFilesService);
  private readonly i18n = inject(I18nService);
  private readonly session = inject(SessionService);
  protected readonly acceptScans = ACCEPT_SCANS;

  readonly agreementId = input.required<string>();
  /** The agreement as signed. */
  readonly signed = output<AgreementDto>();
  /** A failed attempt (the scan may have been stored): the attachments are worth reloading. */
  readonly failed = output();

  readonly dialog = plainDialog();
  readonly signatory = signal('');
  readonly scan = signal<File | null>(null);

  /** Opens the dialog with the signed-in user as signatory and no scan. */
  show(): void {
    this.scan.set(null);
    const user = this.session.currentUser();
    this.signatory.set(user?.name || user?.userName || '');
    this.dialog.show();
  }

  readonly pickScan = (file: NzUploadFile): boolean => {
    this.scan.set(file as unknown as File);
    this.dialog.error.set(null);
    return false;
  };

  sign(): void {
    const id = this.agreementId();
    const scan = this.scan();
    if (!scan) {
      this.dialog.error.set(this.i18n.t('agreements.scanRequired'));
      return;
    }
    this.dialog.save(
      () =>
        this.files
          .uploadScan(id, scan)
          .pipe(
            concatMap(() =>
              this.api.agreementSign({ id, body: { signatory: this.signatory().trim() || null } }),
            ),
          ),
      (agreement) => this.signed.emit(agreement),
      () => this.failed.emit(),
    );
  }
}
