import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { ApiConfiguration } from '../../api/api-configuration';
import { MonitoringRow, TrendPoint } from './monitoring';

/** Monitoring (category scores and early warnings) and trends of the results API. */
@Injectable({ providedIn: 'root' })
export class DashboardDataService {
  private readonly http = inject(HttpClient);
  private readonly config = inject(ApiConfiguration);

  monitoring(periodId: string): Observable<MonitoringRow[]> {
    return this.http.get<MonitoringRow[]>(
      `${this.config.rootUrl}/api/app/results/periods/${encodeURIComponent(periodId)}/monitoring`,
    );
  }

  trends(schemeId: string): Observable<TrendPoint[]> {
    return this.http.get<TrendPoint[]>(`${this.config.rootUrl}/api/app/results/trends`, {
      params: { schemeId },
    });
  }
}
