import { Routes } from '@angular/router';

/** Error pages (403, 404, 500). */
export const EXCEPTION_ROUTES: Routes = [
  {
    path: ':code',
    loadComponent: () => import('./exception.component').then((m) => m.ExceptionComponent),
  },
];
