import { DecimalPipe } from '@angular/common';
import { Component, OnInit, inject, signal } from '@angular/core';
import { FormBuilder, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { AppealsAppealDto as AppealDto, AppealsAppealStatus as AppealStatus } from '@api/models';
import { AppealService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { errorText } from '@shared/error-text';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { FieldErrorPipe } from '@shared/field-error.pipe';
import { formDialog } from '@shared/form-modal/form-dialog';
import { FormModalComponent } from '@shared/form-modal/form-modal.component';
import { ReasonFieldComponent } from '@shared/reason-field.component';
import { RowPagesDirective } from '@shared/row-pages.directive';

export type Decision = 'uphold' | 'reject';

/**
 * 申诉处理: the auditor's queue of appeals (open first), each with the city's reason and evidence; upholding gives the
 * line its new score (a new sheet version and a re-ranking), rejecting keeps it. Both need a reason.
 */
@Component({
  selector: 'app-appeal-queue',
  imports: [
    DecimalPipe,
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    RowPagesDirective,
    NzTagModule,
    TranslatePipe,
    FieldErrorPipe,
    ReasonFieldComponent,
    FormModalComponent,
  ],
  templateUrl: './appeal-queue.component.html',
  styles: `
    .action-gap {
      margin-left: 12px;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class AppealQueueComponent implements OnInit {
  private readonly api = inject(AppealService);
  private readonly files = inject(EntryFilesService);
  private readonly message = inject(NzMessageService);
  private readonly fb = inject(FormBuilder);
  protected readonly i18n = inject(I18nService);

  readonly appeals = signal<AppealDto[]>([]);
  /** 0 = open, null = all. */
  readonly status = signal<AppealStatus | null>(0);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  readonly deciding = signal<{ appeal: AppealDto; decision: Decision } | null>(null);
  protected readonly decisionDialog = formDialog(
    this.fb.group({
      indicatorCode: this.fb.control<string>(''),
      score: this.fb.control<number | null>(null),
      reason: this.fb.control<string>('', [Validators.required, Validators.maxLength(1000)]),
    }),
  );
  readonly decisionForm = this.decisionDialog.form;

  ngOnInit(): void {
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.appealGetList({ Status: this.status() ?? undefined }).subscribe({
      next: (list) => {
        this.loading.set(false);
        this.appeals.set(list ?? []);
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(errorText(this.i18n, e));
      },
    });
  }

  pickStatus(status: AppealStatus | null): void {
    this.status.set(status);
    this.load();
  }

  open(appeal: AppealDto, decision: Decision): void {
    this.decisionForm.reset({
      indicatorCode: appeal.indicatorCode ?? '',
      score: decision === 'uphold' ? (appeal.requestedScore ?? null) : null,
      reason: '',
    });
    const score = this.decisionForm.controls.score;
    score.setValidators(decision === 'uphold' ? [Validators.required] : []);
    score.updateValueAndValidity();
    const code = this.decisionForm.controls.indicatorCode;
    code.setValidators(decision === 'uphold' && !appeal.indicatorCode ? [Validators.required] : []);
    code.updateValueAndValidity();
    this.deciding.set({ appeal, decision });
    this.decisionDialog.show();
  }

  decide(): void {
    const current = this.deciding();
    if (!current?.appeal.id) {
      return;
    }
    const id = current.appeal.id;
    this.decisionDialog.save(
      (value) => {
        const reason = (value.reason ?? '').trim();
        return current.decision === 'uphold'
          ? this.api.appealUphold({
              id,
              body: {
                indicatorCode: (value.indicatorCode ?? '').trim() || null,
                score: Number(value.score),
                reason,
              },
            })
          : this.api.appealReject({ id, body: { reason } });
      },
      (appeal) => {
        this.message.success(
          this.i18n.t(
            current.decision === 'uphold' ? 'appeals.upheldDone' : 'appeals.rejectedDone',
            { city: appeal.cityName ?? '', version: appeal.resultVersion ?? '' },
          ),
        );
        this.load();
      },
    );
  }

  download(evidenceId: string, fileName: string): void {
    this.files.download(`/api/app/appeals/evidence/${evidenceId}`, fileName).subscribe({
      next: (f) => saveBlob(f.blob, f.fileName),
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
  }

  statusColour(status: string | null | undefined): string {
    return status === 'Upheld' ? 'green' : status === 'Rejected' ? 'red' : 'blue';
  }
}
