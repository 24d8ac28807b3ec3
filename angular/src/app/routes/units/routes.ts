import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** A city's organisation units. */
export const UNIT_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.OrganizationUnits.Default },
    loadComponent: () => import('./unit-tree.component').then((m) => m.UnitTreeComponent),
  },
];
