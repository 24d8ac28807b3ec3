import {
  IndicatorRow,
  ProblemGroup,
  SchemeCategory,
  SchemeDefinition,
} from '@shared/scheme-definition';

/** The category of a code anywhere in the tree. */
export function findCategory(
  categories: readonly SchemeCategory[] | null | undefined,
  code: string,
): SchemeCategory | null {
  for (const c of categories ?? []) {
    const found = c.code === code ? c : findCategory(c.children, code);
    if (found) {
      return found;
    }
  }
  return null;
}

/** Where a category sits: its parent (null = top level), its index among its siblings and how many siblings there are. */
export function locateCategory(
  definition: SchemeDefinition,
  code: string,
): { parentCode: string | null; index: number; count: number } | null {
  const visit = (
    categories: readonly SchemeCategory[] | null | undefined,
    parentCode: string | null,
  ): { parentCode: string | null; index: number; count: number } | null => {
    const list = categories ?? [];
    const index = list.findIndex((c) => c.code === code);
    if (index >= 0) {
      return { parentCode, index, count: list.length };
    }
    for (const c of list) {
      const found = visit(c.children, c.code);
      if (found) {
        return found;
      }
    }
    return null;
  };
  return visit(definition.categories, null);
}

/** The names of a scheme's categories, indicators, bonus items and vetoes by code. */
export function namesByCode(d: SchemeDefinition, indicators: IndicatorRow[]): Map<string, string> {
  const map = new Map<string, string>();
  const visit = (categories: typeof d.categories) => {
    for (const c of categories ?? []) {
      map.set(c.code, c.name);
      visit(c.children);
    }
  };
  visit(d.categories);
  indicators.forEach((r) => map.set(r.code, r.name));
  (d.bonus?.items ?? []).forEach((b) => map.set(b.code, b.name));
  (d.vetoes ?? []).forEach((v) => map.set(v.code, v.name));
  return map;
}

/** Every category of the tree, depth first, for "move to". */
export function allCategories(definition: SchemeDefinition): { code: string; name: string }[] {
  const all: { code: string; name: string }[] = [];
  const visit = (categories: readonly SchemeCategory[] | null | undefined) => {
    for (const c of categories ?? []) {
      all.push({ code: c.code, name: c.name });
      visit(c.children);
    }
  };
  visit(definition.categories);
  return all;
}

/** The codes of a scheme's indicators, bonus items and vetoes in that order. */
export function itemOrder(d: SchemeDefinition, indicators: IndicatorRow[]): string[] {
  return [
    ...indicators.map((r) => r.code),
    ...(d.bonus?.items ?? []).map((b) => b.code),
    ...(d.vetoes ?? []).map((v) => v.code),
  ];
}

/** Every message of the groups by the code it is about. */
export function messagesByTarget(groups: ProblemGroup[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const group of groups) {
    map.set(group.target, [...(map.get(group.target) ?? []), ...group.messages]);
  }
  return map;
}
