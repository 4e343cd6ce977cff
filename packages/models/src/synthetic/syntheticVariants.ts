import { SYNTHETIC_PARAMETERS, type SyntheticParameters } from './syntheticParameters.js';

/** A named parameter set of the synthetic model, chosen with `--model synthetic:NAME`. */
export interface SyntheticVariant {
  readonly name: string;
  /** One sentence: what differs from the default model and why it exists. */
  readonly description: string;
  /** The parameters that differ from SYNTHETIC_PARAMETERS (the rest keep their defaults). */
  readonly parameters: Readonly<Partial<SyntheticParameters>>;
}

/**
 * `synthetic:emotional`: the default model with every emotion effect about three times as strong
 * (twice for the arousal effects on spread and on conformity).
 *
 * Why: rehearsing a base-versus-fine-tuned study (studies/paper.yaml) needs two models that
 * differ the way an emotion fine-tune might, namely in how much the persona's emotion shapes
 * the answer, and only where the prompt tells the emotion (the hints of the social-only
 * condition carry none, so both models answer it alike). The direction of each effect is the
 * default model's (see syntheticParameters.ts for the sources); the factor of three is a
 * rehearsal setting, not a measured property of any fine-tuned model.
 */
const EMOTIONAL: SyntheticVariant = {
  name: 'emotional',
  description:
    'Emotion effects about three times as strong as the default synthetic model (valence and arousal bias, arousal spread, mood confidence, arousal conformity); a stand-in for an emotion fine-tune in rehearsals.',
  parameters: {
    valenceLogBias: SYNTHETIC_PARAMETERS.valenceLogBias * 3,
    arousalLogBias: SYNTHETIC_PARAMETERS.arousalLogBias * 3,
    arousalSdSlope: SYNTHETIC_PARAMETERS.arousalSdSlope * 2,
    confidenceValenceSlope: SYNTHETIC_PARAMETERS.confidenceValenceSlope * 3,
    anchorWeightArousalSlope: SYNTHETIC_PARAMETERS.anchorWeightArousalSlope * 2,
  },
};

/** The synthetic model's named variants (`--model synthetic:NAME`), one line each. */
export const SYNTHETIC_VARIANTS: Readonly<Record<string, SyntheticVariant>> = Object.freeze({
  emotional: EMOTIONAL,
});

/**
 * Looks a variant up by name.
 *
 * @param name - e.g. `emotional`
 * @returns the variant
 * @throws RangeError listing the known variants
 */
export function syntheticVariant(name: string): SyntheticVariant {
  const found = Object.hasOwn(SYNTHETIC_VARIANTS, name) ? SYNTHETIC_VARIANTS[name] : undefined;
  if (!found)
    throw new RangeError(
      `unknown synthetic model variant "${name}"; known: ${Object.keys(SYNTHETIC_VARIANTS).join(', ')}`,
    );
  return found;
}
