import { basename, extname } from 'node:path';
import { GOEMOTIONS_LABELS } from '@emocrowd/models';
import { z } from 'zod';
import { createEmotionState, type EmotionModel, type EmotionState } from '../emotion/EmotionState.js';
import { isGoEmotionLabel } from '../emotion/isGoEmotionLabel.js';
import { PLUTCHIK_EMOTIONS, PLUTCHIK_WHEEL, parsePlutchikTerm } from '../emotion/plutchik.js';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { loadDefinitionFile, validateDefinition } from '../file/loadDefinitionFile.js';
import { SOCIAL_DIMENSIONS } from '../social/socialDimensions.js';
import { createPersonaListSpace, createPersonaSpace, type PersonaSpace } from './PersonaSpace.js';

const MODEL = z.enum(['goemotions', 'plutchik'], { error: 'expected "goemotions" or "plutchik"' });
const INTENSITY = z
  .number({ error: 'expected a number from 0 to 1' })
  .min(0, { error: 'expected a number from 0 to 1' })
  .max(1, {
    error: 'expected a number from 0 to 1',
  });
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
          intensity: INTENSITY.optional(),
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
  return model === 'goemotions'
    ? isGoEmotionLabel(label)
    : parsePlutchikTerm(label) !== undefined || (PLUTCHIK_EMOTIONS as readonly string[]).includes(label);
}

function expectedLabels(model: EmotionModel): string {
  return model === 'goemotions'
    ? `a GoEmotions label (${GOEMOTIONS_LABELS.join(', ')})`
    : 'a Plutchik emotion or term (e.g. joy, serenity, rage)';
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
  const emotions: { model: EmotionModel; labels: readonly string[]; intensity?: number } = { model, labels };
  if (doc.emotions.intensity !== undefined) emotions.intensity = doc.emotions.intensity;
  return createPersonaSpace({ name, description: doc.description ?? '', emotions, dimensions });
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
  const model =
    typeof ref === 'string'
      ? isGoEmotionLabel(label)
        ? 'goemotions'
        : 'plutchik'
      : (ref.model ?? 'goemotions');
  if (!knownLabel(model, label))
    throw new DefinitionFileError(
      file,
      typeof ref === 'string' ? at : `${at}.label`,
      `expected ${expectedLabels(model)}, got "${label}"`,
    );
  const opts: { model: EmotionModel; intensity?: number } = { model };
  if (typeof ref !== 'string' && ref.intensity !== undefined) opts.intensity = ref.intensity;
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
