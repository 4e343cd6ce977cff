import type { Persona } from '@emocrowd/agents';

/** The crowd to ask: a count and random access by position, so a million personas are never materialised. */
export interface PersonaList {
  readonly count: number;
  at(position: number): Persona;
}

/** A PersonaList over an array. */
export function personaListOf(personas: readonly Persona[]): PersonaList {
  return {
    count: personas.length,
    at: (position) => {
      const persona = personas[position];
      if (persona === undefined) throw new RangeError(`no persona at position ${position}`);
      return persona;
    },
  };
}
