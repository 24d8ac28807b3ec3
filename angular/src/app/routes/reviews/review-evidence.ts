import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { signal } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';

import { DataEntryEvidenceDto as EvidenceDto } from '@api/models';
import { I18nService } from '@core/i18n/i18n.service';
import { EntryFilesService, saveBlob } from '@shared/entry-files.service';
import { errorText } from '@shared/error-text';
import { isPreviewable } from '@shared/entry-value';

/** An evidence file shown in the page through a blob URL. */
export interface EvidencePreview {
  name: string;
  url: string;
  safe: SafeResourceUrl;
  image: boolean;
}

/** The evidence of a submitted sheet as the auditor opens it: images and PDFs in the page, other files downloaded. */
export class EvidenceViewer {
  readonly preview = signal<EvidencePreview | null>(null);

  constructor(
    private readonly files: EntryFilesService,
    private readonly sanitizer: DomSanitizer,
    private readonly message: NzMessageService,
    private readonly i18n: I18nService,
  ) {}

  canPreview(file: EvidenceDto): boolean {
    return isPreviewable(file.contentType);
  }

  /** Images and PDFs open in a modal through a blob URL; other files download. */
  open(file: EvidenceDto): void {
    this.fetch(file, (blob, fileName) => {
      if (!this.canPreview(file)) {
        saveBlob(blob, fileName);
        return;
      }
      this.close();
      const typed = blob.type ? blob : new Blob([blob], { type: file.contentType ?? '' });
      const url = URL.createObjectURL(typed);
      this.preview.set({
        name: file.fileName ?? '',
        url,
        safe: this.sanitizer.bypassSecurityTrustResourceUrl(url),
        image: (file.contentType ?? '').startsWith('image/'),
      });
    });
  }

  download(file: EvidenceDto): void {
    this.fetch(file, saveBlob);
  }

  /** Closes the preview and frees its blob URL. */
  close(): void {
    const current = this.preview();
    if (current) {
      URL.revokeObjectURL(current.url);
    }
    this.preview.set(null);
  }

  private fetch(file: EvidenceDto, done: (blob: Blob, fileName: string) => void): void {
    this.files
      .download(`/api/app/reviews/evidence/${file.id}`, file.fileName ?? 'evidence')
      .subscribe({
        next: (f) => done(f.blob, f.fileName),
        error: (e: unknown) => this.message.error(errorText(this.i18n, e)),
      });
  }
}
