import { SchemesSchemeProblemDto as SchemeProblemDto } from '@api/models';
import { ProblemDetails } from '@core/net/problem-details';

/*
 * The scheme definition travels as free JSON (`SchemeDto.definition` is `any` in the OpenAPI
 * document): snake_case names, `kind` as the discriminator of rules and veto consequences, the same
 * format as the JSON import/export (src/PilotAssessment.Domain/Schemes/README.md). These types
 * describe what the screens read of it; unknown parameters are kept and shown as they are.
 */

export interface SchemeRule {
  kind: string;
  [parameter: string]: unknown;
}

export interface SchemeIndicator {
  code: string;
  name: string;
  name_en?: string | null;
  unit?: string | null;
  unit_en?: string | null;
  max_points: number;
  responsible_unit?: string | null;
  score_source?: string | null;
  evidence_required?: boolean | null;
  target?: number | null;
  formula?: string | null;
  rule?: SchemeRule | null;
  rule_text?: string | null;
  /** Data-quality bounds of the value: outside them a saved value is flagged. */
  min?: number | null;
  max?: number | null;
}

export interface SchemeCategory {
  code: string;
  name: string;
  name_en?: string | null;
  children?: SchemeCategory[] | null;
  indicators?: SchemeIndicator[] | null;
}

export interface SchemeBonusItem {
  code: string;
  name: string;
  points_per_instance?: number | null;
  cap?: number | null;
}

export interface SchemeVeto {
  code: string;
  name: string;
  trigger_fact?: string | null;
  trigger_text?: string | null;
  condition?: string | null;
  consequence?: SchemeRule | null;
}

export interface SchemeGrade {
  name: string;
  key?: string | null;
  min_score: number;
}

export interface SchemeColour {
  name: string;
  key?: string | null;
  min_percent: number;
}

export interface SchemeDefinition {
  categories?: SchemeCategory[] | null;
  data_items?: { code: string; name: string }[] | null;
  bonus?: { items?: SchemeBonusItem[] | null; total_cap?: number | null } | null;
  vetoes?: SchemeVeto[] | null;
  grades?: SchemeGrade[] | null;
  colours?: SchemeColour[] | null;
}

/** An indicator with the path of categories it sits in. */
export interface IndicatorRow extends SchemeIndicator {
  categoryCode: string;
  categoryName: string;
}

export function asDefinition(value: unknown): SchemeDefinition {
  return value && typeof value === 'object' ? (value as SchemeDefinition) : {};
}

/** Every indicator of the tree, depth first, in the scheme's order. */
export function flattenIndicators(definition: SchemeDefinition): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const visit = (categories: readonly SchemeCategory[] | null | undefined) => {
    for (const category of categories ?? []) {
      for (const indicator of category.indicators ?? []) {
        rows.push({ ...indicator, categoryCode: category.code, categoryName: category.name });
      }
      visit(category.children);
    }
  };
  visit(definition.categories);
  return rows;
}

/** Codes of a category and all its sub-categories. */
export function categoryCodesUnder(definition: SchemeDefinition, code: string): Set<string> {
  const result = new Set<string>();
  const collect = (category: SchemeCategory) => {
    result.add(category.code);
    (category.children ?? []).forEach(collect);
  };
  const find = (categories: readonly SchemeCategory[] | null | undefined): boolean => {
    for (const category of categories ?? []) {
      if (category.code === code) {
        collect(category);
        return true;
      }
      if (find(category.children)) {
        return true;
      }
    }
    return false;
  };
  find(definition.categories);
  return result;
}

export interface TreeNode {
  title: string;
  key: string;
  expanded: boolean;
  isLeaf: boolean;
  children: TreeNode[];
}

/** Categories as nz-tree nodes: "A 政治安全 (3)" with the number of indicators under each. */
export function categoryTree(definition: SchemeDefinition): TreeNode[] {
  const countUnder = (category: SchemeCategory): number =>
    (category.indicators?.length ?? 0) +
    (category.children ?? []).reduce((n, c) => n + countUnder(c), 0);
  const toNode = (category: SchemeCategory): TreeNode => {
    const children = (category.children ?? []).map(toNode);
    return {
      title: `${category.code} ${category.name} (${countUnder(category)})`,
      key: category.code,
      expanded: true,
      isLeaf: children.length === 0,
      children,
    };
  };
  return (definition.categories ?? []).map(toNode);
}

/** What a preview asks the user for, by the indicator's rule kind. */
export type ValueInputKind = 'number' | 'occurrences' | 'grade' | 'checklist' | 'survey';

export function valueInputKind(ruleKind: string | null | undefined): ValueInputKind {
  switch (ruleKind) {
    case 'per_occurrence_deduction':
      return 'occurrences';
    case 'qualitative_grade':
      return 'grade';
    case 'checklist':
      return 'checklist';
    case 'survey_composite':
      return 'survey';
    default:
      return 'number';
  }
}

/** The reference a rule compares with, when the preview needs one: last year or province average. */
export function referenceKind(rule: SchemeRule | null | undefined): 'lastYear' | 'average' | null {
  if (!rule) {
    return null;
  }
  if (rule.kind === 'yoy_change' && rule['measure'] !== 'reported') {
    return 'lastYear';
  }
  if (rule.kind === 'reference_comparison') {
    return rule['ref'] === 'last_year' ? 'lastYear' : 'average';
  }
  return null;
}

export interface ProblemGroup {
  /** Indicator, category, bonus or veto code; "scheme" for the scheme as a whole; a JSON path for imports. */
  target: string;
  messages: string[];
}

/**
 * Every problem of a failed publish or import, grouped by the indicator (or other target) it
 * belongs to: the scheme-wide problems first, then by code in the scheme's order when known
 * (otherwise alphabetically). Nothing is dropped.
 */
export function groupProblems(
  problem: Pick<ProblemDetails, 'errors'> | null,
  order: readonly string[] = [],
): ProblemGroup[] {
  const groups: ProblemGroup[] = [];
  for (const [target, messages] of Object.entries(problem?.errors ?? {})) {
    const list = (messages ?? []).filter((m) => !!m);
    if (list.length) {
      groups.push({ target, messages: list });
    }
  }
  const rank = (target: string) => {
    if (target.toLowerCase() === 'scheme') {
      return -1;
    }
    const i = order.indexOf(target);
    return i < 0 ? order.length : i;
  };
  return groups.sort((a, b) => rank(a.target) - rank(b.target) || a.target.localeCompare(b.target));
}

/** Problems of a saved draft (`SchemeDto.problems`) in the same grouped form. */
export function groupDraftProblems(
  problems: readonly SchemeProblemDto[] | null | undefined,
  order: readonly string[] = [],
): ProblemGroup[] {
  const errors: Record<string, string[]> = {};
  for (const p of problems ?? []) {
    const target = p.target || 'scheme';
    (errors[target] ??= []).push(p.message ?? '');
  }
  return groupProblems({ errors }, order);
}
