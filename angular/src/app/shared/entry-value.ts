import {
  DataEntryEntryLineDto as EntryLineDto,
  DataEntryEntryOccurrenceDto as EntryOccurrenceDto,
  DataEntryEntryValueDto as EntryValueDto,
} from '@api/models';
import { SchemeDefinition, SchemeIndicator, flattenIndicators } from './scheme-definition';

/** What the grid asks for, by the indicator's rule. */
export type EntryInputKind =
  'number' | 'occurrences' | 'grade' | 'checklist' | 'survey' | 'computed';

export interface OccurrenceType {
  /** Null when the rule has one rate for every occurrence. */
  type: string | null;
  name: string;
}

/** The choices a line's inputs offer, read from the scheme's rule of the indicator. */
export interface EntryOptions {
  kind: EntryInputKind;
  occurrenceTypes: OccurrenceType[];
  /** Flags that double a deduction (重大活动安保期间…). */
  flags: string[];
  grades: string[];
  checklistItems: string[];
  surveyComponents: { key: string; name: string }[];
  ruleText: string | null;
  /** The rule compares with a reference figure (province average or last year's): shown beside the value. */
  reference: boolean;
  /** The rule compares with last year's figure: the city may give 上年同期值 when the system has none. */
  lastYear: boolean;
}

interface NamedRate {
  type?: string;
  name?: string;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The options of a line; without the scheme's indicator the kind still comes from the line's rule kind. */
export function entryOptions(
  line: Pick<EntryLineDto, 'ruleKind'>,
  indicator?: SchemeIndicator | null,
): EntryOptions {
  const rule = indicator?.rule ?? null;
  const ruleKind = rule?.kind ?? line.ruleKind ?? '';
  const options: EntryOptions = {
    kind: 'number',
    occurrenceTypes: [],
    flags: [],
    grades: [],
    checklistItems: [],
    surveyComponents: [],
    ruleText: indicator?.rule_text ?? null,
    reference: false,
    lastYear: false,
  };
  if ((indicator?.formula ?? '').trim() !== '' || ruleKind === 'formula') {
    options.kind = 'computed';
    return options;
  }
  switch (ruleKind) {
    case 'yoy_change':
      options.lastYear = (rule?.['measure'] ?? 'percent_change') !== 'reported';
      options.reference = options.lastYear;
      break;
    case 'rank_change':
      options.lastYear = options.reference = true;
      break;
    case 'reference_comparison':
      options.reference = true;
      options.lastYear = rule?.['ref'] === 'last_year';
      break;
    case 'per_occurrence_deduction': {
      options.kind = 'occurrences';
      const rates = (Array.isArray(rule?.['rates']) ? rule['rates'] : []) as NamedRate[];
      options.occurrenceTypes = rates
        .filter((r) => typeof r?.type === 'string')
        .map((r) => ({ type: r.type!, name: r.name || r.type! }));
      if (!options.occurrenceTypes.length) {
        options.occurrenceTypes = [{ type: null, name: '' }];
      }
      options.flags = strings(rule?.['double_when']);
      break;
    }
    case 'qualitative_grade': {
      options.kind = 'grade';
      const grades = (Array.isArray(rule?.['grades']) ? rule['grades'] : []) as {
        grade?: string;
      }[];
      options.grades = grades.map((g) => g?.grade ?? '').filter((g) => g !== '');
      break;
    }
    case 'checklist':
      options.kind = 'checklist';
      options.checklistItems = strings(rule?.['items']);
      break;
    case 'survey_composite': {
      options.kind = 'survey';
      const components = (Array.isArray(rule?.['components']) ? rule['components'] : []) as {
        key?: string;
        name?: string;
      }[];
      options.surveyComponents = components
        .filter((c) => typeof c?.key === 'string')
        .map((c) => ({ key: c.key!, name: c.name || c.key! }));
      break;
    }
  }
  return options;
}

/** Indicators of a scheme definition by code. */
export function indicatorsByCode(definition: SchemeDefinition): Record<string, SchemeIndicator> {
  const result: Record<string, SchemeIndicator> = {};
  for (const row of flattenIndicators(definition)) {
    result[row.code] = row;
  }
  return result;
}

/** The count entered for an occurrence type (0 when none). */
export function occurrenceCount(
  value: EntryValueDto | null | undefined,
  type: string | null,
): number {
  return (value?.occurrences ?? []).find((o) => (o.type ?? null) === type)?.count ?? 0;
}

export function occurrenceFlags(
  value: EntryValueDto | null | undefined,
  type: string | null,
): string[] {
  return (value?.occurrences ?? []).find((o) => (o.type ?? null) === type)?.flags ?? [];
}

/** A copy of the value with the occurrence of a type set (a count of 0 without flags is dropped). */
export function withOccurrence(
  value: EntryValueDto,
  type: string | null,
  count: number,
  flags: string[],
): EntryValueDto {
  const others = (value.occurrences ?? []).filter((o) => (o.type ?? null) !== type);
  const occurrence: EntryOccurrenceDto = { type, count, flags };
  return { ...value, occurrences: [...others, occurrence] };
}

export function toggled(
  list: readonly string[] | null | undefined,
  item: string,
  on: boolean,
): string[] {
  const rest = (list ?? []).filter((x) => x !== item);
  return on ? [...rest, item] : rest;
}

/** Same value and note, compared as data (key order and missing vs empty do not matter). */
export function sameValue(
  a: EntryValueDto | null | undefined,
  b: EntryValueDto | null | undefined,
): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: EntryValueDto | null | undefined): string {
  const v = value ?? {};
  const occurrences = [...(v.occurrences ?? [])]
    .filter((o) => (o.count ?? 0) !== 0 || (o.flags ?? []).length > 0)
    .map((o) => ({ type: o.type ?? null, count: o.count ?? 0, flags: [...(o.flags ?? [])].sort() }))
    .sort((x, y) => String(x.type).localeCompare(String(y.type)));
  const rates = Object.entries(v.surveyRates ?? {}).sort(([x], [y]) => x.localeCompare(y));
  return JSON.stringify({
    number: v.number ?? null,
    occurrences,
    flags: [...(v.flags ?? [])].sort(),
    grade: v.grade ?? null,
    checklist: [...(v.checklistPresent ?? [])].sort(),
    rates,
    lastYearNumber: v.lastYearNumber ?? null,
  });
}

/** One line of text for a value, as a reviewer reads it ("到省×2（重大活动安保期间）", "优", "制度、台账"). */
export function valueText(
  value: EntryValueDto | null | undefined,
  options?: Pick<EntryOptions, 'occurrenceTypes' | 'surveyComponents'> | null,
): string {
  if (!value) {
    return '—';
  }
  const parts: string[] = [];
  if (value.number !== null && value.number !== undefined) {
    parts.push(String(value.number));
  }
  for (const o of value.occurrences ?? []) {
    const name =
      options?.occurrenceTypes.find((t) => t.type === (o.type ?? null))?.name || o.type || '';
    const flags = (o.flags ?? []).length ? `（${(o.flags ?? []).join('、')}）` : '';
    parts.push(`${name ? name + '×' : ''}${o.count ?? 0}${flags}`);
  }
  if ((value.flags ?? []).length) {
    parts.push(`（${(value.flags ?? []).join('、')}）`);
  }
  if (value.grade) {
    parts.push(value.grade);
  }
  if (value.checklistPresent) {
    parts.push(value.checklistPresent.length ? value.checklistPresent.join('、') : '∅');
  }
  for (const [key, rate] of Object.entries(value.surveyRates ?? {})) {
    const name = options?.surveyComponents.find((c) => c.key === key)?.name || key;
    parts.push(`${name} ${rate}`);
  }
  return parts.length ? parts.join(' ') : '—';
}

/** The 上年同期值 box is offered when the rule needs last year's figure and no previous period gives it. */
export function offersLastYear(
  line: Pick<EntryLineDto, 'referenceSource'>,
  options: Pick<EntryOptions, 'lastYear'>,
): boolean {
  return options.lastYear && line.referenceSource !== 'PreviousPeriod';
}

/** "1.5 MB", "320 KB". */
export function fileSizeText(bytes: number | null | undefined): string {
  const n = bytes ?? 0;
  if (n >= 1024 * 1024) {
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
  }
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** Whether the browser can show a file of this type itself (image or PDF) instead of downloading it. */
export function isPreviewable(contentType: string | null | undefined): boolean {
  return (
    /^image\/(png|jpeg|gif|webp)$/.test(contentType ?? '') || contentType === 'application/pdf'
  );
}
