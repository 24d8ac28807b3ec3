/** Where Enter goes in a line: its value's first input (number box, grade, checklist item). */
const VALUE_INPUTS = 'td[data-value] input:not([disabled])';

/**
 * Raised (bubbling) when Enter finds no next line drawn: the grid draws the lines it has not drawn
 * yet and goes on from the line in the detail (its indicator code).
 */
export const MORE_LINES_EVENT = 'entrymorelines';

/** Enter goes down to the next line's value, like a spreadsheet; lines with nothing to enter are passed. */
export function focusNextCell(event: Event): void {
  const box = event.target as HTMLElement;
  const grid: ParentNode = box.closest('app-entry-grid') ?? box.ownerDocument;
  const code = box.closest<HTMLElement>('tr[data-line]')?.getAttribute('data-line') ?? null;
  if (!focusLineAfter(grid, code)) {
    box.dispatchEvent(new CustomEvent(MORE_LINES_EVENT, { bubbles: true, detail: code }));
  }
}

/** Focuses the value of the first line with one after the line of that code (all lines: null). */
export function focusLineAfter(grid: ParentNode, code: string | null): boolean {
  const rows = Array.from(grid.querySelectorAll<HTMLElement>('tr[data-line]'));
  const index = rows.findIndex((r) => r.getAttribute('data-line') === code);
  for (const next of rows.slice(index + 1)) {
    const target = next.querySelector<HTMLElement>(VALUE_INPUTS);
    if (target) {
      target.focus();
      target.scrollIntoView?.({ block: 'nearest' });
      return true;
    }
  }
  return false;
}

/** The text typed in an input or textarea. */
export function typedText(event: Event): string {
  return (event.target as HTMLInputElement).value;
}
