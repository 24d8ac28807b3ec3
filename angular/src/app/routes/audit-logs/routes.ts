import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** The audit log. */
export const AUDIT_LOG_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.AuditLogs.Default },
    loadComponent: () => import('./audit-log-list.component').then((m) => m.AuditLogListComponent),
  },
];
