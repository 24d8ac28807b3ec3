/** The value boxes of the grid, in the order Tab and Enter move through them. */
const CELLS = 'input.entry-cell:not([disabled])';

/** Enter moves to the next value box of the grid, like a spreadsheet. */
export function focusNextCell(event: Event): void {
  const box = event.target as HTMLInputElement;
  const grid: ParentNode = box.closest('app-entry-grid') ?? box.ownerDocument;
  const boxes = Array.from(grid.querySelectorAll<HTMLInputElement>(CELLS));
  boxes[boxes.indexOf(box) + 1]?.focus();
}

/** The text typed in an input or textarea. */
export function typedText(event: Event): string {
  return (event.target as HTMLInputElement).value;
}
