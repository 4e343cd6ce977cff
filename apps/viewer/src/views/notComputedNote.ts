import { h } from '../ui/h.js';

/**
 * The note under a strategy table naming the strategies not computed for this crowd (e.g. a
 * select crowd without an ability cue), with why; they get no row and no curve.
 *
 * @param list the strategies and reasons (`partitionAggregates(...).notComputed`).
 * @returns the note, or an empty text node when every strategy was computed.
 */
export function notComputedNote(list: readonly { readonly name: string; readonly reason: string }[]): Node {
  if (list.length === 0) return document.createTextNode('');
  return h('p', {
    class: 'note',
    testid: 'not-computed',
    text: `Not computed for this crowd: ${list.map((s) => `${s.name} (${s.reason})`).join('; ')}.`,
  });
}
