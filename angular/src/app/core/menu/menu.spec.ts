import { Permissions } from '../permissions';
import { MENU, MenuItem, filterMenu, firstLink } from './menu';

function grantedOnly(...names: string[]) {
  const set = new Set(names);
  return (permission: string) => set.has(permission);
}

function links(items: MenuItem[]): string[] {
  return items.flatMap((item) =>
    item.children ? links(item.children) : item.link ? [item.link] : [],
  );
}

describe('menu filtering by permissions', () => {
  it('shows everything to a provincial administrator', () => {
    const all = grantedOnly(
      Permissions.Tenants.Default,
      Permissions.Users.Default,
      Permissions.Roles.Default,
      Permissions.AuditLogs.Default,
      Permissions.Schemes.Default,
    );
    const menu = filterMenu(MENU, all);
    expect(links(menu)).toEqual([
      '/todo',
      '/tenants',
      '/schemes',
      '/users',
      '/roles',
      '/audit-logs',
    ]);
    expect(menu.map((g) => g.text)).toEqual([
      'menu.todo',
      'menu.platform',
      'menu.assessment',
      'menu.system',
    ]);
  });

  it('drops a group whose children are all hidden (a city admin sees no 试点城市 group)', () => {
    const menu = filterMenu(
      MENU,
      grantedOnly(Permissions.Users.Default, Permissions.Roles.Default),
    );
    expect(menu.map((g) => g.text)).toEqual(['menu.todo', 'menu.system']);
    expect(links(menu)).toEqual(['/todo', '/users', '/roles']);
  });

  it("puts the to-do first, then the dashboard for an official and data entry in a clerk's menu", () => {
    const official = filterMenu(
      MENU,
      grantedOnly(
        Permissions.Dashboard.Default,
        Permissions.Schemes.Default,
        Permissions.Periods.Default,
      ),
    );
    expect(links(official)).toEqual([
      '/todo',
      '/dashboard',
      '/quality',
      '/schemes',
      '/periods',
      '/city-profile',
    ]);
    expect(firstLink(official)).toBe('/todo');
    const clerk = filterMenu(
      MENU,
      grantedOnly(Permissions.Periods.Default, Permissions.DataEntry.Default),
    );
    expect(links(clerk)).toEqual(['/todo', '/periods', '/data-entry', '/city-profile']);
  });

  it('shows the review queue to auditors and the score sheet to cities and the province', () => {
    const auditor = filterMenu(
      MENU,
      grantedOnly(
        Permissions.Dashboard.Default,
        Permissions.Review.Default,
        Permissions.Results.Default,
      ),
    );
    expect(links(auditor)).toEqual([
      '/todo',
      '/dashboard',
      '/quality',
      '/reviews',
      '/score-sheet',
      '/city-profile',
    ]);
    const clerk = filterMenu(
      MENU,
      grantedOnly(Permissions.DataEntry.Default, Permissions.Results.Default),
    );
    expect(links(clerk)).toEqual(['/todo', '/data-entry', '/score-sheet', '/city-profile']);
  });

  it('shows the honours to who manages them and the city profile as 城市概况 to the province, 本市概况 to a city', () => {
    const official = filterMenu(
      MENU,
      grantedOnly(Permissions.Dashboard.Default, Permissions.Honours.Manage),
    );
    expect(links(official)).toEqual([
      '/todo',
      '/dashboard',
      '/quality',
      '/honours',
      '/city-profile',
    ]);
    const texts = (items: MenuItem[]) =>
      items.flatMap((g) => (g.children ?? [g]).map((c) => c.text));
    expect(texts(official)).toContain('cityProfile.menu');
    const clerk = filterMenu(MENU, grantedOnly(Permissions.DataEntry.Default));
    expect(texts(clerk)).toContain('cityProfile.menuCity');
    expect(texts(clerk)).not.toContain('cityProfile.menu');
  });

  it('shows agreements to the official and agreements and units to a city admin', () => {
    const official = filterMenu(
      MENU,
      grantedOnly(Permissions.Dashboard.Default, Permissions.Agreements.Default),
    );
    expect(links(official)).toEqual([
      '/todo',
      '/dashboard',
      '/quality',
      '/agreements',
      '/city-profile',
    ]);
    const cityAdmin = filterMenu(
      MENU,
      grantedOnly(
        Permissions.Agreements.Default,
        Permissions.OrganizationUnits.Default,
        Permissions.Users.Default,
      ),
    );
    expect(links(cityAdmin)).toEqual(['/todo', '/agreements', '/units', '/users']);
  });

  it('shows the data-quality page to the province and to a city that monitors itself, once', () => {
    expect(links(filterMenu(MENU, grantedOnly(Permissions.Results.Monitoring)))).toEqual([
      '/todo',
      '/quality',
    ]);
    const both = grantedOnly(Permissions.Dashboard.Default, Permissions.Results.Monitoring);
    expect(links(filterMenu(MENU, both)).filter((l) => l === '/quality')).toHaveLength(1);
  });

  it('shows only the to-do without permissions', () => {
    expect(links(filterMenu(MENU, grantedOnly()))).toEqual(['/todo']);
  });

  it('a sub-permission alone does not reveal the page', () => {
    expect(links(filterMenu(MENU, grantedOnly(Permissions.Tenants.Create)))).toEqual(['/todo']);
  });

  it('hides a group guarded by its own permission, children included', () => {
    const items: MenuItem[] = [
      { text: 'g', permission: 'G', children: [{ text: 'a', link: '/a', permission: 'A' }] },
      { text: 'b', link: '/b' },
    ];
    expect(links(filterMenu(items, grantedOnly('A')))).toEqual(['/b']);
    expect(links(filterMenu(items, grantedOnly('A', 'G')))).toEqual(['/a', '/b']);
  });

  it('does not modify the original menu', () => {
    const before = JSON.stringify(MENU);
    filterMenu(MENU, grantedOnly(Permissions.Users.Default));
    expect(JSON.stringify(MENU)).toBe(before);
  });

  it('firstLink finds the first reachable page', () => {
    expect(firstLink(filterMenu(MENU, grantedOnly(Permissions.AuditLogs.Default)))).toBe('/todo');
    expect(firstLink(filterMenu(MENU.slice(1), grantedOnly(Permissions.AuditLogs.Default)))).toBe(
      '/audit-logs',
    );
    expect(firstLink([])).toBeNull();
  });
});
