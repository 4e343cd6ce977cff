import { z } from 'zod';
import { STUDY_SETTING_NAMES, STUDY_SETTINGS } from './studySettings.js';

/** Names of studies, cells, levels and contrasts: they name directories too. */
export const STUDY_NAME = z.string({ error: 'expected a string' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
  error: 'expected letters, digits, dots, dashes and underscores (it names a directory)',
});

/** A level value as written in a file (checked later against its factor's setting). */
const LEVEL_VALUE = z.union(
  [z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown()), z.array(z.unknown())],
  {
    error: 'expected a value',
  },
);
/** A level named in a contrast: its name, or its value when the levels are unnamed. */
const LEVEL_REF = z.union([z.string(), z.number()], { error: 'expected a level name' }).transform(String);

const CONTRAST = z
  .strictObject(
    {
      name: STUDY_NAME.optional(),
      of: z.string({ error: 'expected a factor name' }).optional(),
      a: LEVEL_REF,
      b: LEVEL_REF,
      at: z.record(z.string(), LEVEL_REF, { error: 'expected { factor: level }' }).optional(),
    },
    { error: 'expected { name?, of?, a, b, at? }' },
  )
  .refine((c) => c.a !== c.b, { error: 'a and b name the same thing; a contrast compares two' });

const REPORT = z.strictObject(
  {
    strategies: STUDY_SETTINGS.strategies.optional(),
    bootstrap: z
      .number({ error: 'expected a number' })
      .int({ error: 'expected a whole number' })
      .min(100, { error: 'expected at least 100 resamples' })
      .optional(),
    permutations: z
      .number({ error: 'expected a number' })
      .int({ error: 'expected a whole number' })
      .min(0, { error: 'expected 0 (no p-values) or more' })
      .optional(),
    level: z
      .number({ error: 'expected a number' })
      .gt(0.5, { error: 'expected a level in (0.5, 1)' })
      .lt(1, { error: 'expected a level in (0.5, 1)' })
      .optional(),
  },
  { error: 'expected { strategies?, bootstrap?, permutations?, level? }' },
);

/** The settings a study file may fix at its top level, each optional and as loose as a file writes it. */
const SETTINGS_SHAPE = Object.fromEntries(
  STUDY_SETTING_NAMES.map((name) => [name, z.unknown().optional()]),
) as Record<(typeof STUDY_SETTING_NAMES)[number], z.ZodOptional<z.ZodUnknown>>;

/**
 * A study file as written (YAML or JSON): a name, fixed run settings, factors (whose full
 * factorial is the set of cells) or explicit cells, contrasts, and report options. Setting values
 * are checked against their schema by `designStudy`, which knows each value's path.
 */
export const STUDY_FILE = z.strictObject(
  {
    name: STUDY_NAME,
    description: z.string({ error: 'expected a string' }).optional(),
    ...SETTINGS_SHAPE,
    /** Shorthand for the factor `task`. */
    tasks: z
      .array(z.union([z.string(), z.number()]).transform(String), {
        error: 'expected a list of task ids or files',
      })
      .min(1, { error: 'expected at least one task' })
      .optional(),
    factors: z
      .record(
        z.string(),
        z.union(
          [
            z.array(LEVEL_VALUE).min(1, { error: 'expected at least one level' }),
            z.record(STUDY_NAME, LEVEL_VALUE),
          ],
          {
            error: 'expected a list of levels or { levelName: value }',
          },
        ),
        { error: 'expected { setting: levels }' },
      )
      .optional(),
    cells: z
      .array(z.record(z.string(), z.unknown(), { error: 'expected { name?, factor: level, ... }' }), {
        error: 'expected a list of cells',
      })
      .min(1, { error: 'expected at least one cell' })
      .optional(),
    contrasts: z.array(CONTRAST, { error: 'expected a list of contrasts' }).optional(),
    report: REPORT.optional(),
  },
  { error: 'expected a study: { name, factors or cells, contrasts?, ... }' },
);

/** A validated study file. */
export type StudyFile = z.output<typeof STUDY_FILE>;
/** One contrast as written. */
export type StudyFileContrast = z.output<typeof CONTRAST>;
