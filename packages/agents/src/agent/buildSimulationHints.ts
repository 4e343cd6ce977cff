import type { SimulationHints } from '@emocrowd/models';
import { beamToGoEmotion } from '../emotion/beamMapping.js';
import type { EmotionState } from '../emotion/EmotionState.js';
import { type Condition, showsEmotion, showsSocial } from '../persona/Condition.js';
import type { Persona } from '../persona/Persona.js';
import type { SocialContext } from '../prompt/PromptBuilder.js';
import { socialTraits } from '../social/socialTraits.js';
import type { EstimationTask } from '../task/EstimationTask.js';

/** Familiarity of a persona holding an attribute value listed in the task's `subject.familiar`. */
export const KNOWS_SUBJECT_FAMILIARITY = 0.9;

/**
 * The simulation hints of one call: what a simulated model needs to know that a real model
 * would read from the prompt.
 *
 * Behaviour:
 * 1. truth, unit and confusableUnit come from the task.
 * 2. emotion (label, valence, arousal, intensity) only when the condition tells the persona its
 *    emotion; familiarity and numeracy only when it tells the social attributes - the hints
 *    never carry what the prompt does not say. A BEAM word is sent as its GoEmotions
 *    counterpart when it has one (rage -> anger, so the synthetic model speaks and biases as
 *    for anger), else as itself (the synthetic model then goes by valence and arousal).
 * 3. familiarity: 0.9 when an attribute value is listed in `task.subject.familiar`; otherwise,
 *    for 'us-geography' tasks, the region / occupation familiarity trait (see socialTraits);
 *    otherwise absent. numeracy: the mean numeracy trait.
 * 4. socialAnchor: the shown aggregate, or the median of the shown neighbours' values;
 *    previousEstimate as given, and with it `revision` (the round: how many answers the persona
 *    gave before) and `persona` (its id, so a simulated persona is as stubborn in every round,
 *    as a person would be).
 *
 * @param persona - the persona
 * @param task - the task
 * @param condition - what the persona is told
 * @param social - social-influence context
 * @param round - the social-influence round (0 = first answer)
 * @returns the hints
 */
export function buildSimulationHints(
  persona: Persona,
  task: EstimationTask,
  condition: Condition,
  social?: SocialContext,
  round = 0,
): SimulationHints {
  const hints: SimulationHints = { truth: task.truth.value, unit: task.unit };
  if (task.confusableUnit !== undefined) hints.confusableUnit = { ...task.confusableUnit };
  if (showsEmotion(condition) && persona.emotion !== undefined) {
    const { valence, arousal, intensity } = persona.emotion;
    hints.emotion = { label: hintLabel(persona.emotion), valence, arousal, intensity };
  }
  if (showsSocial(condition)) {
    const traits = socialTraits(persona.attributes);
    const familiar = task.subject.familiar;
    const knows =
      familiar !== undefined &&
      Object.entries(familiar).some(([dim, values]) => {
        const value = persona.attributes[dim];
        return value !== undefined && values.includes(value);
      });
    if (knows) hints.familiarity = Math.max(KNOWS_SUBJECT_FAMILIARITY, traits.familiarity ?? 0);
    else if (task.subject.kind === 'us-geography' && traits.familiarity !== undefined)
      hints.familiarity = traits.familiarity;
    if (traits.numeracy !== undefined) hints.numeracy = traits.numeracy;
  }
  if (social?.previousEstimate !== undefined) {
    hints.previousEstimate = social.previousEstimate;
    hints.revision = round;
    hints.persona = persona.id;
  }
  const shown = social?.shown;
  if (shown?.kind === 'aggregate') hints.socialAnchor = shown.value;
  else if (shown?.kind === 'neighbours' && shown.values.length > 0) hints.socialAnchor = median(shown.values);
  return hints;
}

function hintLabel(emotion: EmotionState): string {
  if (emotion.model !== 'beam') return emotion.label;
  return beamToGoEmotion(emotion.label) ?? emotion.label;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
