import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

import { authGuard, homeRedirectGuard } from '@core/guards/auth.guard';
import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

export const routes: Routes = [
  {
    path: 'login',
    loadComponent: () =>
      import('./routes/passport/login/login.component').then((m) => m.LoginComponent),
  },
  {
    path: 'change-password',
    loadComponent: () =>
      import('./routes/passport/change-password/change-password.component').then(
        (m) => m.ChangePasswordComponent,
      ),
  },
  {
    path: '',
    loadComponent: () =>
      import('./layout/basic/basic-layout.component').then((m) => m.BasicLayoutComponent),
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      {
        path: 'tenants',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Tenants.Default },
        loadComponent: () =>
          import('./routes/tenants/tenant-list.component').then((m) => m.TenantListComponent),
      },
      {
        path: 'schemes',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Schemes.Default },
        loadComponent: () =>
          import('./routes/schemes/scheme-list.component').then((m) => m.SchemeListComponent),
      },
      {
        path: 'schemes/:id',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Schemes.Default },
        loadComponent: () =>
          import('./routes/schemes/scheme-detail.component').then((m) => m.SchemeDetailComponent),
      },
      {
        path: 'agreements',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Agreements.Default },
        loadComponent: () =>
          import('./routes/agreements/agreement-list.component').then(
            (m) => m.AgreementListComponent,
          ),
      },
      {
        path: 'agreements/:id',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Agreements.Default },
        loadComponent: () =>
          import('./routes/agreements/agreement-detail.component').then(
            (m) => m.AgreementDetailComponent,
          ),
      },
      {
        path: 'units',
        canActivate: [permissionGuard],
        data: { permission: Permissions.OrganizationUnits.Default },
        loadComponent: () =>
          import('./routes/units/unit-tree.component').then((m) => m.UnitTreeComponent),
      },
      {
        path: 'periods',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Periods.Default },
        loadComponent: () =>
          import('./routes/periods/period-list.component').then((m) => m.PeriodListComponent),
      },
      {
        path: 'dashboard',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Dashboard.Default },
        // echarts (only the bar, line and radar charts) is loaded only when the dashboard is opened
        providers: [
          provideEchartsCore({
            echarts: () => import('./routes/results/echarts-setup').then((m) => m.echarts),
          }),
        ],
        loadComponent: () =>
          import('./routes/results/dashboard.component').then((m) => m.DashboardComponent),
      },
      {
        path: 'data-entry',
        canActivate: [permissionGuard],
        data: { permission: Permissions.DataEntry.Default },
        loadComponent: () =>
          import('./routes/data-entry/data-entry.component').then((m) => m.DataEntryComponent),
      },
      // assessment workflow: review queue, a city's sheet under review, score sheets
      {
        path: 'reviews',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Review.Default },
        loadComponent: () =>
          import('./routes/reviews/review-queue.component').then((m) => m.ReviewQueueComponent),
      },
      {
        path: 'reviews/:periodId/:cityId',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Review.Default },
        loadComponent: () =>
          import('./routes/reviews/review-sheet.component').then((m) => m.ReviewSheetComponent),
      },
      {
        path: 'score-sheet',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Results.Default },
        loadComponent: () =>
          import('./routes/results/score-sheet.component').then((m) => m.ScoreSheetComponent),
      },
      {
        path: 'users',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Users.Default },
        loadComponent: () =>
          import('./routes/users/user-list.component').then((m) => m.UserListComponent),
      },
      {
        path: 'roles',
        canActivate: [permissionGuard],
        data: { permission: Permissions.Roles.Default },
        loadComponent: () =>
          import('./routes/roles/role-list.component').then((m) => m.RoleListComponent),
      },
      {
        path: 'audit-logs',
        canActivate: [permissionGuard],
        data: { permission: Permissions.AuditLogs.Default },
        loadComponent: () =>
          import('./routes/audit-logs/audit-log-list.component').then(
            (m) => m.AuditLogListComponent,
          ),
      },
      {
        path: 'exception/:code',
        loadComponent: () =>
          import('./routes/exception/exception.component').then((m) => m.ExceptionComponent),
      },
    ],
  },
  { path: '**', redirectTo: 'exception/404' },
];
