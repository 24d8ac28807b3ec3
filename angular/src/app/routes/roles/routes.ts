import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Roles and their permissions. */
export const ROLE_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Roles.Default },
    loadComponent: () => import('./role-list.component').then((m) => m.RoleListComponent),
  },
];
