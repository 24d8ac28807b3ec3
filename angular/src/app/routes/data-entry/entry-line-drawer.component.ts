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
    NzTabsModule,
    NzUploadModule,
    TranslatePipe,
  ],
  template: `
    <nz-drawer
      [nzVisible]="!!line()"
      [nzWidth]="560"
      [nzTitle]="line() ? line()!.indicatorCode + ' ' + line()!.indicatorName : ''"
      (nzOnClose)="closed.emit()"
    >
      <ng-container *nzDrawerContent>
        @if (line(); as l) {
          <nz-tabs [(nzSelectedIndex)]="tab">
            <nz-tab [nzTitle]="'dataEntry.evidence' | t">
              @if (l.evidenceRequired) {
                <nz-alert
                  class="form-alert"
                  nzType="info"
                  nzShowIcon
                  [nzMessage]="'dataEntry.evidenceRequired' | t"
                />
              }
              @if (writable()) {
                <nz-upload
                  nzAccept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                  [nzShowUploadList]="false"
                  [nzBeforeUpload]="beforeUpload"
                  [nzDisabled]="uploading()"
                  data-testid="evidence-upload"
                >
                  <button nz-button [nzLoading]="uploading()">
                    <nz-icon nzType="upload" /> {{ 'dataEntry.uploadEvidence' | t }}
                  </button>
                </nz-upload>
                <div class="hint">{{ 'dataEntry.evidenceHint' | t }}</div>
              }
              @if (progress() !== null) {
                <nz-progress
                  [nzPercent]="progress()!"
                  [nzStatus]="uploading() ? 'active' : 'success'"
                  data-testid="evidence-progress"
                  [attr.data-done]="!uploading()"
                />
              }
              @if (uploadError()) {
                <nz-alert
                  class="form-alert"
                  nzType="error"
                  nzShowIcon
                  [nzMessage]="uploadError()!"
                  data-testid="evidence-error"
                />
              }
              <nz-table
                #files
                [nzData]="l.evidence ?? []"
                [nzShowPagination]="false"
                nzSize="small"
                data-testid="evidence-table"
              >
                <thead>
                  <tr>
                    <th>{{ 'dataEntry.fileName' | t }}</th>
                    <th nzWidth="80px">{{ 'dataEntry.fileSize' | t }}</th>
                    <th nzWidth="120px">{{ 'common.actions' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (file of files.data; track file.id) {
                    <tr>
                      <td>{{ file.fileName }}</td>
                      <td>{{ size(file.size) }}</td>
                      <td class="actions">
                        <a (click)="download(file)" role="button" tabindex="0">{{
                          'dataEntry.download' | t
                        }}</a>
                        @if (writable()) {
                          <a
                            nz-popconfirm
                            [nzPopconfirmTitle]="'dataEntry.confirmDeleteEvidence' | t"
                            [nzOkText]="'common.ok' | t"
                            [nzCancelText]="'common.cancel' | t"
                            nzOkDanger
                            (nzOnConfirm)="remove(file)"
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
            </nz-tab>
            <nz-tab [nzTitle]="'dataEntry.history' | t" (nzClick)="loadHistory()">
              @if (historyError()) {
                <nz-alert
                  class="form-alert"
                  nzType="error"
                  nzShowIcon
                  [nzMessage]="historyError()!"
                />
              }
              <nz-table
                #hist
                [nzData]="history()"
                [nzLoading]="historyLoading()"
                [nzShowPagination]="false"
                nzSize="small"
                data-testid="history-table"
              >
                <thead>
                  <tr>
                    <th nzWidth="140px">{{ 'dataEntry.time' | t }}</th>
                    <th nzWidth="90px">{{ 'dataEntry.user' | t }}</th>
                    <th>{{ 'dataEntry.oldValue' | t }}</th>
                    <th>{{ 'dataEntry.newValue' | t }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (h of hist.data; track h.id) {
                    <tr>
                      <td>{{ h.time | date: 'yyyy-MM-dd HH:mm' }}</td>
                      <td>{{ h.userName }}</td>
                      <td>
                        {{ text(h.oldValue) }}
                        @if (h.oldNote) {
                          <div class="hint">{{ h.oldNote }}</div>
                        }
                      </td>
                      <td>
                        {{ text(h.newValue) }}
                        @if (h.newNote) {
                          <div class="hint">{{ h.newNote }}</div>
                        }
                        @if (h.adjustClearReason) {
                          <div class="hint" data-testid="history-cleared">
                            {{ 'dataEntry.historyCleared' | t: { reason: h.adjustClearReason } }}
                          </div>
                        } @else if (h.adjustReason) {
                          <div class="hint" data-testid="history-adjusted">
                            {{
                              'dataEntry.historyAdjusted'
                                | t: { score: h.auditorScore ?? '', reason: h.adjustReason }
                            }}
                          </div>
                        }
                      </td>
                    </tr>
                  }
                </tbody>
              </nz-table>
            </nz-tab>
          </nz-tabs>
        }
      </ng-container>
    </nz-drawer>
  `,
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
