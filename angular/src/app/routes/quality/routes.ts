import { inject } from '@angular/core';
import { Router, Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { map } from 'rxjs';

import { Permissions } from '@core/permissions';
import { SessionService } from '@core/session/session.service';

/** The province's dashboard, or a city's own monitoring: either one opens the data-quality page. */
const monitoringGuard = () => {
  const session = inject(SessionService);
  const router = inject(Router);
  return session
    .ensureLoaded()
    .pipe(
      map(() =>
        session.isGranted(Permissions.Dashboard.Default) ||
        session.isGranted(Permissions.Results.Monitoring)
          ? true
          : router.parseUrl('/exception/403'),
      ),
    );
};

/** Data quality (/quality): completeness and timeliness per city and unit, with the trend. */
export const QUALITY_ROUTES: Routes = [
  {
    path: '',
    canActivate: [monitoringGuard],
    providers: [
      provideEchartsCore({
        echarts: () => import('../results/echarts-setup').then((m) => m.echarts),
      }),
    ],
    loadComponent: () => import('./quality.component').then((m) => m.QualityComponent),
  },
];
