import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Users. */
export const USER_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Users.Default },
    loadComponent: () => import('./user-list.component').then((m) => m.UserListComponent),
  },
];
