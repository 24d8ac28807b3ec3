import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';
import { unsavedChangesGuard } from '@shared/unsaved-changes';
import { prefetchEntry } from './entry-prefetch';

/** The city's data entry of the open period. */
export const DATA_ENTRY_ROUTES: Routes = [
  {
    path: '',
    // Asks for the open periods and the sheet while the guards and the page's code load.
    canMatch: [prefetchEntry],
    canActivate: [permissionGuard],
    // Leaving with values typed and not saved (or refused) asks first.
    canDeactivate: [unsavedChangesGuard],
    data: { permission: Permissions.DataEntry.Default },
    loadComponent: () => import('./data-entry.component').then((m) => m.DataEntryComponent),
  },
];
