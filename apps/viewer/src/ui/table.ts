import { h } from './h.js';

/**
 * A plain table of text cells.
 *
 * @param head column titles.
 * @param rows cell texts.
 * @param testid test id of the table.
 * @param textColumns how many leading columns hold text (the rest are numbers, right-aligned).
 * @returns the table.
 */
export function table(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  testid?: string,
  textColumns = 1,
): HTMLTableElement {
  return h(
    'table',
    testid ? { testid } : {},
    h('thead', {}, h('tr', {}, ...head.map((c) => h('th', { text: c })))),
    h(
      'tbody',
      {},
      ...rows.map((row) =>
        h('tr', {}, ...row.map((c, i) => h('td', { class: i >= textColumns ? 'num' : '', text: c }))),
      ),
    ),
  );
}
