import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Honours across years: the province's rules per scheme series and the awards they made. */
export const HONOUR_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Honours.Manage },
    loadComponent: () => import('./honour-list.component').then((m) => m.HonourListComponent),
  },
];
