import { OrganizationUnitsOrganizationUnitDto as UnitDto } from '@api/models';

/** Kinds in the host's enum order: the create input takes the index, the tree shows the name. */
export const UNIT_KINDS = ['City', 'District', 'County', 'Department', 'Other'] as const;

export interface UnitNode {
  title: string;
  key: string;
  isLeaf: boolean;
  expanded: boolean;
  disabled?: boolean;
  children: UnitNode[];
  unit: UnitDto;
}

/** The host's unit tree as nz-tree nodes; `exclude` (and its subtree) is left out. */
export function toNodes(
  units: readonly UnitDto[],
  closedLabel: string,
  exclude: string | null = null,
): UnitNode[] {
  return units
    .filter((u) => u.id !== exclude)
    .map((u) => {
      const children = toNodes(u.children ?? [], closedLabel, exclude);
      return {
        title: `${u.name ?? ''}${u.isClosed ? ` (${closedLabel})` : ''}`,
        key: u.id ?? '',
        isLeaf: children.length === 0,
        expanded: true,
        disabled: false,
        children,
        unit: u,
      };
    });
}

/** Every unit of the tree, depth first. */
export function flatten(units: readonly UnitDto[]): UnitDto[] {
  return units.flatMap((u) => [u, ...flatten(u.children ?? [])]);
}

/** Open units as select options, indented by depth ("— 城关区"), for pickers. */
export function unitOptions(
  units: readonly UnitDto[],
  depth = 0,
): { id: string; label: string; closed: boolean }[] {
  return units.flatMap((u) => [
    { id: u.id ?? '', label: `${'— '.repeat(depth)}${u.name ?? ''}`, closed: !!u.isClosed },
    ...unitOptions(u.children ?? [], depth + 1),
  ]);
}

export function findUnit(units: readonly UnitDto[], id: string | null): UnitDto | null {
  return flatten(units).find((u) => u.id === id) ?? null;
}

/** The tree without one unit and its subtree (a unit cannot move under itself). */
export function withoutSubtree(units: readonly UnitDto[], id: string): UnitDto[] {
  return units
    .filter((u) => u.id !== id)
    .map((u) => ({ ...u, children: withoutSubtree(u.children ?? [], id) }));
}
