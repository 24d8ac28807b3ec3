import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Appeals (申诉): the auditor's queue of the appeals filed during the public notice. */
export const APPEAL_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Appeals.Decide },
    loadComponent: () => import('./appeal-queue.component').then((m) => m.AppealQueueComponent),
  },
];
