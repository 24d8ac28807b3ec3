import { Component, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';

import { AgreementsAgreementKeyTaskDto as KeyTaskDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { plainDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { ACCEPT_SCANS } from '../agreement-body';
import { AgreementFilesService } from '../agreement-files.service';

/** The city reports a key task's progress: percent, milestone reached, note and evidence. */
@Component({
  selector: 'app-agreement-report-dialog',
  imports: [
    FormsModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    NzUploadModule,
    TranslatePipe,
    FormModalComponent,
  ],
  template: `
    <app-form-modal
      [dialog]="dialog"
      [title]="'agreements.reportTitle' | t: { code: task()?.code }"
      (submitted)="submit()"
    >
      <p>{{ task()?.task }}</p>
      <div class="field">
        <label for="report-percent">{{ 'agreements.progress' | t }} (%)</label>
        <nz-input-number
          nzId="report-percent"
          [nzMin]="0"
          [nzMax]="100"
          [ngModel]="percent()"
          (ngModelChange)="percent.set($event)"
          data-testid="report-percent"
        />
      </div>
      @if (task()?.milestones?.length) {
        <div class="field">
          <label for="report-milestone">{{ 'agreements.milestone' | t }}</label>
          <nz-select
            nzId="report-milestone"
            nzAllowClear
            style="width: 100%"
            [ngModel]="milestone()"
            (ngModelChange)="milestone.set($event ?? null)"
          >
            @for (m of task()?.milestones; track m.title) {
              <nz-option [nzValue]="m.title" [nzLabel]="m.title ?? ''" />
            }
          </nz-select>
        </div>
      }
      <div class="field">
        <label for="report-note">{{ 'agreements.note' | t }}</label>
        <textarea
          nz-input
          id="report-note"
          rows="3"
          maxlength="1000"
          [ngModel]="note()"
          (ngModelChange)="note.set($event)"
        ></textarea>
      </div>
      <div class="field">
        <nz-upload
          [nzAccept]="acceptScans"
          [nzShowUploadList]="false"
          [nzBeforeUpload]="pickEvidence"
        >
          <button nz-button type="button">
            <nz-icon nzType="upload" />{{ 'agreements.pickEvidence' | t }}
          </button>
        </nz-upload>
        @if (file(); as f) {
          <div>{{ f.name }}</div>
        }
      </div>
    </app-form-modal>
  `,
  styleUrl: './agreement-parts.css',
})
export class AgreementReportDialogComponent {
  private readonly files = inject(AgreementFilesService);
  private readonly i18n = inject(I18nService);
  protected readonly acceptScans = ACCEPT_SCANS;

  readonly agreementId = input.required<string>();
  readonly reported = output();

  readonly dialog = plainDialog();
  readonly task = signal<KeyTaskDto | null>(null);
  readonly percent = signal<number | null>(0);
  readonly milestone = signal<string | null>(null);
  readonly note = signal('');
  readonly file = signal<File | null>(null);

  /** Opens the dialog for `task`, starting from its last reported percent. */
  show(task: KeyTaskDto): void {
    this.task.set(task);
    this.percent.set(task.percent ?? 0);
    this.milestone.set(null);
    this.note.set('');
    this.file.set(null);
    this.dialog.show();
  }

  readonly pickEvidence = (file: NzUploadFile): boolean => {
    this.file.set(file as unknown as File);
    return false;
  };

  submit(): void {
    const code = this.task()?.code;
    const percent = this.percent();
    if (!code) {
      return;
    }
    if (percent === null || percent < 0 || percent > 100) {
      this.dialog.error.set(this.i18n.t('agreements.percentRange'));
      return;
    }
    this.dialog.save(
      () =>
        this.files.reportProgress(this.agreementId(), code, {
          percent,
          milestone: this.milestone(),
          note: this.note().trim() || null,
          file: this.file(),
        }),
      () => this.reported.emit(),
    );
  }
}
