import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { ApiConfiguration } from '@api/api-configuration';
import { schemeExportExcel } from '@api/fn/scheme/scheme-export-excel';
import { schemeExportJson } from '@api/fn/scheme/scheme-export-json';
import { SchemesSchemeDto as SchemeDto } from '@api/models';
import { fileNameOf, saveBlob } from '@shared/entry-files.service';

export type SchemeFileFormat = 'json' | 'excel';

/** A scheme's export files: the JSON definition or the xlsx workbook, the same files the imports take. */
@Injectable({ providedIn: 'root' })
export class SchemeFilesService {
  private readonly http = inject(HttpClient);
  private readonly apiConfig = inject(ApiConfiguration);

  /** Fetches the file and saves it under the host's name for it (or name-year-version). */
  download(scheme: SchemeDto, format: SchemeFileFormat): Observable<void> {
    const path = format === 'excel' ? schemeExportExcel.PATH : schemeExportJson.PATH;
    const extension = format === 'excel' ? 'xlsx' : 'json';
    const url = this.apiConfig.rootUrl + path.replace('{id}', encodeURIComponent(scheme.id ?? ''));
    return this.http.get(url, { responseType: 'blob', observe: 'response' }).pipe(
      map((response) => {
        const fallback = `${scheme.name}-${scheme.year}-v${scheme.version}.${extension}`;
        saveBlob(response.body ?? new Blob([]), fileNameOf(response, fallback));
      }),
    );
  }
}
