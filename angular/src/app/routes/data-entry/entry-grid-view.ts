import { Signal, computed, signal } from '@angular/core';

import { DataEntryEntryLineDto as EntryLineDto } from '@api/models';
import { EntryOptions } from '@shared/entry-value';
import { SchemeDefinition, flattenIndicators } from '@shared/scheme-definition';

/** The grid's filters: every line, lines not entered, lines lacking required evidence, lines sent back. */
export type EntryFilter = 'all' | 'unreported' | 'missingEvidence' | 'returned';

export const ENTRY_FILTERS: readonly EntryFilter[] = [
  'all',
  'unreported',
  'missingEvidence',
  'returned',
];

/** The lines of one category of the scheme, in sheet order, with the points they have so far. */
export interface EntryGroup {
  code: string;
  name: string;
  lines: EntryLineDto[];
  points: number;
  maxPoints: number;
}

/** What the grid view needs of the sheet. */
export interface GridViewHost {
  readonly lines: Signal<EntryLineDto[]>;
  readonly definition: Signal<SchemeDefinition | null>;
  /** The points of a line now (live while typing), null when it has none. */
  points(line: EntryLineDto): number | null;
}

/** Whether a line passes the filter. */
export function passes(line: EntryLineDto, filter: EntryFilter): boolean {
  switch (filter) {
    case 'unreported':
      return !line.reported;
    case 'missingEvidence':
      return !!line.evidenceRequired && !(line.evidence?.length ?? 0);
    case 'returned':
      return line.status === 'Returned' || !!line.returnComment;
    default:
      return true;
  }
}

/**
 * What the grid shows: the lines passing the picked filter, grouped by the scheme's category with
 * each category's subtotal of points (live, as typed) over its full marks.
 */
export class EntryGridView {
  private readonly _filter = signal<EntryFilter>('all');
  readonly filter = this._filter.asReadonly();

  private readonly categoryOf = computed(() => {
    const definition = this.host.definition();
    const result: Record<string, { code: string; name: string }> = {};
    for (const row of definition ? flattenIndicators(definition) : []) {
      result[row.code] = { code: row.categoryCode, name: row.categoryName };
    }
    return result;
  });

  /** How many lines each filter keeps. */
  readonly counts = computed(() => {
    const lines = this.host.lines();
    const counts = {} as Record<EntryFilter, number>;
    for (const filter of ENTRY_FILTERS) {
      counts[filter] = lines.filter((l) => passes(l, filter)).length;
    }
    return counts;
  });

  readonly visible = computed(() => this.host.lines().filter((l) => passes(l, this._filter())));

  readonly groups = computed<EntryGroup[]>(() => {
    const groups: EntryGroup[] = [];
    for (const line of this.visible()) {
      const category = this.categoryOf()[line.indicatorCode ?? ''] ?? { code: '', name: '' };
      let group = groups.find((g) => g.code === category.code);
      if (!group) {
        group = { ...category, lines: [], points: 0, maxPoints: 0 };
        groups.push(group);
      }
      group.lines.push(line);
      group.points += this.host.points(line) ?? 0;
      group.maxPoints += line.maxPoints ?? 0;
    }
    return groups;
  });

  constructor(private readonly host: GridViewHost) {}

  setFilter(filter: EntryFilter): void {
    this._filter.set(filter);
  }
}

/** One line of a pasted column and what became of it. */
export interface PastedCell {
  line: EntryLineDto;
  text: string;
  /** The number to enter, or null with the reason in {@link error}. */
  value: number | null;
  error: 'notNumber' | 'notNumberLine' | 'readOnly' | null;
}

/**
 * A column copied from Excel (one value a line, the rows separated by line breaks) laid over the lines
 * from the one pasted into, line by line: a number goes to a line entered as a number (or a plain
 * count); an empty cell is skipped; anything else is that line's error.
 */
export function pasteColumn(
  text: string,
  lines: EntryLineDto[],
  options: (line: EntryLineDto) => EntryOptions,
  editable: (line: EntryLineDto) => boolean,
): PastedCell[] {
  const cells = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const result: PastedCell[] = [];
  cells.forEach((raw, i) => {
    const line = lines[i];
    const cellText = raw.split('\t')[0].trim();
    if (!line || cellText === '') {
      return;
    }
    const o = options(line);
    const plainCount = o.kind === 'occurrences' && o.occurrenceTypes.length === 1;
    const value = Number(cellText.replace(/[,，]/g, '').replace(/%$/, ''));
    let error: PastedCell['error'] = null;
    if (!editable(line)) {
      error = 'readOnly';
    } else if (o.kind !== 'number' && !plainCount) {
      error = 'notNumberLine';
    } else if (!Number.isFinite(value)) {
      error = 'notNumber';
    }
    result.push({ line, text: cellText, value: error ? null : value, error });
  });
  return result;
}
