import { basename, extname } from 'node:path';
import { GOEMOTIONS_LABELS } from '@emocrowd/models';
import { z } from 'zod';
import { BEAM_SPECTRUM_IDS, isBeamSpectrumId, parseBeamWord } from '../emotion/beamSpectra.js';
import { createEmotionState, type EmotionModel, type EmotionState } from '../emotion/EmotionState.js';
import { isGoEmotionLabel } from '../emotion/isGoEmotionLabel.js';
import { PLUTCHIK_EMOTIONS, PLUTCHIK_WHEEL, parsePlutchikTerm } from '../emotion/plutchik.js';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { loadDefinitionFile, validateDefinition } from '../file/loadDefinitionFile.js';
import { SOCIAL_DIMENSIONS } from '../social/socialDimensions.js';
import {
  createPersonaListSpace,
  createPersonaSpace,
  type PersonaSpace,
  type SpaceEmotions,
} from './PersonaSpace.js';

const MODEL = z.enum(['goemotions', 'plutchik', 'beam'], {
  error: 'expected "goemotions", "plutchik" or "beam"',
});
/** An intensity: [0, 1], or a signed BEAM level in [-1, 1]; the range is checked with the model. */
const INTENSITY = z
  .number({ error: 'expected a number from 0 to 1 (BEAM: -1 to 1)' })
  .min(-1, { error: 'expected a number from 0 to 1 (BEAM: -1 to 1)' })
  .max(1, { error: 'expected a number from 0 to 1 (BEAM: -1 to 1)' });
const INTENSITIES = z.union(
  [
    INTENSITY,
    z
      .array(INTENSITY, { error: 'expected a number or a non-empty array of numbers' })
      .min(1, { error: 'expected a number or a non-empty array of numbers' }),
  ],
  { error: 'expected a number or a non-empty array of numbers' },
);
const NON_EMPTY_STRINGS = z
  .array(z.string({ error: 'expected a non-empty array of strings' }), {
    error: 'expected a non-empty array of strings',
  })
  .min(1, { error: 'expected a non-empty array of strings' });

const EMOTION_REF = z.union(
  [
    z.string().min(1),
    z.strictObject({ label: z.string().min(1), intensity: INTENSITY.optional(), model: MODEL.optional() }),
  ],
  { error: 'expected an emotion label or { label, intensity?, model? }' },
);

const PERSONA = z.strictObject(
  {
    emotion: EMOTION_REF.optional(),
    attributes: z
      .record(z.string(), z.string({ error: 'expected a string value' }), {
        error: 'expected a map of strings',
      })
      .optional(),
  },
  { error: 'expected a persona { emotion?, attributes? }' },
);

/**
 * The zod 4 schema of a persona space file (JSON or YAML).
 *
 * Either a product space:
 * ```yaml
 * name: fargo-locals
 * emotions: { model: goemotions, labels: [joy, anger], intensity: 0.8 }   # labels: all by default
 * # or an intensity sweep along a BEAM spectrum: { model: beam, labels: [sadness-joy], intensity: [-1, -0.3, 0, 0.3, 1] }
 * dimensions:
 *   - { id: region, values: [pacific-northwest, upper-midwest] }
 *   - { id: age, values: all }                # "all" = every built-in value
 *   - { id: hobby, values: [chess, hiking] }  # custom dimensions are allowed
 * ```
 * or explicit personas (`personas: [{ emotion: joy, attributes: { age: 25-34 } }]`), or one
 * persona (`persona: { ... }`).
 */
export const PERSONA_SPACE_FILE_SCHEMA = z.strictObject(
  {
    name: z
      .string({ error: 'expected a string' })
      .min(1, { error: 'expected a non-empty string' })
      .optional(),
    description: z.string({ error: 'expected a string' }).optional(),
    emotions: z
      .strictObject(
        {
          model: MODEL.optional(),
          labels: z
            .union([z.literal('all'), NON_EMPTY_STRINGS], {
              error: 'expected "all" or a non-empty array of strings',
            })
            .optional(),
          intensity: INTENSITIES.optional(),
        },
        { error: 'expected { model?, labels?, intensity? }' },
      )
      .optional(),
    dimensions: z
      .array(
        z.strictObject(
          {
            id: z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty string' }),
            values: z.union([z.literal('all'), NON_EMPTY_STRINGS], {
              error: 'expected a non-empty array of strings',
            }),
          },
          { error: 'expected { id, values }' },
        ),
        { error: 'expected an array of dimensions' },
      )
      .optional(),
    personas: z
      .array(PERSONA, { error: 'expected an array of personas' })
      .min(1, { error: 'expected at least one persona' })
      .optional(),
    persona: PERSONA.optional(),
  },
  { error: 'expected a mapping with emotions / dimensions, personas or persona' },
);

/** A parsed persona space file. */
export type PersonaSpaceFile = z.output<typeof PERSONA_SPACE_FILE_SCHEMA>;

const ALL_PLUTCHIK_TERMS = PLUTCHIK_EMOTIONS.flatMap((e) => PLUTCHIK_WHEEL[e].terms);

function knownLabel(model: EmotionModel, label: string): boolean {
  if (model === 'goemotions') return isGoEmotionLabel(label);
  if (model === 'beam') return isBeamSpectrumId(label) || parseBeamWord(label) !== undefined;
  return parsePlutchikTerm(label) !== undefined || (PLUTCHIK_EMOTIONS as readonly string[]).includes(label);
}

function expectedLabels(model: EmotionModel): string {
  if (model === 'goemotions') return `a GoEmotions label (${GOEMOTIONS_LABELS.join(', ')})`;
  if (model === 'beam')
    return `a BEAM spectrum (${BEAM_SPECTRUM_IDS.join(', ')}) or one of its words (e.g. grief, heroism)`;
  return 'a Plutchik emotion or term (e.g. joy, serenity, rage)';
}

/** The model a bare label belongs to: GoEmotions first, then Plutchik, then BEAM. */
function modelOfLabel(label: string): EmotionModel {
  if (isGoEmotionLabel(label)) return 'goemotions';
  if (knownLabel('plutchik', label)) return 'plutchik';
  return knownLabel('beam', label) ? 'beam' : 'goemotions';
}

/** Checks intensities against the model's range: [0, 1], or [-1, 1] for BEAM. */
function checkIntensity(file: string, at: string, model: EmotionModel, value: number): void {
  if (model !== 'beam' && value < 0)
    throw new DefinitionFileError(
      file,
      at,
      `expected a number from 0 to 1 for ${model} emotions, got ${value} (signed levels are for model: beam)`,
    );
}

/**
 * Turns a parsed persona space document into a space, checking labels and built-in values.
 *
 * Behaviour: unknown emotion labels and unknown values of built-in dimensions (region, age,
 * gender, education, occupation, politics) throw {@link DefinitionFileError} naming the path,
 * e.g. `dimensions[0].values[1]: expected one of pacific-northwest, upper-midwest, ...`; so
 * does a document that mixes `personas` with `emotions`/`dimensions` or defines nothing.
 *
 * @param file - name for errors (and the default space name)
 * @param document - the parsed JSON / YAML value
 * @returns the space
 */
export function personaSpaceFromDocument(file: string, document: unknown): PersonaSpace {
  const doc = validateDefinition(file, document, PERSONA_SPACE_FILE_SCHEMA);
  const name = doc.name ?? basename(file, extname(file));
  const explicit = doc.personas ?? (doc.persona === undefined ? undefined : [doc.persona]);
  const explicitKey = doc.personas !== undefined ? 'personas' : 'persona';
  if (explicit !== undefined) {
    if (
      doc.emotions !== undefined ||
      doc.dimensions !== undefined ||
      (doc.personas !== undefined && doc.persona !== undefined)
    ) {
      throw new DefinitionFileError(
        file,
        explicitKey,
        'expected either personas / persona or emotions + dimensions, not both',
      );
    }
    const personas = explicit.map((p, i) => {
      const at = doc.personas !== undefined ? `personas[${i}]` : 'persona';
      const attributes = p.attributes ?? {};
      for (const [key, value] of Object.entries(attributes))
        checkValue(file, `${at}.attributes.${key}`, key, value);
      const out: { emotion?: EmotionState; attributes: Record<string, string> } = { attributes };
      if (p.emotion !== undefined) out.emotion = emotionFrom(file, `${at}.emotion`, p.emotion);
      return out;
    });
    return createPersonaListSpace(name, personas, doc.description ?? '');
  }
  if (doc.emotions === undefined && doc.dimensions === undefined) {
    throw new DefinitionFileError(file, '', 'expected emotions, dimensions, personas or persona');
  }
  const dimensions = (doc.dimensions ?? []).map((dim, d) => {
    const builtIn = SOCIAL_DIMENSIONS[dim.id];
    if (dim.values === 'all') {
      if (builtIn === undefined) {
        throw new DefinitionFileError(
          file,
          `dimensions[${d}].values`,
          `"all" only works for built-in dimensions (${Object.keys(SOCIAL_DIMENSIONS).join(', ')})`,
        );
      }
      return { id: dim.id, values: builtIn.values.map((v) => v.id) };
    }
    dim.values.forEach((value, v) => {
      checkValue(file, `dimensions[${d}].values[${v}]`, dim.id, value);
    });
    const seen = new Set<string>();
    dim.values.forEach((value, v) => {
      if (seen.has(value))
        throw new DefinitionFileError(
          file,
          `dimensions[${d}].values[${v}]`,
          `expected distinct values, "${value}" repeats`,
        );
      seen.add(value);
    });
    return { id: dim.id, values: dim.values };
  });
  const ids = new Set<string>();
  dimensions.forEach((dim, d) => {
    if (dim.id === 'emotion')
      throw new DefinitionFileError(
        file,
        `dimensions[${d}].id`,
        'expected an id other than "emotion" (use the emotions key)',
      );
    if (ids.has(dim.id))
      throw new DefinitionFileError(
        file,
        `dimensions[${d}].id`,
        `expected distinct ids, "${dim.id}" repeats`,
      );
    ids.add(dim.id);
  });
  if (doc.emotions === undefined)
    return createPersonaSpace({ name, description: doc.description ?? '', dimensions });
  const model = doc.emotions.model ?? 'goemotions';
  const labels =
    doc.emotions.labels === undefined || doc.emotions.labels === 'all'
      ? model === 'goemotions'
        ? [...GOEMOTIONS_LABELS]
        : model === 'beam'
          ? [...BEAM_SPECTRUM_IDS]
          : ALL_PLUTCHIK_TERMS
      : doc.emotions.labels;
  labels.forEach((label, i) => {
    if (!knownLabel(model, label))
      throw new DefinitionFileError(
        file,
        `emotions.labels[${i}]`,
        `expected ${expectedLabels(model)}, got "${label}"`,
      );
  });
  if (new Set(labels).size !== labels.length)
    throw new DefinitionFileError(file, 'emotions.labels', 'expected distinct labels');
  const intensity = doc.emotions.intensity;
  if (typeof intensity === 'number') checkIntensity(file, 'emotions.intensity', model, intensity);
  else if (intensity !== undefined) {
    intensity.forEach((value, i) => {
      checkIntensity(file, `emotions.intensity[${i}]`, model, value);
    });
    if (new Set(intensity).size !== intensity.length)
      throw new DefinitionFileError(file, 'emotions.intensity', 'expected distinct intensities');
  }
  const emotions: SpaceEmotions = { model, labels };
  if (intensity !== undefined) emotions.intensity = intensity;
  try {
    return createPersonaSpace({ name, description: doc.description ?? '', emotions, dimensions });
  } catch (error) {
    // The one way valid labels and intensities still clash: the same feeling written twice.
    if (error instanceof RangeError && /twice/.test(error.message))
      throw new DefinitionFileError(file, 'emotions', error.message);
    throw error;
  }
}

function checkValue(file: string, at: string, dimension: string, value: string): void {
  const builtIn = SOCIAL_DIMENSIONS[dimension];
  if (builtIn !== undefined && !builtIn.values.some((v) => v.id === value)) {
    throw new DefinitionFileError(
      file,
      at,
      `expected one of ${builtIn.values.map((v) => v.id).join(', ')}, got "${value}"`,
    );
  }
}

function emotionFrom(
  file: string,
  at: string,
  ref: string | { label: string; intensity?: number | undefined; model?: EmotionModel | undefined },
): EmotionState {
  const label = typeof ref === 'string' ? ref : ref.label;
  const model = typeof ref === 'string' ? modelOfLabel(label) : (ref.model ?? 'goemotions');
  if (!knownLabel(model, label))
    throw new DefinitionFileError(
      file,
      typeof ref === 'string' ? at : `${at}.label`,
      `expected ${expectedLabels(model)}, got "${label}"`,
    );
  const opts: { model: EmotionModel; intensity?: number } = { model };
  if (typeof ref !== 'string' && ref.intensity !== undefined) {
    checkIntensity(file, `${at}.intensity`, model, ref.intensity);
    opts.intensity = ref.intensity;
  }
  return createEmotionState(label, opts);
}

/**
 * Reads a persona space (or persona list) from a JSON or YAML file.
 *
 * @param file - path to the file
 * @returns the space; throws {@link DefinitionFileError} with a one-line message when invalid
 */
export function loadPersonaSpaceFile(file: string): PersonaSpace {
  return personaSpaceFromDocument(file, loadDefinitionFile(file, z.unknown()));
}
