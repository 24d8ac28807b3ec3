import { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';

import { permissionGuard } from '@core/guards/permission.guard';
import { Permissions } from '@core/permissions';

/** Results: the monitoring dashboard (/dashboard) and the score sheet (/score-sheet). */
export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Dashboard.Default },
    // echarts (only the bar, line and radar charts) is loaded only when the dashboard is opened
    providers: [
      provideEchartsCore({
        echarts: () => import('./echarts-setup').then((m) => m.echarts),
      }),
    ],
    loadComponent: () => import('./dashboard.component').then((m) => m.DashboardComponent),
  },
];

export const SCORE_SHEET_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    // One city's sheet reads "评分表 / 兰州市"; the crumb returns to the period's ranking.
    data: {
      permission: Permissions.Results.Default,
      breadcrumb: 'menu.scoreSheet',
      breadcrumbDrop: ['city'],
    },
    loadComponent: () => import('./score-sheet.component').then((m) => m.ScoreSheetComponent),
  },
];

/** A city across years (本市概况): the province picks the city, a city sees its own. */
export const CITY_PROFILE_ROUTES: Routes = [
  {
    path: '',
    canActivate: [permissionGuard],
    data: { permission: Permissions.Results.Default },
    providers: [
      provideEchartsCore({
        echarts: () => import('./echarts-setup').then((m) => m.echarts),
      }),
    ],
    loadComponent: () => import('./city-profile.component').then((m) => m.CityProfileComponent),
  },
];
