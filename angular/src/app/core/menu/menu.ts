import { Permissions } from '../permissions';

export interface MenuItem {
  /** i18n key of the text. */
  text: string;
  icon?: string;
  /** Router link of a leaf item. */
  link?: string;
  /** Permission that must be granted to see the item. */
  permission?: string;
  /** Permissions of which any one shows the item. */
  anyPermission?: readonly string[];
  children?: MenuItem[];
}

/** The whole navigation; each user sees only what their granted permissions allow. */
export const MENU: MenuItem[] = [
  // first: everybody lands on their to-do after signing in
  { text: 'menu.todo', icon: 'check-square', link: '/todo' },
  {
    text: 'menu.platform',
    icon: 'cluster',
    children: [
      {
        text: 'menu.tenants',
        icon: 'bank',
        link: '/tenants',
        permission: Permissions.Tenants.Default,
      },
    ],
  },
  {
    text: 'menu.assessment',
    icon: 'profile',
    children: [
      {
        text: 'menu.dashboard',
        icon: 'dashboard',
        link: '/dashboard',
        permission: Permissions.Dashboard.Default,
      },
      // data quality: the province's page, and a city's own figures (any of the two permissions)
      {
        text: 'menu.quality',
        icon: 'safety-certificate',
        link: '/quality',
        anyPermission: [Permissions.Dashboard.Default, Permissions.Results.Monitoring],
      },
      {
        text: 'menu.schemes',
        icon: 'file-text',
        link: '/schemes',
        permission: Permissions.Schemes.Default,
      },
      {
        text: 'agreements.menu',
        icon: 'solution',
        link: '/agreements',
        permission: Permissions.Agreements.Default,
      },
      {
        text: 'units.menu',
        icon: 'apartment',
        link: '/units',
        permission: Permissions.OrganizationUnits.Default,
      },
      {
        text: 'menu.periods',
        icon: 'calendar',
        link: '/periods',
        permission: Permissions.Periods.Default,
      },
      {
        text: 'menu.dataEntry',
        icon: 'form',
        link: '/data-entry',
        permission: Permissions.DataEntry.Default,
      },
      // assessment workflow
      {
        text: 'menu.reviews',
        icon: 'audit',
        link: '/reviews',
        permission: Permissions.Review.Default,
      },
      {
        text: 'menu.appeals',
        icon: 'inbox',
        link: '/appeals',
        permission: Permissions.Appeals.Decide,
      },
      {
        text: 'menu.scoreSheet',
        icon: 'calculator',
        link: '/score-sheet',
        permission: Permissions.Results.Default,
      },
      {
        text: 'honours.menu',
        icon: 'trophy',
        link: '/honours',
        permission: Permissions.Honours.Manage,
      },
      // the province opens any city's profile; a city's own users (who enter data) their own
      {
        text: 'cityProfile.menu',
        icon: 'idcard',
        link: '/city-profile',
        permission: Permissions.Dashboard.Default,
      },
      {
        text: 'cityProfile.menuCity',
        icon: 'idcard',
        link: '/city-profile',
        permission: Permissions.DataEntry.Default,
      },
      {
        text: 'supervision.menu',
        icon: 'audit',
        link: '/supervision',
        permission: Permissions.Supervision.Default,
      },
    ],
  },
  {
    text: 'menu.system',
    icon: 'setting',
    children: [
      { text: 'menu.users', icon: 'team', link: '/users', permission: Permissions.Users.Default },
      { text: 'menu.feeds', icon: 'key', link: '/feeds', permission: Permissions.Feeds.Manage },
      {
        text: 'menu.roles',
        icon: 'safety-certificate',
        link: '/roles',
        permission: Permissions.Roles.Default,
      },
      {
        text: 'menu.auditLogs',
        icon: 'audit',
        link: '/audit-logs',
        permission: Permissions.AuditLogs.Default,
      },
    ],
  },
];

/**
 * Keeps the items whose permission is granted. A group without a permission of its own is kept
 * only while at least one of its children is visible; a leaf without a link is dropped.
 */
export function filterMenu(
  items: readonly MenuItem[],
  isGranted: (permission: string) => boolean,
): MenuItem[] {
  const result: MenuItem[] = [];
  for (const item of items) {
    if (item.permission && !isGranted(item.permission)) {
      continue;
    }
    if (item.anyPermission && !item.anyPermission.some((p) => isGranted(p))) {
      continue;
    }
    if (item.children) {
      const children = filterMenu(item.children, isGranted);
      if (children.length > 0) {
        result.push({ ...item, children });
      }
    } else if (item.link) {
      result.push({ ...item });
    }
  }
  return result;
}

/** The first reachable link, used as the landing page after sign-in. */
export function firstLink(items: readonly MenuItem[]): string | null {
  for (const item of items) {
    if (item.link) {
      return item.link;
    }
    const nested = item.children ? firstLink(item.children) : null;
    if (nested) {
      return nested;
    }
  }
  return null;
}
