import { HttpClient, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { ApiConfiguration } from '@api/api-configuration';
import { SupervisionProblemEvidenceDto as ProblemEvidenceDto } from '@api/models';
import { fileNameOf, saveBlob } from '@shared/entry-files.service';

/** The states of a problem in the order of its life cycle (交办 → 整改中 → 已整改待核验 → 已销号). */
export const PROBLEM_STATUSES = [
  'Assigned',
  'Rectifying',
  'AwaitingVerification',
  'Closed',
] as const;

/** The API's numbers of the states, for filters. */
export const PROBLEM_STATUS_VALUES: Record<string, number> = {
  Assigned: 0,
  Rectifying: 1,
  AwaitingVerification: 2,
  Closed: 3,
};

export const PROBLEM_SEVERITIES = ['Normal', 'Major', 'Severe'] as const;

export function problemStatusColour(status: string | null | undefined): string {
  switch (status) {
    case 'Assigned':
      return 'orange';
    case 'Rectifying':
      return 'blue';
    case 'AwaitingVerification':
      return 'purple';
    case 'Closed':
      return 'green';
    default:
      return 'default';
  }
}

/** Today's date in Beijing plus some days, as "yyyy-MM-dd". */
export function beijingDay(addDays = 0, now = new Date()): string {
  const shifted = new Date(now.getTime() + 8 * 3600 * 1000 + addDays * 86400 * 1000);
  return shifted.toISOString().slice(0, 10);
}

/** File traffic of problems (evidence uploads, downloads, the xlsx export) through the app's interceptor. */
@Injectable({ providedIn: 'root' })
export class ProblemFilesService {
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  private url(rest: string): string {
    return `${this.config.rootUrl}/api/app/supervision/problems${rest}`;
  }

  uploadEvidence(id: string, file: File): Observable<ProblemEvidenceDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ProblemEvidenceDto>(
      this.url(`/${encodeURIComponent(id)}/evidence`),
      form,
    );
  }

  downloadEvidence(id: string, evidenceId: string, fallbackName: string): Observable<void> {
    return this.download(
      this.url(`/${encodeURIComponent(id)}/evidence/${encodeURIComponent(evidenceId)}`),
      fallbackName,
    );
  }

  exportXlsx(query: Record<string, string | number | boolean>): Observable<void> {
    const search = new URLSearchParams(
      Object.entries(query).map(([k, v]) => [k, String(v)]),
    ).toString();
    return this.download(this.url(`/xlsx${search ? '?' + search : ''}`), 'problems.xlsx');
  }

  private download(url: string, fallbackName: string): Observable<void> {
    return this.http.get(url, { observe: 'response', responseType: 'blob' }).pipe(
      map((response: HttpResponse<Blob>) => {
        saveBlob(response.body ?? new Blob(), fileNameOf(response, fallbackName));
      }),
    );
  }
}
