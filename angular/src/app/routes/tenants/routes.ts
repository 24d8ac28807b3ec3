import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Pilot cities (province). */
export const TENANT_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Tenants.Default },
    loadComponent: () => import('./tenant-list.component').then((m) => m.TenantListComponent),
  },
];
