import { SchemeRule } from '@shared/scheme-definition';

/*
 * The twelve rule kinds of the scheme definition (src/PilotAssessment.Domain/Schemes/Rules, README
 * there) as form descriptions: which parameters each kind takes and the checks the host makes on them,
 * so the indicator editor can show a form per kind with errors beside the fields.
 */

export type Check = 'required' | 'nonNegative' | 'positive' | 'atMostMax';

export interface ColumnSpec {
  key: string;
  type: 'number' | 'text';
  checks?: Check[];
}

export interface ParamSpec {
  name: string;
  type: 'number' | 'select' | 'text' | 'strings' | 'rows';
  checks?: Check[];
  options?: readonly string[];
  /** Default of the host when the parameter is left out (shown as placeholder). */
  placeholder?: string;
  columns?: ColumnSpec[];
  /** A list that needs at least one row / item. */
  nonEmpty?: boolean;
}

const DIR = ['higher', 'lower'] as const;
const STEPS = ['proportional', 'whole_steps', 'started_steps'] as const;
const POINTS: Check[] = ['nonNegative', 'atMostMax'];
const BANDS: ColumnSpec[] = [
  { key: 'at', type: 'number', checks: ['required'] },
  { key: 'points', type: 'number', checks: ['required', ...POINTS] },
];
const PLACES: ColumnSpec[] = [
  { key: 'places', type: 'number', checks: ['required', 'positive'] },
  { key: 'points', type: 'number', checks: ['required', 'nonNegative'] },
];

export const RULE_KINDS: Record<string, ParamSpec[]> = {
  threshold_bands: [
    { name: 'dir', type: 'select', options: DIR, placeholder: 'higher' },
    { name: 'bands', type: 'rows', columns: BANDS, nonEmpty: true },
    { name: 'otherwise', type: 'number', checks: POINTS, placeholder: '0' },
  ],
  per_occurrence_deduction: [
    { name: 'per', type: 'number', checks: ['nonNegative'] },
    {
      name: 'rates',
      type: 'rows',
      columns: [
        { key: 'type', type: 'text', checks: ['required'] },
        { key: 'name', type: 'text' },
        { key: 'per', type: 'number', checks: ['required', 'nonNegative'] },
      ],
    },
    { name: 'cap', type: 'number', checks: POINTS },
    { name: 'floor', type: 'number', checks: POINTS, placeholder: '0' },
    { name: 'double_when', type: 'strings' },
  ],
  ratio_to_target: [
    { name: 'dir', type: 'select', options: DIR, placeholder: 'higher' },
    { name: 'target', type: 'number' },
    { name: 'per', type: 'number', checks: ['nonNegative'] },
    { name: 'unit_step', type: 'number', checks: ['positive'], placeholder: '1' },
    { name: 'steps', type: 'select', options: STEPS, placeholder: 'proportional' },
    { name: 'floor', type: 'number', checks: POINTS, placeholder: '0' },
  ],
  yoy_change: [
    { name: 'dir', type: 'select', options: DIR, placeholder: 'lower' },
    {
      name: 'measure',
      type: 'select',
      options: ['percent_change', 'difference', 'reported'],
      placeholder: 'percent_change',
    },
    { name: 'per', type: 'number', checks: ['required', 'nonNegative'] },
    { name: 'unit_step', type: 'number', checks: ['positive'], placeholder: '1' },
    { name: 'steps', type: 'select', options: STEPS, placeholder: 'proportional' },
    { name: 'cap', type: 'number', checks: POINTS },
    { name: 'floor', type: 'number', checks: POINTS, placeholder: '0' },
    { name: 'improved', type: 'number', checks: POINTS },
    { name: 'flat', type: 'number', checks: POINTS },
  ],
  reference_comparison: [
    {
      name: 'ref',
      type: 'select',
      options: ['province_average', 'last_year'],
      placeholder: 'province_average',
    },
    { name: 'dir', type: 'select', options: DIR, placeholder: 'lower' },
    { name: 'bands', type: 'rows', columns: BANDS, nonEmpty: true },
    { name: 'otherwise', type: 'number', checks: POINTS, placeholder: '0' },
  ],
  shortfall_bands: [
    { name: 'full_at', type: 'number', checks: ['required'] },
    { name: 'per', type: 'number', checks: ['required', 'nonNegative'] },
    { name: 'unit_step', type: 'number', checks: ['positive'], placeholder: '1' },
    { name: 'steps', type: 'select', options: STEPS, placeholder: 'proportional' },
    { name: 'steep_below', type: 'number' },
    { name: 'steep_per', type: 'number', checks: ['nonNegative'] },
    { name: 'cap', type: 'number', checks: POINTS },
    { name: 'floor', type: 'number', checks: POINTS, placeholder: '0' },
  ],
  rank_based: [
    {
      name: 'ranks',
      type: 'rows',
      columns: [
        { key: 'rank', type: 'number', checks: ['required', 'positive'] },
        { key: 'points', type: 'number', checks: ['required', ...POINTS] },
      ],
      nonEmpty: true,
    },
    { name: 'otherwise', type: 'number', checks: POINTS, placeholder: '0' },
    { name: 'drop_penalties', type: 'rows', columns: PLACES },
    { name: 'rise_bonuses', type: 'rows', columns: PLACES },
  ],
  rank_change: [
    { name: 'drop_bands', type: 'rows', columns: BANDS, nonEmpty: true },
    { name: 'otherwise', type: 'number', checks: POINTS, placeholder: '0' },
    { name: 'rise_bonuses', type: 'rows', columns: PLACES },
  ],
  qualitative_grade: [
    {
      name: 'grades',
      type: 'rows',
      columns: [
        { key: 'grade', type: 'text', checks: ['required'] },
        { key: 'percent', type: 'number', checks: ['required', 'nonNegative'] },
      ],
      nonEmpty: true,
    },
  ],
  checklist: [
    { name: 'items', type: 'strings', nonEmpty: true },
    { name: 'per', type: 'number', checks: ['required', 'nonNegative'] },
    { name: 'cap', type: 'number', checks: POINTS },
    { name: 'floor', type: 'number', checks: POINTS, placeholder: '0' },
  ],
  survey_composite: [
    {
      name: 'components',
      type: 'rows',
      columns: [
        { key: 'key', type: 'text', checks: ['required'] },
        { key: 'name', type: 'text' },
        { key: 'weight', type: 'number', checks: ['positive'] },
      ],
      nonEmpty: true,
    },
    { name: 'full_at', type: 'number', checks: ['positive'], placeholder: '100' },
  ],
  formula: [{ name: 'expression', type: 'text', checks: ['required'] }],
};

export const KIND_NAMES = Object.keys(RULE_KINDS);

export interface FieldError {
  /** i18n key under schemes.ruleForm.errors */
  key: Check | 'nonEmpty';
  params?: Record<string, unknown>;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function check(value: unknown, checks: readonly Check[], maxPoints: number): FieldError | null {
  if (isBlank(value)) {
    return checks.includes('required') ? { key: 'required' } : null;
  }
  const n = Number(value);
  if (typeof value === 'number' || !Number.isNaN(n)) {
    if (checks.includes('nonNegative') && n < 0) {
      return { key: 'nonNegative' };
    }
    if (checks.includes('positive') && n <= 0) {
      return { key: 'positive' };
    }
    if (checks.includes('atMostMax') && n > maxPoints) {
      return { key: 'atMostMax', params: { max: maxPoints } };
    }
  }
  return null;
}

/**
 * The rule's problems by field: "cap" for a parameter, "bands[1].points" for a cell of a list.
 * The same checks the host makes on save and publish (required, ≥ 0, > 0, ≤ the indicator's points).
 */
export function validateRule(
  rule: SchemeRule | null,
  maxPoints: number,
): Record<string, FieldError> {
  const errors: Record<string, FieldError> = {};
  const specs = rule ? RULE_KINDS[rule.kind] : undefined;
  if (!rule || !specs) {
    return errors;
  }
  for (const spec of specs) {
    const value = rule[spec.name];
    if (spec.type === 'rows' || spec.type === 'strings') {
      const list = Array.isArray(value) ? value : [];
      if (spec.nonEmpty && list.length === 0) {
        errors[spec.name] = { key: 'nonEmpty' };
      }
      if (spec.type === 'rows') {
        list.forEach((row: Record<string, unknown>, i: number) => {
          for (const column of spec.columns ?? []) {
            const error = check(row?.[column.key], column.checks ?? [], maxPoints);
            if (error) {
              errors[`${spec.name}[${i}].${column.key}`] = error;
            }
          }
        });
      }
      continue;
    }
    const error = check(value, spec.checks ?? [], maxPoints);
    if (error) {
      errors[spec.name] = error;
    }
  }
  return errors;
}

/** A new rule of a kind, keeping the parameters of the old one that the new kind also takes. */
export function changeKind(rule: SchemeRule | null, kind: string): SchemeRule {
  const next: SchemeRule = { kind };
  for (const spec of RULE_KINDS[kind] ?? []) {
    if (rule && rule[spec.name] !== undefined) {
      next[spec.name] = rule[spec.name];
    }
  }
  if (rule?.['missing_scores_full'] !== undefined) {
    next['missing_scores_full'] = rule['missing_scores_full'];
  }
  return next;
}

/** A copy of the rule with one parameter set; blank values are left out (the host's default). */
export function setParam(rule: SchemeRule, name: string, value: unknown): SchemeRule {
  const next: SchemeRule = { ...rule };
  if (isBlank(value) || (Array.isArray(value) && value.length === 0)) {
    delete next[name];
  } else {
    next[name] = value;
  }
  return next;
}

/**
 * The field a host message is about: the first “quoted” parameter name, as in
 * 计分规则参数“cap”（6）超过指标分值5分 → "cap", “bands[1].points” → "bands[1].points".
 */
export function fieldOfMessage(message: string, rule: SchemeRule | null): string | null {
  const match = /[“"]([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)?)[”"]/.exec(message);
  if (!match || !rule) {
    return null;
  }
  const name = match[1];
  const root = name.replace(/[[.].*$/, '');
  const specs = RULE_KINDS[rule.kind] ?? [];
  if (!specs.some((s) => s.name === root)) {
    return null;
  }
  // "bands.otherwise" is the fallback of the bands: shown beside "otherwise"
  return name.endsWith('.otherwise') ? 'otherwise' : name;
}
