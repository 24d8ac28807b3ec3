import { Route, Routes } from '@angular/router';

import { Permissions } from '@core/permissions';
import { routes } from './app.routes';

async function children(route: Route): Promise<Routes> {
  const loaded = await (route.loadChildren as () => Promise<Routes>)();
  return loaded;
}

async function pageAt(url: string): Promise<{ component: string; permission: unknown }> {
  const [first, ...rest] = url.split('/');
  const layout = routes.find((r) => r.path === '')!;
  const top = [...routes, ...(layout.children ?? [])].find((r) => r.path === first);
  expect(top, url).toBeDefined();
  const feature = await children(top!);
  const page = feature.find((r) => r.path === rest.join('/'))!;
  expect(page, url).toBeDefined();
  const component = (await (page.loadComponent as () => Promise<{ name: string }>)()).name;
  return { component, permission: page.data?.['permission'] };
}

describe('app routes', () => {
  it('keeps every URL on its page and permission, each feature loaded from its own routes', async () => {
    const expected: [string, string, unknown][] = [
      ['login/', 'LoginComponent', undefined],
      ['change-password/', 'ChangePasswordComponent', undefined],
      ['todo/', 'TodoComponent', undefined],
      ['tenants/', 'TenantListComponent', Permissions.Tenants.Default],
      ['schemes/', 'SchemeListComponent', Permissions.Schemes.Default],
      ['schemes/:id', 'SchemeDetailComponent', Permissions.Schemes.Default],
      ['agreements/', 'AgreementListComponent', Permissions.Agreements.Default],
      ['agreements/:id', 'AgreementDetailComponent', Permissions.Agreements.Default],
      ['units/', 'UnitTreeComponent', Permissions.OrganizationUnits.Default],
      ['periods/', 'PeriodListComponent', Permissions.Periods.Default],
      ['data-entry/', 'DataEntryComponent', Permissions.DataEntry.Default],
      ['reviews/', 'ReviewQueueComponent', Permissions.Review.Default],
      ['reviews/:periodId/:cityId', 'ReviewSheetComponent', Permissions.Review.Default],
      ['dashboard/', 'DashboardComponent', Permissions.Dashboard.Default],
      ['score-sheet/', 'ScoreSheetComponent', Permissions.Results.Default],
      ['users/', 'UserListComponent', Permissions.Users.Default],
      ['roles/', 'RoleListComponent', Permissions.Roles.Default],
      ['audit-logs/', 'AuditLogListComponent', Permissions.AuditLogs.Default],
      ['exception/:code', 'ExceptionComponent', undefined],
    ];
    for (const [url, component, permission] of expected) {
      const page = await pageAt(url);
      expect(page.component, url).toContain(component);
      expect(page.permission, url).toBe(permission);
    }
  }, 60_000);

  it('sends an unknown URL to the 404 page', () => {
    expect(routes.find((r) => r.path === '**')?.redirectTo).toBe('exception/404');
  });
});
