import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Assessment periods. */
export const PERIOD_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Periods.Default },
    loadComponent: () => import('./period-list.component').then((m) => m.PeriodListComponent),
  },
];
