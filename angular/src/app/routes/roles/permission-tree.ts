import {
  IdentityPermissionDto as PermissionGrantInfoDto,
  IdentityPermissionGroupDto as PermissionGroupDto,
} from '@api/models';

/** A permission as the tree uses it: the generated model has every field optional. */
interface Permission {
  name: string;
  displayName: string;
  parentName: string | null;
  isGranted: boolean;
}

function permissionsOf(group: PermissionGroupDto): Permission[] {
  return (group.permissions ?? []).map((p: PermissionGrantInfoDto) => ({
    name: p.name ?? '',
    displayName: p.displayName ?? '',
    parentName: p.parentName ?? null,
    isGranted: p.isGranted === true,
  }));
}

export interface PermissionRow {
  name: string;
  displayName: string;
  depth: number;
}

export interface PermissionGroupView {
  name: string;
  displayName: string;
  rows: PermissionRow[];
}

/** Orders a group's permissions as a tree (parents before their children) with their depth. */
export function toGroupView(group: PermissionGroupDto): PermissionGroupView {
  const permissions = permissionsOf(group);
  const names = new Set(permissions.map((p) => p.name));
  const childrenOf = new Map<string | null, Permission[]>();
  for (const permission of permissions) {
    const parent =
      permission.parentName && names.has(permission.parentName) ? permission.parentName : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(permission);
    childrenOf.set(parent, list);
  }
  const rows: PermissionRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    for (const permission of childrenOf.get(parent) ?? []) {
      rows.push({
        name: permission.name,
        displayName: permission.displayName || permission.name,
        depth,
      });
      visit(permission.name, depth + 1);
    }
  };
  visit(null, 0);
  const name = group.name ?? '';
  return { name, displayName: group.displayName || name, rows };
}

/** Names of the permissions granted in the server's answer. */
export function grantedOf(groups: readonly PermissionGroupDto[]): Set<string> {
  return new Set(
    groups.flatMap((g) =>
      permissionsOf(g)
        .filter((p) => p.isGranted)
        .map((p) => p.name),
    ),
  );
}

/**
 * Checking a permission also checks its ancestors (a child is useless without its parent);
 * unchecking one also unchecks its descendants. Returns a new set.
 */
export function togglePermission(
  granted: ReadonlySet<string>,
  groups: readonly PermissionGroupDto[],
  name: string,
  checked: boolean,
): Set<string> {
  const all = groups.flatMap((g) => permissionsOf(g));
  const byName = new Map(all.map((p) => [p.name, p]));
  const next = new Set(granted);
  if (checked) {
    let current: Permission | undefined = byName.get(name);
    const seen = new Set<string>();
    while (current && !seen.has(current.name)) {
      seen.add(current.name);
      next.add(current.name);
      current = current.parentName ? byName.get(current.parentName) : undefined;
    }
  } else {
    const remove = (target: string) => {
      next.delete(target);
      for (const child of all) {
        if (child.parentName === target && next.has(child.name)) {
          remove(child.name);
        }
      }
    };
    remove(name);
  }
  return next;
}

/** Checks or unchecks every permission of a group. Returns a new set. */
export function toggleGroup(
  granted: ReadonlySet<string>,
  group: PermissionGroupDto,
  checked: boolean,
): Set<string> {
  const next = new Set(granted);
  for (const permission of permissionsOf(group)) {
    if (checked) {
      next.add(permission.name);
    } else {
      next.delete(permission.name);
    }
  }
  return next;
}

export type GroupState = 'all' | 'some' | 'none';

export function groupState(granted: ReadonlySet<string>, group: PermissionGroupDto): GroupState {
  const permissions = permissionsOf(group);
  const count = permissions.filter((p) => granted.has(p.name)).length;
  if (count === 0) {
    return 'none';
  }
  return count === permissions.length ? 'all' : 'some';
}
