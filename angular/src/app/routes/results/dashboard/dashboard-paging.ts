import { signal } from '@angular/core';

import { ResultsRankingRowDto as RankingRowDto } from '@api/models';
import { cityNameFilter } from '@shared/city-name-filter';

/** Page sizes of the dashboard's long tables (300 cities at national scale). */
export const PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

/**
 * The page size of one table, kept in the browser so that the user's choice outlives the visit
 * (the dashboard is opened again and again during an assessment).
 */
export function storedPageSize(key: string) {
  const storageKey = `dashboard.pageSize.${key}`;
  let initial = DEFAULT_PAGE_SIZE;
  try {
    const saved = Number(localStorage.getItem(storageKey));
    if (PAGE_SIZES.includes(saved)) {
      initial = saved;
    }
  } catch {
    // no storage (private mode): the default
  }
  const size = signal(initial);
  return {
    size: size.asReadonly(),
    set(value: number): void {
      size.set(value);
      try {
        localStorage.setItem(storageKey, String(value));
      } catch {
        // not kept, still applied
      }
    },
  };
}

/** Columns the ranking sorts by. */
export type RankingSortKey = 'rank' | 'total' | 'change';
export type SortOrder = 'ascend' | 'descend' | null;

/**
 * The ranking sorted over every city (not only the page shown); no order or no sort keeps the
 * ranking's own order. Missing figures go last in both directions.
 */
export function sortRanking(
  rows: readonly RankingRowDto[],
  key: RankingSortKey | null,
  order: SortOrder,
): RankingRowDto[] {
  if (!key || !order) {
    return [...rows];
  }
  const sign = order === 'ascend' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    if (x === null || x === undefined) {
      return y === null || y === undefined ? 0 : 1;
    }
    if (y === null || y === undefined) {
      return -1;
    }
    return (x - y) * sign;
  });
}

/** The first row whose city name holds the text (trimmed, any case), or -1. */
export function findCity(rows: readonly RankingRowDto[], text: string): number {
  const matches = cityNameFilter(text);
  return matches ? rows.findIndex(matches) : -1;
}

/** The page (from 1) that shows the row at index. */
export function pageOf(index: number, pageSize: number): number {
  return Math.floor(Math.max(index, 0) / pageSize) + 1;
}
