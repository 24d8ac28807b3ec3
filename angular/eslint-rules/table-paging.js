// An nz-table pages in the browser by 10 rows even with its pager hidden, so a table that says nothing
// about paging shows its first 10 rows and hides the rest (the review queue of 300 cities showed 10).
// Every nz-table must say how its rows are shown: a list directive, an explicit page size, all rows
// (nzFrontPagination false) or template mode.
const SAYS_HOW = new Set([
  'appListTable',
  'appPagedTable',
  'appRowPages',
  'nzPageSize',
  'nzTemplateMode',
]);

/** @type {import('eslint').Rule.RuleModule} */
module.exports = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      unpaged:
        'nz-table shows only 10 rows unless told otherwise: bind [appRowPages], [appListTable] or [appPagedTable], set [nzPageSize], or show every row with [nzFrontPagination]="false".',
    },
  },
  create(context) {
    const check = (node) => {
      if (node.name !== 'nz-table') {
        return;
      }
      const attributes = [...(node.attributes ?? []), ...(node.inputs ?? [])];
      if (attributes.some((a) => SAYS_HOW.has(a.name))) {
        return;
      }
      const front = (node.inputs ?? []).find((a) => a.name === 'nzFrontPagination');
      if (front && /^\s*false\s*$/.test(front.value?.source ?? '')) {
        return;
      }
      const services = context.sourceCode.parserServices;
      context.report({
        loc: services.convertNodeSourceSpanToLoc(node.startSourceSpan ?? node.sourceSpan),
        messageId: 'unpaged',
      });
    };
    return { Element: check, Element$1: check };
  },
};
