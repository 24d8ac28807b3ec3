import {
  AgreementsBulkIssueAgreementsInput as BulkIssueInput,
  TenantsTenantDto as TenantDto,
} from '@api/models';

/** One city of the bulk-issue table: whether it is issued, and the targets typed or pasted (text, by line code). */
export interface BulkCityRow {
  cityId: string;
  cityName: string;
  selected: boolean;
  targets: Record<string, string>;
}

export function bulkRows(cities: readonly TenantDto[]): BulkCityRow[] {
  return cities
    .filter((c) => !!c.id && c.isActive !== false)
    .map((c) => ({
      cityId: c.id!,
      cityName: c.displayName || c.name || '',
      selected: true,
      targets: {},
    }));
}

/** Cells as Excel copies them: tab-separated, one line per row; a trailing empty line is dropped. */
export function parsePaste(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
  }
  return lines.map((l) => l.split('\t').map((c) => c.trim()));
}

/**
 * Pastes a block into the table from the cell (row, column) where it was pasted. When the first cell of
 * every pasted line names a city, each line goes to that city's row and its cells start at the column
 * pasted into; otherwise lines fill the rows from the one pasted into. Cells beyond the table are ignored.
 */
export function pasteInto(
  rows: readonly BulkCityRow[],
  codes: readonly string[],
  row: number,
  column: number,
  block: string[][],
): BulkCityRow[] {
  const byName = (name: string) =>
    rows.findIndex((r) => r.cityName === name || r.cityName.replace(/市$/, '') === name);
  const named =
    block.length > 0 && block.every((cells) => cells.length > 1 && byName(cells[0]) >= 0);
  const result = rows.map((r) => ({ ...r, targets: { ...r.targets } }));
  block.forEach((cells, i) => {
    const target = named ? byName(cells[0]) : row + i;
    if (target < 0 || target >= result.length) {
      return;
    }
    (named ? cells.slice(1) : cells).forEach((cell, j) => {
      const code = codes[column + j];
      if (code) {
        result[target].targets[code] = cell;
      }
    });
  });
  return result;
}

/** A typed target: a number (commas, full-width digits and a trailing % allowed), null when empty, NaN when not a number. */
export function parseTarget(text: string | undefined): number | null {
  const cleaned = (text ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，%\s]/g, '');
  if (!cleaned) {
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** The cells that are not numbers, as "cityId:code". */
export function invalidCells(rows: readonly BulkCityRow[]): Set<string> {
  const bad = new Set<string>();
  for (const row of rows.filter((r) => r.selected)) {
    for (const [code, text] of Object.entries(row.targets)) {
      if (Number.isNaN(parseTarget(text))) {
        bad.add(`${row.cityId}:${code}`);
      }
    }
  }
  return bad;
}

/** The request: the selected cities in table order, each with the targets it differs by (empty cells keep the template's). */
export function bulkBody(
  templateId: string,
  year: number | null,
  issue: boolean,
  rows: readonly BulkCityRow[],
): BulkIssueInput {
  return {
    templateId,
    year,
    issue,
    cities: rows
      .filter((r) => r.selected)
      .map((r) => ({
        cityId: r.cityId,
        targets: Object.entries(r.targets)
          .map(([code, text]) => ({ code, target: parseTarget(text) }))
          .filter((t) => t.target !== null),
      })),
  };
}

/** The host's row errors (`cities[i]`, i in the request's order) by city id. */
export function rowErrors(
  errors: Record<string, string[] | null> | null | undefined,
  body: BulkIssueInput,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors ?? {})) {
    const match = /^cities\[(\d+)\]/i.exec(key);
    const city = match ? body.cities?.[Number(match[1])]?.cityId : undefined;
    if (city && messages?.length) {
      result[city] = [...(result[city] ?? []), ...messages];
    }
  }
  return result;
}
