import type { Rng } from '../Rng.js';
import { ANSWER_TEMPLATES } from './answerTemplates.js';
import { formatNumber } from './formatNumber.js';
import { roundingStep, roundLikeHuman } from './roundLikeHuman.js';
import type { SimulatedEstimate } from './simulateEstimate.js';
import { SYNTHETIC_PARAMETERS, type SyntheticParameters } from './syntheticParameters.js';

/** The text of a simulated answer and, for structured requests, the object it encodes. */
export interface RenderedAnswer {
  text: string;
  /** Present for structured answers: `{ estimate, confidence, reasoning[, unit] }`. */
  structured?: StructuredAnswer;
}

/** The structured (JSON) answer of the synthetic model. */
export interface StructuredAnswer {
  /** The number the persona wrote (in `unit` when present, else meant in the task's unit); null for a refusal. */
  estimate: number | null;
  confidence: number;
  reasoning: string;
  /** Only when the schema has a `unit` property. */
  unit?: string;
}

/** How units are written after a number: " miles" for "mi"; unknown units as given. */
const UNIT_WORDS: Readonly<Record<string, string>> = {
  mi: 'miles',
  km: 'km',
  m: 'meters',
  ft: 'feet',
  lb: 'pounds',
  kg: 'kg',
  g: 'grams',
  kcal: 'calories',
  '': '',
};
const unitSuffixes = new Map<string, string>();

function unitSuffix(unit: string): string {
  let suffix = unitSuffixes.get(unit);
  if (suffix === undefined) {
    const word = UNIT_WORDS[unit] ?? unit;
    suffix = word === '' ? '' : ` ${word}`;
    if (unitSuffixes.size < 256) unitSuffixes.set(unit, suffix);
  }
  return suffix;
}

const RANGE_SEPARATORS = ['-', '–', ' to '] as const;

/** Options of one rendering. */
export interface RenderOptions {
  /** Answer as JSON (the request carried a schema). */
  structured: boolean;
  /** The schema has a `unit` property, so a structured answer may name its unit. */
  schemaHasUnit: boolean;
}

/**
 * Puts a simulated answer into words, in the persona's emotional register.
 *
 * Free text (no schema): with probability `refusalRate` a refusal without a number; otherwise a
 * template of the persona's emotion group around "<number> <unit>", where the number is a range
 * ("1,100-1,300", "1,100 to 1,300"; midpoint = the estimate) with probability `rangeRate`, shorthand
 * ("1.3k") with probability `shorthandRate` for multiples of 10 from 1,000 up, written without
 * separator ("1300") with probability `plainNumberRate`, else grouped ("1,300").
 * Structured: the JSON text `{"estimate":..,"confidence":..,"reasoning":".."}` (estimate null for a
 * refusal; the reasoning mentions a confused unit, or a `unit` field carries it when the schema has
 * one). Texts are concatenated from precompiled pieces: no JSON.stringify on the hot path.
 *
 * @param estimate - the simulated numbers
 * @param rng - the same stream the numbers came from (draws continue in a fixed order)
 * @param options - structured or free text
 * @param params - model parameters (for the answer-form rates)
 * @returns the answer text (and structured object)
 */
export function renderAnswer(
  estimate: SimulatedEstimate,
  rng: Rng,
  options: RenderOptions,
  params: Readonly<SyntheticParameters> = SYNTHETIC_PARAMETERS,
): RenderedAnswer {
  const templates = ANSWER_TEMPLATES[estimate.group];
  const refuse = rng.next() < params.refusalRate;
  const form = rng.next();
  const pick = rng.next();

  if (options.structured) {
    const confidence = refuse ? 0 : estimate.confidence;
    let reasoning = refuse
      ? (templates.refusals[Math.floor(pick * templates.refusals.length)] as string)
      : (templates.reasoning[Math.floor(pick * templates.reasoning.length)] as string);
    const value = refuse ? null : estimate.value;
    if (options.schemaHasUnit && !refuse) {
      const structured: StructuredAnswer = {
        estimate: value,
        confidence,
        reasoning,
        unit: estimate.reportedUnit,
      };
      return { text: JSON.stringify(structured), structured };
    }
    if (estimate.unitConfused && !refuse) {
      reasoning = `${reasoning} I answered in ${estimate.reportedUnit}.`;
      const structured: StructuredAnswer = { estimate: value, confidence, reasoning };
      return { text: JSON.stringify(structured), structured };
    }
    return {
      text: `{"estimate":${value},"confidence":${confidence},"reasoning":"${reasoning}"}`,
      structured: { estimate: value, confidence, reasoning },
    };
  }

  if (refuse) return { text: templates.refusals[Math.floor(pick * templates.refusals.length)] as string };
  const value = estimate.value;
  let number: string;
  if (form < params.rangeRate) {
    const grain = roundingStep(value, 'twoSignificant');
    const halfWidth = Math.max(grain, Math.round((value * params.rangeHalfWidth) / grain) * grain);
    const low = roundLikeHuman(value - halfWidth, 'exact');
    const high = roundLikeHuman(value + halfWidth, 'exact');
    const separator = RANGE_SEPARATORS[Math.floor(rng.next() * RANGE_SEPARATORS.length)] as string;
    number = formatNumber(low, 'grouped') + separator + formatNumber(high, 'grouped');
  } else if (form < params.rangeRate + params.shorthandRate && value >= 1000 && value % 10 === 0) {
    number = formatNumber(value, 'shorthand');
  } else {
    number = formatNumber(value, form > 1 - params.plainNumberRate ? 'plain' : 'grouped');
  }
  const template = templates.answers[Math.floor(pick * templates.answers.length)] as readonly [
    string,
    string,
  ];
  return { text: template[0] + number + unitSuffix(estimate.reportedUnit) + template[1] };
}
