/** The texts a page spec reads back from the rendered page. */

/** The cells of each data row of the page's table, their white space folded. */
export function tableCells(el: HTMLElement): string[][] {
  return Array.from(el.querySelectorAll('tbody tr.ant-table-row')).map((tr) =>
    Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.replace(/\s+/g, ' ').trim()),
  );
}

/** The error texts shown under the form's fields. */
export function fieldErrorTexts(el: HTMLElement): string[] {
  return Array.from(el.querySelectorAll('.ant-form-item-explain-error')).map((e) =>
    e.textContent!.trim(),
  );
}
