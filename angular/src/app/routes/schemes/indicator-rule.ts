import {
  AbstractControl,
  FormControl,
  FormGroup,
  ValidationErrors,
  Validators,
} from '@angular/forms';

import {
  IndicatorRow,
  ProblemGroup,
  SchemeCategory,
  SchemeDefinition,
  SchemeIndicator,
  SchemeRule,
} from '@shared/scheme-definition';
import { boundsValidator } from '../quality/bounds-validator';
import { fieldOfMessage } from './rule-kinds';

/** The rule as JSON: an object with a string `kind`. */
export function ruleJsonValidator(control: AbstractControl): ValidationErrors | null {
  const text = (control.value ?? '').trim();
  if (!text) {
    return { required: true };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return { ruleJson: true };
    }
    const kind = (value as { kind?: unknown }).kind;
    return typeof kind === 'string' && kind ? null : { ruleKind: true };
  } catch {
    return { ruleJson: true };
  }
}

/** A copy of the definition with one indicator (found by code) replaced. */
export function replaceIndicator(
  definition: SchemeDefinition,
  code: string,
  change: (indicator: SchemeIndicator) => SchemeIndicator,
): SchemeDefinition {
  const mapCategories = (categories: SchemeCategory[] | null | undefined) =>
    categories?.map((category): SchemeCategory => ({
      ...category,
      indicators: category.indicators?.map((i) => (i.code === code ? change(i) : i)),
      children: mapCategories(category.children),
    }));
  return { ...definition, categories: mapCategories(definition.categories) };
}

/** The rule typed as JSON, or null while it is not an object with a kind. */
export function parseRule(text: string): SchemeRule | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) && 'kind' in value
      ? (value as SchemeRule)
      : null;
  } catch {
    return null;
  }
}

/** The indicator editor's form. */
export function indicatorForm() {
  return new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    unit: new FormControl('', { nonNullable: true }),
    responsibleUnit: new FormControl('', { nonNullable: true }),
    scoreSource: new FormControl('department', { nonNullable: true }),
    evidenceRequired: new FormControl(false, { nonNullable: true }),
    maxPoints: new FormControl<number | null>(null, [Validators.required, Validators.min(0.01)]),
    target: new FormControl<number | null>(null),
    min: new FormControl<number | null>(null),
    max: new FormControl<number | null>(null, boundsValidator),
    rule: new FormControl('', { nonNullable: true, validators: ruleJsonValidator }),
    ruleText: new FormControl('', { nonNullable: true }),
  });
}

/** What the editor's form starts with for an indicator. */
export function formValueOf(row: IndicatorRow) {
  return {
    name: row.name ?? '',
    unit: row.unit ?? '',
    responsibleUnit: row.responsible_unit ?? '',
    scoreSource: row.score_source ?? 'department',
    evidenceRequired: !!row.evidence_required,
    maxPoints: row.max_points,
    target: row.target ?? null,
    min: row.min ?? null,
    max: row.max ?? null,
    rule: JSON.stringify(row.rule ?? { kind: '' }, null, 2),
    ruleText: row.rule_text ?? '',
  };
}

/** The indicator with the values typed into the editor's form. */
export function withFormValue(
  i: SchemeIndicator,
  v: ReturnType<ReturnType<typeof indicatorForm>['getRawValue']>,
): SchemeIndicator {
  return {
    ...i,
    name: v.name.trim(),
    unit: v.unit.trim() || null,
    responsible_unit: v.responsibleUnit.trim() || null,
    score_source: v.scoreSource,
    evidence_required: v.evidenceRequired,
    max_points: v.maxPoints as number,
    target: v.target,
    min: v.min,
    max: v.max,
    rule: JSON.parse(v.rule) as SchemeRule,
    rule_text: v.ruleText.trim() || null,
  };
}

/** Splits the host's problems: an indicator's messages about a rule parameter go beside that field, the rest stay. */
export function splitByField(
  groups: ProblemGroup[],
  code: string,
  rule: SchemeRule | null,
): { beside: Record<string, string>; rest: ProblemGroup[] } {
  const beside: Record<string, string> = {};
  const rest: ProblemGroup[] = [];
  for (const group of groups) {
    const left = group.messages.filter((m) => {
      const field = group.target === code ? fieldOfMessage(m, rule) : null;
      if (field) {
        beside[field] = beside[field] ? `${beside[field]} ${m}` : m;
      }
      return !field;
    });
    if (left.length) {
      rest.push({ ...group, messages: left });
    }
  }
  return { beside, rest };
}
