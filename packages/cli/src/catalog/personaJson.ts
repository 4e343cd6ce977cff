import type { Persona } from '@emocrowd/agents';

/** A persona as `--json` prints it. */
export interface PersonaJson {
  id: string;
  index: number;
  emotion: {
    model: string;
    label: string;
    intensity: number;
    valence: number;
    arousal: number;
    /** BEAM only. */
    spectrum?: string;
    /** BEAM only: -1 .. +1. */
    signedIntensity?: number;
  } | null;
  attributes: Record<string, string>;
}

/**
 * The JSON view of a persona: stable keys, `emotion` null when the persona has none.
 *
 * @param persona - the persona
 * @returns the JSON-ready object
 */
export function personaJson(persona: Persona): PersonaJson {
  const e = persona.emotion;
  return {
    id: persona.id,
    index: persona.index,
    emotion: e
      ? {
          model: e.model,
          label: e.label,
          intensity: e.intensity,
          valence: e.valence,
          arousal: e.arousal,
          ...(e.spectrum === undefined
            ? {}
            : { spectrum: e.spectrum, signedIntensity: e.signedIntensity ?? 0 }),
        }
      : null,
    attributes: { ...persona.attributes },
  };
}
