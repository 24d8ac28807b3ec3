import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Data feeds from departments (数据接口): the province's and a city's clients. */
export const FEED_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Feeds.Manage },
    loadComponent: () => import('./feed-list.component').then((m) => m.FeedListComponent),
  },
];
