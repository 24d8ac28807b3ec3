import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';
import { unsavedChangesGuard } from '@shared/unsaved-changes';

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
    // Leaving a draft with a title or targets typed and not saved asks first.
    canDeactivate: [unsavedChangesGuard],
    data: { permission: Permissions.Agreements.Default, breadcrumb: 'agreements.menu' },
    loadComponent: () =>
      import('./agreement-detail.component').then((m) => m.AgreementDetailComponent),
  },
];
