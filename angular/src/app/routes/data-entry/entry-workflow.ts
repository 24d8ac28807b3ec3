import { Signal, inject, signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntrySheetDto as EntrySheetDto,
  PeriodsPeriodDto as PeriodDto,
} from '@api/models';
import { DataEntryService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { toProblemDetails } from '@core/net/problem-details';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { errorText } from '@shared/error-text';
import { withCode } from '@shared/code-set';
import { messagesByField } from './entry-field-errors';

/** One cell error of an xlsx upload ("E5": message). */
export interface CellError {
  cell: string;
  message: string;
}

/** What the workflow needs of the sheet it moves on. */
export interface WorkflowHost {
  readonly periodId: Signal<string | null>;
  readonly selected: Signal<PeriodDto | null>;
  /** Lines a clerk may report: entered, not reported yet. */
  readonly reportable: Signal<EntryLineDto[]>;
  showSheet(sheet: EntrySheetDto): void;
  reload(): void;
  /** Field messages of a refused request, beside their lines ("lines.F01.evidence"). */
  applyLineErrors(e: unknown): void;
}

/**
 * The reporting workflow of a sheet: the selection of lines, 报送 by a clerk, 退回 with a comment and
 * 提交全市自评 by the city administrator, and the xlsx template and upload.
 */
export class EntryWorkflow {
  private readonly api = inject(DataEntryService);
  private readonly files = inject(EntryFilesService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  private readonly _selectedCodes = signal<Set<string>>(new Set());
  private readonly _submitting = signal(false);
  private readonly _submitError = signal<string | null>(null);
  private readonly _xlsxErrors = signal<CellError[] | null>(null);
  private readonly _xlsxBusy = signal(false);
  private readonly _returnOpen = signal(false);
  private readonly _returnCommentError = signal<string | null>(null);

  readonly selectedCodes = this._selectedCodes.asReadonly();
  readonly submitting = this._submitting.asReadonly();
  readonly submitError = this._submitError.asReadonly();
  readonly xlsxErrors = this._xlsxErrors.asReadonly();
  readonly xlsxBusy = this._xlsxBusy.asReadonly();
  readonly returnOpen = this._returnOpen.asReadonly();
  /** The comment typed in the return dialog. */
  readonly returnComment = signal('');
  readonly returnCommentError = this._returnCommentError.asReadonly();

  constructor(private readonly host: WorkflowHost) {}

  selectedList(): string {
    return [...this._selectedCodes()].join('、');
  }

  isSelected(line: EntryLineDto): boolean {
    return this._selectedCodes().has(line.indicatorCode ?? '');
  }

  setSelected(line: EntryLineDto, on: boolean): void {
    this._selectedCodes.update((set) => withCode(set, line.indicatorCode, on));
  }

  /** Another sheet is shown: nothing selected. */
  clearSelection(): void {
    this._selectedCodes.set(new Set());
  }

  /** Another period is picked: no message of the last one stays. */
  clearMessages(): void {
    this._submitError.set(null);
    this._xlsxErrors.set(null);
  }

  /** 报送: the clerk reports lines to the city administrator (all entered ones when none is selected). */
  submitLines(all: boolean): void {
    const periodId = this.host.periodId();
    const codes = all
      ? this.host.reportable().map((l) => l.indicatorCode ?? '')
      : [...this._selectedCodes()];
    if (!periodId || this._submitting()) {
      return;
    }
    if (!codes.length) {
      this.message.warning(this.i18n.t('dataEntry.nothingSelected'));
      return;
    }
    this._submitting.set(true);
    this._submitError.set(null);
    this.api.dataEntrySubmitLines({ periodId, body: { indicatorCodes: codes } }).subscribe({
      next: (sheet) => {
        this._submitting.set(false);
        this.message.success(this.i18n.t('dataEntry.linesSubmitted', { count: codes.length }));
        this.host.showSheet(sheet);
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  openReturnLines(): void {
    if (!this._selectedCodes().size) {
      this.message.warning(this.i18n.t('dataEntry.nothingSelected'));
      return;
    }
    this.returnComment.set('');
    this._returnCommentError.set(null);
    this._returnOpen.set(true);
  }

  closeReturnLines(): void {
    this._returnOpen.set(false);
  }

  /** 退回: the city administrator sends reported lines back to the clerk with a comment. */
  returnLines(): void {
    const periodId = this.host.periodId();
    const comment = this.returnComment().trim();
    if (!periodId) {
      return;
    }
    if (!comment) {
      this._returnCommentError.set(this.i18n.t('dataEntry.returnCommentRequired'));
      return;
    }
    const codes = [...this._selectedCodes()];
    this._submitting.set(true);
    this._returnCommentError.set(null);
    this.api
      .dataEntryReturnLines({ periodId, body: { indicatorCodes: codes, comment } })
      .subscribe({
        next: (sheet) => {
          this._submitting.set(false);
          this._returnOpen.set(false);
          this.message.success(this.i18n.t('dataEntry.linesReturned', { count: codes.length }));
          this.host.showSheet(sheet);
        },
        error: (e: unknown) => {
          this._submitting.set(false);
          const commentErrors = toProblemDetails(e)?.errors?.['comment'];
          this._returnCommentError.set(
            commentErrors?.length ? commentErrors.join(' ') : errorText(this.i18n, e),
          );
          this.host.applyLineErrors(e);
        },
      });
  }

  /** 提交全市自评: the city's whole self-assessment goes to the province. */
  submitCity(): void {
    const periodId = this.host.periodId();
    if (!periodId || this._submitting()) {
      return;
    }
    this._submitting.set(true);
    this._submitError.set(null);
    this.api.dataEntrySubmit({ periodId }).subscribe({
      next: () => {
        this._submitting.set(false);
        this.message.success(this.i18n.t('dataEntry.citySubmitted'));
        this.host.reload();
      },
      error: (e: unknown) => this.failed(e),
    });
  }

  downloadTemplate(): void {
    const periodId = this.host.periodId();
    if (!periodId) {
      return;
    }
    this.files
      .download(
        this.files.templateUrl(periodId),
        `${this.host.selected()?.name ?? 'template'}.xlsx`,
      )
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }

  /** Saves every row of the workbook or nothing; the wrong cells are listed. */
  uploadXlsx(file: File): void {
    const periodId = this.host.periodId();
    if (!periodId) {
      return;
    }
    this._xlsxBusy.set(true);
    this._xlsxErrors.set(null);
    this.files.uploadXlsx(periodId, file).subscribe({
      next: (sheet) => {
        this._xlsxBusy.set(false);
        this.message.success(this.i18n.t('dataEntry.xlsxImported'));
        this.host.showSheet(sheet);
      },
      error: (e: unknown) => {
        this._xlsxBusy.set(false);
        const cells = Object.entries(messagesByField(e)).map(([cell, message]) => ({
          cell,
          message,
        }));
        this._xlsxErrors.set(
          cells.length ? cells : [{ cell: '', message: errorText(this.i18n, e) }],
        );
      },
    });
  }

  private failed(e: unknown): void {
    this._submitting.set(false);
    this._submitError.set(errorText(this.i18n, e));
    this.host.applyLineErrors(e);
  }
}
