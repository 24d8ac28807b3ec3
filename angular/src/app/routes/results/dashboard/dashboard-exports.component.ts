import { Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';

import { I18nService } from '@core/i18n/i18n.service';
import { TranslatePipe } from '@core/i18n/translate.pipe';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { errorText } from '@shared/error-text';

/** The files of a period the province takes away: ranking, warnings, completeness (xlsx) and the 通报 (docx). */
export type DashboardExport = 'ranking' | 'warnings' | 'completeness' | 'briefing';

/** The host URL of one export of the period; the 通报 carries its 发文字号 and title. */
export function exportUrl(
  kind: DashboardExport,
  periodId: string,
  briefing: { documentNumber?: string; title?: string } = {},
): string {
  const base = `/api/app/results/periods/${periodId}`;
  if (kind !== 'briefing') {
    return `${base}/${kind}/export/xlsx`;
  }
  const query = new URLSearchParams();
  if (briefing.documentNumber?.trim()) {
    query.set('documentNumber', briefing.documentNumber.trim());
  }
  if (briefing.title?.trim()) {
    query.set('title', briefing.title.trim());
  }
  const text = query.toString();
  return `${base}/briefing/export/docx${text ? '?' + text : ''}`;
}

@Component({
  selector: 'app-dashboard-exports',
  imports: [
    FormsModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzModalModule,
    TranslatePipe,
  ],
  template: `
    @for (sheet of sheets; track sheet.kind) {
      <button
        nz-button
        (click)="download(sheet.kind)"
        [attr.data-testid]="'export-' + sheet.kind"
        [nzLoading]="busy() === sheet.kind"
      >
        <nz-icon nzType="file-excel" />{{ sheet.label | t }}
      </button>
    }
    <button nz-button (click)="briefingOpen.set(true)" data-testid="export-briefing">
      <nz-icon nzType="file-word" />{{ 'dashboard.exportBriefing' | t }}
    </button>

    <nz-modal
      [nzVisible]="briefingOpen()"
      [nzTitle]="'dashboard.briefingTitle' | t"
      (nzOnCancel)="briefingOpen.set(false)"
      (nzOnOk)="download('briefing')"
      [nzOkLoading]="busy() === 'briefing'"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical">
          <nz-form-item>
            <nz-form-label>{{ 'dashboard.documentNumber' | t }}</nz-form-label>
            <input
              nz-input
              name="documentNumber"
              maxlength="64"
              [placeholder]="'dashboard.documentNumberHint' | t"
              [(ngModel)]="briefing.documentNumber"
              data-testid="briefing-number"
            />
          </nz-form-item>
          <nz-form-item>
            <nz-form-label>{{ 'dashboard.briefingName' | t }}</nz-form-label>
            <input
              nz-input
              name="title"
              maxlength="200"
              [placeholder]="'dashboard.briefingNameHint' | t"
              [(ngModel)]="briefing.title"
            />
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class DashboardExportsComponent {
  private readonly files = inject(EntryFilesService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);

  readonly periodId = input.required<string>();
  protected readonly busy = signal<DashboardExport | null>(null);
  protected readonly briefingOpen = signal(false);
  /** The xlsx exports, one button each; the 通报 has its own dialog. */
  protected readonly sheets: { kind: DashboardExport; label: string }[] = [
    { kind: 'ranking', label: 'dashboard.exportRanking' },
    { kind: 'warnings', label: 'dashboard.exportWarnings' },
    { kind: 'completeness', label: 'dashboard.exportCompleteness' },
  ];
  protected readonly briefing = { documentNumber: '', title: '' };

  download(kind: DashboardExport): void {
    this.busy.set(kind);
    const name = kind === 'briefing' ? 'briefing.docx' : `${kind}.xlsx`;
    this.files.download(exportUrl(kind, this.periodId(), this.briefing), name).subscribe({
      next: (file) => {
        this.busy.set(null);
        this.briefingOpen.set(false);
        saveBlob(file.blob, file.fileName);
      },
      error: (e: unknown) => {
        this.busy.set(null);
        this.message.error(
          this.i18n.t('dashboard.exportFailed', { text: errorText(this.i18n, e) }),
        );
      },
    });
  }
}
