import { Routes } from '@angular/router';

import { authGuard, homeRedirectGuard } from '@core/guards/auth.guard';

/** Each feature keeps its pages in its own `routes.ts`, loaded when its URL is first opened. */
export const routes: Routes = [
  {
    path: 'login',
    loadChildren: () => import('./routes/passport/routes').then((m) => m.LOGIN_ROUTES),
  },
  {
    path: 'change-password',
    loadChildren: () => import('./routes/passport/routes').then((m) => m.CHANGE_PASSWORD_ROUTES),
  },
  {
    path: '',
    loadComponent: () =>
      import('./layout/basic/basic-layout.component').then((m) => m.BasicLayoutComponent),
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      {
        path: 'todo',
        loadChildren: () => import('./routes/todo/routes').then((m) => m.TODO_ROUTES),
      },
      {
        path: 'tenants',
        loadChildren: () => import('./routes/tenants/routes').then((m) => m.TENANT_ROUTES),
      },
      {
        path: 'schemes',
        loadChildren: () => import('./routes/schemes/routes').then((m) => m.SCHEME_ROUTES),
      },
      {
        path: 'agreements',
        loadChildren: () => import('./routes/agreements/routes').then((m) => m.AGREEMENT_ROUTES),
      },
      {
        path: 'units',
        loadChildren: () => import('./routes/units/routes').then((m) => m.UNIT_ROUTES),
      },
      {
        path: 'periods',
        loadChildren: () => import('./routes/periods/routes').then((m) => m.PERIOD_ROUTES),
      },
      {
        path: 'data-entry',
        loadChildren: () => import('./routes/data-entry/routes').then((m) => m.DATA_ENTRY_ROUTES),
      },
      // assessment workflow: review queue and a city's sheet under review; results
      {
        path: 'reviews',
        loadChildren: () => import('./routes/reviews/routes').then((m) => m.REVIEW_ROUTES),
      },
      {
        path: 'dashboard',
        loadChildren: () => import('./routes/results/routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'quality',
        loadChildren: () => import('./routes/quality/routes').then((m) => m.QUALITY_ROUTES),
      },
      {
        path: 'score-sheet',
        loadChildren: () => import('./routes/results/routes').then((m) => m.SCORE_SHEET_ROUTES),
      },
      {
        path: 'honours',
        loadChildren: () => import('./routes/honours/routes').then((m) => m.HONOUR_ROUTES),
      },
      {
        path: 'city-profile',
        loadChildren: () => import('./routes/results/routes').then((m) => m.CITY_PROFILE_ROUTES),
      },
      {
        path: 'supervision',
        loadChildren: () => import('./routes/supervision/routes').then((m) => m.SUPERVISION_ROUTES),
      },
      {
        path: 'appeals',
        loadChildren: () => import('./routes/appeals/routes').then((m) => m.APPEAL_ROUTES),
      },
      {
        path: 'feeds',
        loadChildren: () => import('./routes/feeds/routes').then((m) => m.FEED_ROUTES),
      },
      {
        path: 'users',
        loadChildren: () => import('./routes/users/routes').then((m) => m.USER_ROUTES),
      },
      {
        path: 'roles',
        loadChildren: () => import('./routes/roles/routes').then((m) => m.ROLE_ROUTES),
      },
      {
        path: 'audit-logs',
        loadChildren: () => import('./routes/audit-logs/routes').then((m) => m.AUDIT_LOG_ROUTES),
      },
      {
        path: 'exception',
        loadChildren: () => import('./routes/exception/routes').then((m) => m.EXCEPTION_ROUTES),
      },
    ],
  },
  { path: '**', redirectTo: 'exception/404' },
];
