import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Assessment schemes: the list and one scheme. */
export const SCHEME_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Schemes.Default },
    loadComponent: () => import('./scheme-list.component').then((m) => m.SchemeListComponent),
  },
  {
    path: ':id',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Schemes.Default, breadcrumb: 'menu.schemes' },
    loadComponent: () => import('./scheme-detail.component').then((m) => m.SchemeDetailComponent),
  },
];
