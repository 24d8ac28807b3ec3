import { Routes } from '@angular/router';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Review: the queue of submissions and a city's sheet under review. */
export const REVIEW_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Review.Default },
    loadComponent: () => import('./review-queue.component').then((m) => m.ReviewQueueComponent),
  },
  {
    path: ':periodId/:cityId',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Review.Default, breadcrumb: 'menu.reviews' },
    loadComponent: () => import('./review-sheet.component').then((m) => m.ReviewSheetComponent),
  },
];
