import { canonicalJson } from '@emocrowd/models';
import type { StudyManifest } from './StudyManifest.js';

/**
 * Names the first difference between two study manifests in what determines the answers: the
 * cells (names, levels, settings), the scale and the shard. Contrasts, report options and the
 * file's text may differ: they change no answer.
 *
 * @param stored the manifest in the study directory
 * @param wanted the manifest from the file and flags given now
 * @param labels how the two are named in the phrase (default "now" and "in the directory")
 * @returns a phrase such as `cell emotion-base: model is "synthetic" here and "ollama:x" there`, or undefined
 */
export function describeStudyDifference(
  stored: StudyManifest,
  wanted: StudyManifest,
  labels: { wanted: string; stored: string } = { wanted: 'now', stored: 'in the directory' },
): string | undefined {
  const [w, d] = [labels.wanted, labels.stored];
  const fraction = (s?: { numerator: number; denominator: number }) =>
    s ? `${s.numerator}/${s.denominator}` : 'none';
  if (fraction(stored.scale) !== fraction(wanted.scale))
    return `--scale: ${fraction(wanted.scale)} ${w}, ${fraction(stored.scale)} ${d}`;
  const shard = (s?: { index: number; count: number }) => (s ? `${s.index + 1}/${s.count}` : 'none');
  if (shard(stored.shard) !== shard(wanted.shard))
    return `--shard: ${shard(wanted.shard)} ${w}, ${shard(stored.shard)} ${d}`;
  const names = (m: StudyManifest) => m.design.cells.map((c) => c.name).join(', ');
  if (names(stored) !== names(wanted)) return `cells: ${names(wanted)} ${w}, ${names(stored)} ${d}`;
  for (const cell of wanted.design.cells) {
    const before = stored.design.cells.find((c) => c.name === cell.name);
    if (!before) continue;
    const keys = [...new Set([...Object.keys(cell.settings), ...Object.keys(before.settings)])].sort();
    for (const key of keys) {
      const now = canonical((cell.settings as Record<string, unknown>)[key]);
      const then = canonical((before.settings as Record<string, unknown>)[key]);
      if (now !== then) return `cell ${cell.name}: ${key} is ${now ?? 'unset'} ${w}, ${then ?? 'unset'} ${d}`;
    }
    if (canonical(cell.factors) !== canonical(before.factors))
      return `cell ${cell.name}: its factor levels differ`;
  }
  return undefined;
}

function canonical(value: unknown): string | undefined {
  return value === undefined ? undefined : canonicalJson(value);
}
