import { formatIntensity } from '../emotion/beamSpectra.js';
import { DEFAULT_EMOTION_INTENSITY, type EmotionState } from '../emotion/EmotionState.js';
import { PLUTCHIK_LEVEL_INTENSITY, parsePlutchikTerm } from '../emotion/plutchik.js';
import { stableHash } from './stableHash.js';

/**
 * One simulated person: an optional emotion and social attributes.
 *
 * `id` is derived from the content only (see {@link personaKey}), so the same persona has
 * the same id in every run and every space. `index` is its position in the space it was
 * defined in; it seeds the persona's model calls and survives filtering.
 */
export interface Persona {
  id: string;
  index: number;
  emotion?: EmotionState;
  /** Social attributes: dimension id -> value id, e.g. { age: '25-34', region: 'upper-midwest' }. */
  attributes: Readonly<Record<string, string>>;
}

/**
 * The canonical text of an emotion: the GoEmotions label at the default intensity, prefixed
 * "plutchik:" for Plutchik terms and suffixed "@<intensity>" when the intensity is not the
 * default (0.7 for GoEmotions, the ring's intensity for Plutchik terms); a BEAM state is always
 * "beam:<spectrum>@<signed intensity>" ("beam:sadness-joy@-0.6"). Two states with the same key
 * are the same feeling as far as a prompt or the synthetic model can tell.
 *
 * @param emotion - the emotion
 * @returns its key, e.g. "joy", "anger@0.3", "plutchik:serenity", "beam:fear-courage@1"
 */
export function emotionKey(emotion: EmotionState): string {
  if (emotion.model === 'beam')
    return `beam:${emotion.spectrum}@${formatIntensity(emotion.signedIntensity ?? 0)}`;
  const name = emotion.model === 'plutchik' ? `plutchik:${emotion.label}` : emotion.label;
  return emotion.intensity === defaultIntensity(emotion) ? name : `${name}@${emotion.intensity}`;
}

/**
 * The canonical text of a persona: "emotion=joy|age=25-34|region=upper-midwest".
 *
 * Behaviour: the emotion comes first as its {@link emotionKey}; attributes follow sorted by
 * key, so dimension order does not matter.
 *
 * @param emotion - the emotion, if any
 * @param attributes - the social attributes
 * @returns the canonical key
 */
export function personaKey(
  emotion: EmotionState | undefined,
  attributes: Readonly<Record<string, string>>,
): string {
  const parts: string[] = [];
  if (emotion !== undefined) parts.push(`emotion=${emotionKey(emotion)}`);
  for (const key of Object.keys(attributes).sort()) parts.push(`${key}=${attributes[key]}`);
  return parts.join('|');
}

function defaultIntensity(emotion: EmotionState): number | undefined {
  if (emotion.model === 'goemotions') return DEFAULT_EMOTION_INTENSITY;
  const term = parsePlutchikTerm(emotion.label);
  return term === undefined ? undefined : PLUTCHIK_LEVEL_INTENSITY[term.level];
}

/**
 * The stable id of a persona: "p" + 14 hex digits of {@link stableHash} of {@link personaKey}.
 *
 * @param emotion - the emotion, if any
 * @param attributes - the social attributes
 * @returns the id, e.g. "p001f3a9c0d2b7e"
 */
export function personaId(
  emotion: EmotionState | undefined,
  attributes: Readonly<Record<string, string>>,
): string {
  return `p${stableHash(personaKey(emotion, attributes))}`;
}
