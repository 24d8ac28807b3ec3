import { HttpClient, HttpEvent, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  DataEntryEntrySheetDto as EntrySheetDto,
  DataEntryEvidenceDto as EvidenceDto,
} from '@api/models';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first). */
export function fileNameOf(response: HttpResponse<unknown>, fallback: string): string {
  const header = response.headers.get('Content-Disposition') ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Saves a blob through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * File transfers of the assessment workflow that the generated client cannot do: uploads with progress
 * events and downloads as blobs with the server's file name. Goes through the app's interceptor.
 */
@Injectable({ providedIn: 'root' })
export class EntryFilesService {
  private readonly http = inject(HttpClient);

  /** Uploads one evidence file of a line; emits the upload progress events and the response. */
  uploadEvidence(lineId: string, file: File): Observable<HttpEvent<EvidenceDto>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EvidenceDto>(`/api/app/data-entry/lines/${lineId}/evidence`, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  /** Saves every row of the workbook, or nothing (errors keyed by cell in the 400 body). */
  uploadXlsx(periodId: string, file: File): Observable<EntrySheetDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<EntrySheetDto>(`/api/app/data-entry/periods/${periodId}/xlsx`, body);
  }

  /** A file from the host as a blob, with its name. */
  download(url: string, fallbackName: string): Observable<DownloadedFile> {
    return this.http
      .get(url, { responseType: 'blob', observe: 'response' })
      .pipe(
        map((response) => ({ blob: response.body!, fileName: fileNameOf(response, fallbackName) })),
      );
  }

  evidenceUrl(evidenceId: string): string {
    return `/api/app/data-entry/evidence/${evidenceId}`;
  }

  templateUrl(periodId: string): string {
    return `/api/app/data-entry/periods/${periodId}/xlsx`;
  }
}
