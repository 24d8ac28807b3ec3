import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Target-responsibility agreements: the list and one agreement. */
export const AGREEMENT_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Agreements.Default },
    loadComponent: () => import('./agreement-list.component').then((m) => m.AgreementListComponent),
  },
  {
    path: ':id',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Agreements.Default },
    loadComponent: () =>
      import('./agreement-detail.component').then((m) => m.AgreementDetailComponent),
  },
];
