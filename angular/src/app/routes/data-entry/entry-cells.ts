/** Where Enter goes in a line: its value's first input (number box, grade, checklist item). */
const VALUE_INPUTS = 'td[data-value] input:not([disabled])';

/** Enter goes down to the next line's value, like a spreadsheet; lines with nothing to enter are passed. */
export function focusNextCell(event: Event): void {
  const box = event.target as HTMLElement;
  const grid: ParentNode = box.closest('app-entry-grid') ?? box.ownerDocument;
  const rows = Array.from(grid.querySelectorAll<HTMLElement>('tr[data-line]'));
  const row = box.closest<HTMLElement>('tr[data-line]');
  for (const next of rows.slice(row ? rows.indexOf(row) + 1 : 0)) {
    const target = next.querySelector<HTMLElement>(VALUE_INPUTS);
    if (target) {
      target.focus();
      return;
    }
  }
}

/** The text typed in an input or textarea. */
export function typedText(event: Event): string {
  return (event.target as HTMLInputElement).value;
}
