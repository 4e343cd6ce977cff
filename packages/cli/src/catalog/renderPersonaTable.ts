import type { Persona } from '@emocrowd/agents';
import { renderTable } from '../output/renderTable.js';

/**
 * Renders personas as a table: id, emotion with its intensity, then one column per social
 * attribute (in the order the attributes first appear).
 *
 * Intuition: one persona a row reads like a roster; the intensity is shown because the prompt
 * words it ("mild", "intense"), and the id because it keys a persona's answers in a run.
 *
 * @param personas - the personas, in the order to show
 * @returns the table text
 */
export function renderPersonaTable(personas: readonly Persona[]): string {
  const keys: string[] = [];
  for (const p of personas) for (const k of Object.keys(p.attributes)) if (!keys.includes(k)) keys.push(k);
  const hasEmotion = personas.some((p) => p.emotion !== undefined);
  const columns = [
    { header: 'id' },
    ...(hasEmotion ? [{ header: 'emotion (intensity)' }] : []),
    ...keys.map((k) => ({ header: k })),
  ];
  const rows = personas.map((p) => [
    p.id,
    ...(hasEmotion ? [p.emotion ? `${p.emotion.label} (${p.emotion.intensity.toFixed(2)})` : '–'] : []),
    ...keys.map((k) => p.attributes[k] ?? '–'),
  ]);
  return renderTable(columns, rows);
}
