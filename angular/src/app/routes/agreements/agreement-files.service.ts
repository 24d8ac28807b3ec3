import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { ApiConfiguration } from '@api/api-configuration';
import {
  AgreementsAgreementAttachmentDto as AttachmentDto,
  AgreementsKeyTaskProgressDto as KeyTaskProgressDto,
} from '@api/models';
import { fileNameOf, saveBlob } from '@shared/entry-files.service';

export interface ProgressReport {
  percent: number;
  milestone?: string | null;
  note?: string | null;
  file?: File | null;
}

/** File traffic of agreements (multipart uploads, blob downloads) through the app's interceptor. */
@Injectable({ providedIn: 'root' })
export class AgreementFilesService {
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  private url(id: string, rest = ''): string {
    return `${this.config.rootUrl}/api/app/agreements/${encodeURIComponent(id)}${rest}`;
  }

  /** Uploads a signed scan (PDF, PNG or JPEG). */
  uploadScan(id: string, file: File): Observable<AttachmentDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AttachmentDto>(this.url(id, '/attachments'), form);
  }

  /** Reports progress of a key task, with an optional evidence file. */
  reportProgress(id: string, code: string, report: ProgressReport): Observable<KeyTaskProgressDto> {
    const form = new FormData();
    form.append('Percent', String(report.percent));
    if (report.milestone) {
      form.append('Milestone', report.milestone);
    }
    if (report.note) {
      form.append('Note', report.note);
    }
    if (report.file) {
      form.append('file', report.file, report.file.name);
    }
    return this.http.post<KeyTaskProgressDto>(
      this.url(id, `/key-tasks/${encodeURIComponent(code)}/progress`),
      form,
    );
  }

  /** Downloads an attachment and hands it to the browser under its own name. */
  downloadAttachment(id: string, attachment: AttachmentDto): Observable<void> {
    return this.download(
      this.url(id, `/attachments/${encodeURIComponent(attachment.id ?? '')}`),
      attachment.fileName ?? 'attachment',
    );
  }

  /** The agreement as a Word document. */
  exportDocx(id: string, fallbackName: string): Observable<void> {
    return this.download(this.url(id, '/export/docx'), fallbackName);
  }

  private download(url: string, fallbackName: string): Observable<void> {
    return this.http.get(url, { responseType: 'blob', observe: 'response' }).pipe(
      map((response: HttpResponse<Blob>) => {
        saveBlob(response.body ?? new Blob([]), fileNameOf(response, fallbackName));
      }),
    );
  }
}
