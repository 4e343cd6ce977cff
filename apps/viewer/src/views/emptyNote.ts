import { h } from '../ui/h.js';

/**
 * The line a view shows when there is nothing to draw yet, saying what to do.
 *
 * @param text what is missing and how to get it.
 * @returns the element.
 */
export function emptyNote(text: string): HTMLParagraphElement {
  return h('p', { class: 'empty', text });
}
