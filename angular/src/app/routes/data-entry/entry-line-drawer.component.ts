import { DatePipe } from '@angular/common';
import { HttpEventType } from '@angular/common/http';
import { Component, effect, inject, input, output, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzUploadFile, NzUploadModule } from 'ng-zorro-antd/upload';

import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEvidenceDto as EvidenceDto,
  DataEntryValueHistoryDto as ValueHistoryDto,
} from '@api/models';
import { DataEntryService } from '@api/services';
import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { toProblemDetails } from '@core/net/problem-details';
import { errorText } from '@shared/error-text';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { EntryOptions, fileSizeText, valueText } from '@shared/entry-value';
import { RowPagesDirective } from '@shared/row-pages.directive';

/** Evidence files (upload with progress, download, delete) and the value history of one line. */
@Component({
  selector: 'app-entry-line-drawer',
  imports: [
    DatePipe,
    NzAlertModule,
    NzButtonModule,
    NzDrawerModule,
    NzIconModule,
    NzPopconfirmModule,
    NzProgressModule,
    NzTableModule,
    RowPagesDirective,
    NzTabsModule,
    NzUploadModule,
    TranslatePipe,
  ],
  templateUrl: './entry-line-drawer.component.html',
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.45);
      margin: 4px 0 8px;
    }
    .actions {
      display: flex;
      gap: 12px;
    }
  `,
})
export class EntryLineDrawerComponent {
  private readonly api = inject(DataEntryService);
  private readonly files = inject(EntryFilesService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly line = input<EntryLineDto | null>(null);
  readonly options = input<EntryOptions | null>(null);
  readonly writable = input(false);
  /** The line's evidence list changed (upload or delete). */
  readonly evidenceChanged = output<{ code: string; evidence: EvidenceDto[] }>();
  readonly closed = output<void>();

  protected tab = 0;
  /** Upload progress in percent; stays at 100 (success) after the last upload until the next one. */
  readonly progress = signal<number | null>(null);
  readonly uploading = signal(false);
  readonly uploadError = signal<string | null>(null);
  readonly history = signal<ValueHistoryDto[]>([]);
  protected readonly historyLoading = signal(false);
  protected readonly historyError = signal<string | null>(null);
  /** The line shown: its upload state and history are reset when another line is opened. */
  private shownId: string | null = null;

  constructor() {
    effect(() => {
      const id = this.line()?.id ?? null;
      if (id !== this.shownId) {
        this.shownId = id;
        this.history.set([]);
        this.uploadError.set(null);
        this.progress.set(null);
        this.tab = 0;
      }
    });
  }

  protected size = fileSizeText;

  text(value: ValueHistoryDto['newValue']): string {
    return valueText(value, this.options());
  }

  readonly beforeUpload = (file: NzUploadFile): boolean => {
    this.upload(file as unknown as File);
    return false;
  };

  upload(file: File): void {
    const line = this.line();
    if (!line?.id) {
      return;
    }
    const code = line.indicatorCode ?? '';
    this.uploadError.set(null);
    this.progress.set(0);
    this.uploading.set(true);
    this.files.uploadEvidence(line.id, file).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) {
          const total = event.total ?? file.size;
          this.progress.set(total ? Math.min(99, Math.round((event.loaded / total) * 100)) : 50);
        } else if (event.type === HttpEventType.Response && event.body) {
          this.uploading.set(false);
          this.progress.set(100);
          this.evidenceChanged.emit({
            code,
            evidence: [...(this.line()?.evidence ?? []), event.body],
          });
          this.message.success(this.i18n.t('dataEntry.uploaded', { name: event.body.fileName }));
        }
      },
      error: (e: unknown) => {
        this.uploading.set(false);
        this.progress.set(null);
        // type/size problems come keyed by "file"
        const problem = toProblemDetails(e);
        const fileErrors = problem?.errors?.['file'] ?? null;
        this.uploadError.set(fileErrors?.length ? fileErrors.join(' ') : errorText(this.i18n, e));
      },
    });
  }

  download(file: EvidenceDto): void {
    this.files
      .download(this.files.evidenceUrl(file.id ?? ''), file.fileName ?? 'evidence')
      .subscribe({
        next: (f) => saveBlob(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }

  remove(file: EvidenceDto): void {
    const code = this.line()?.indicatorCode ?? '';
    this.api.dataEntryDeleteEvidence({ id: file.id ?? '' }).subscribe({
      next: () =>
        this.evidenceChanged.emit({
          code,
          evidence: (this.line()?.evidence ?? []).filter((f) => f.id !== file.id),
        }),
      error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
    });
  }

  loadHistory(): void {
    const id = this.line()?.id;
    if (!id) {
      return;
    }
    this.historyLoading.set(true);
    this.historyError.set(null);
    this.api.dataEntryGetHistory({ lineId: id }).subscribe({
      next: (list) => {
        this.historyLoading.set(false);
        this.history.set([...(list ?? [])].reverse());
      },
      error: (e: unknown) => {
        this.historyLoading.set(false);
        this.historyError.set(errorText(this.i18n, e));
      },
    });
  }
}
