import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Supervision: the province's rounds, the problem register (matrix, city and unit lists) and one problem. */
export const SUPERVISION_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Supervision.Default },
    loadComponent: () => import('./problem-list.component').then((m) => m.ProblemListComponent),
  },
  {
    path: 'rounds',
    canActivate: [permissionGuard],
    data: {
      permission: Permissions.Supervision.Manage,
      breadcrumb: 'supervision.menu',
      breadcrumbName: 'supervision.rounds',
    },
    loadComponent: () => import('./round-list.component').then((m) => m.RoundListComponent),
  },
  {
    path: 'new',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Supervision.Manage },
    loadComponent: () => import('./problem-create.component').then((m) => m.ProblemCreateComponent),
  },
  {
    path: ':id',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Supervision.Default, breadcrumb: 'supervision.menu' },
    loadComponent: () => import('./problem-detail.component').then((m) => m.ProblemDetailComponent),
  },
];
