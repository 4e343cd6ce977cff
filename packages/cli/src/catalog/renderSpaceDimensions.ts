import { type PersonaSpace, SOCIAL_DIMENSIONS } from '@emocrowd/agents';

/**
 * Lists a persona space's dimensions and their values: the emotion labels first, then each
 * social dimension (with its human name and the source of its categories when it is built in).
 *
 * @param space - the space
 * @returns the text, ending with a newline
 */
export function renderSpaceDimensions(space: PersonaSpace): string {
  const lines = [`space ${space.name}: ${space.count.toLocaleString('en-US')} personas`];
  if (space.description) lines.push(`  ${space.description}`);
  lines.push('');
  if (space.emotionLabels.length > 0)
    lines.push(`emotion (${space.emotionLabels.length}): ${space.emotionLabels.join(', ')}`);
  for (const d of space.dimensions) {
    const builtIn = SOCIAL_DIMENSIONS[d.id];
    const about = builtIn ? ` — ${builtIn.name}; ${builtIn.source}` : '';
    lines.push(`${d.id} (${d.values.length}): ${d.values.join(', ')}${about}`);
  }
  return `${lines.join('\n')}\n`;
}
