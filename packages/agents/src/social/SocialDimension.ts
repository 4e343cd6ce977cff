/** Numeric traits a social attribute value may carry, used to build simulation hints. */
export interface SocialTraits {
  /** Familiarity with the places of a US-geography question, 0..1. */
  familiarity?: number;
  /** Numeracy proxy, 0..1. */
  numeracy?: number;
}

/** One value of a social dimension. */
export interface SocialValue {
  /** Stable id used in persona attributes and ids, e.g. "25-34". */
  id: string;
  /** How the value is told to the persona, second person, e.g. "You are 25 to 34 years old." */
  phrase: string;
  traits?: SocialTraits;
}

/**
 * A social dimension: a named list of values with the source of its categories.
 *
 * Intuition: census-style categories make personas comparable with real survey populations
 * ("silicon sampling", Argyle et al. 2023); `source` says where the categories come from.
 */
export interface SocialDimension {
  /** Attribute key, e.g. "age". */
  id: string;
  /** Human-readable name, e.g. "age group". */
  name: string;
  /** Where the categories come from. */
  source: string;
  values: readonly SocialValue[];
}
