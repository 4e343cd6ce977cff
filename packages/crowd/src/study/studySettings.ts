import { z } from 'zod';
import { STOP_STRATEGIES } from '../stopping/StopRule.js';
import { strategyNames } from '../strategies/strategies.js';

const TEXT = z.string({ error: 'expected a string' }).trim().min(1, { error: 'expected a non-empty string' });
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: 'expected a number' })
    .int({ error: 'expected a whole number' })
    .min(min, { error: `expected a whole number >= ${min}` })
    .max(max, { error: `expected a whole number <= ${max}` });
const real = (min: number, max = Number.POSITIVE_INFINITY) =>
  z
    .number({ error: 'expected a number' })
    .refine(Number.isFinite, { error: 'expected a finite number' })
    .refine((x) => x >= min && x <= max, {
      error:
        max === Number.POSITIVE_INFINITY
          ? `expected a number >= ${min}`
          : `expected a number in [${min}, ${max}]`,
    });
const list = (item: z.ZodType<string>) =>
  z.union(
    [
      z.array(item, { error: 'expected a list of strings' }).min(1, { error: 'expected a non-empty list' }),
      TEXT.transform((text) =>
        text
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ],
    { error: 'expected a list of strings or a comma-separated string' },
  );
const STRATEGY = TEXT.refine((name) => strategyNames.includes(name), {
  error: (issue) => `unknown strategy "${String(issue.input)}"; known: ${strategyNames.join(', ')}`,
});
const INFLUENCE_KIND = z.enum(['none', 'aggregate', 'neighbours'], {
  error: 'expected none, aggregate or neighbours',
});

/**
 * The run settings a study may fix or vary, each with its schema. Names are those of the run
 * request (`emocrowd run` flags in camelCase: `maxTokens` for `--max-tokens`); values are
 * checked here as strictly as the flags are.
 */
export const STUDY_SETTINGS = {
  task: TEXT,
  personas: z
    .union([TEXT, whole(1)], { error: 'expected N, all, paper or a persona file' })
    .transform((v) => String(v)),
  emotions: list(TEXT),
  emotionModel: z.enum(['goemotions', 'plutchik', 'beam'], {
    error: 'expected goemotions, plutchik or beam',
  }),
  intensities: z.union(
    [
      z
        .array(real(0, 1), { error: 'expected a list of intensities in [0, 1]' })
        .min(1, { error: 'expected a non-empty list' }),
      TEXT.transform((text) => text.split(',').map((x) => Number(x.trim()))).pipe(z.array(real(0, 1)).min(1)),
    ],
    { error: 'expected a list of intensities in [0, 1] or a comma-separated string' },
  ),
  condition: z.enum(['emotion', 'social', 'combined'], { error: 'expected emotion, social or combined' }),
  model: TEXT,
  hosts: z.union([TEXT.transform((host) => [host]), z.array(TEXT).min(1)], {
    error: 'expected a server URL or a list of them',
  }),
  backendOptions: z.record(
    z.string(),
    z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, number or true/false' }),
    { error: "expected { flag: value } of the model backend's flags, e.g. { ollama-client: native }" },
  ),
  seed: whole(0),
  replicates: whole(1, 1000),
  rounds: whole(1, 50),
  influence: z.union(
    [
      INFLUENCE_KIND.transform((kind) => ({ kind })),
      z.strictObject({
        kind: INFLUENCE_KIND,
        aggregate: z.enum(['mean', 'median'], { error: 'expected mean or median' }).optional(),
        neighbours: whole(1).optional(),
        show: z.enum(['values', 'mean', 'median'], { error: 'expected values, mean or median' }).optional(),
      }),
    ],
    { error: 'expected none, aggregate, neighbours or { kind, aggregate?, neighbours?, show? }' },
  ),
  network: TEXT,
  temperature: real(0, 2),
  maxTokens: whole(1),
  keepAlive: TEXT,
  timeoutMs: whole(1),
  retries: whole(0, 20),
  maxPerHost: whole(1),
  strategies: list(STRATEGY),
  subsets: whole(0),
  tolerance: real(0),
  groupBy: list(TEXT),
  /** `--stop-at-precision`: a relative width (0.02), or { precision, strategy?, checkEvery? }. */
  stop: z.union(
    [
      real(Number.MIN_VALUE).transform((precision) => ({ precision })),
      z.strictObject({
        precision: real(Number.MIN_VALUE),
        strategy: z.enum(STOP_STRATEGIES, { error: `expected ${STOP_STRATEGIES.join(' or ')}` }).optional(),
        checkEvery: whole(1).optional(),
      }),
    ],
    { error: 'expected a precision above 0 (e.g. 0.02) or { precision, strategy?, checkEvery? }' },
  ),
} as const;

/** The name of a study setting. */
export type StudySettingName = keyof typeof STUDY_SETTINGS;

/** Settings of a study or a cell: any subset, validated. */
export type StudySettings = { -readonly [K in StudySettingName]?: z.output<(typeof STUDY_SETTINGS)[K]> };

/** Every setting name, in the order above. */
export const STUDY_SETTING_NAMES = Object.keys(STUDY_SETTINGS) as StudySettingName[];

/** Settings that are numbers, so a `--set` value is read as one. */
const NUMERIC: ReadonlySet<StudySettingName> = new Set([
  'seed',
  'replicates',
  'rounds',
  'temperature',
  'maxTokens',
  'timeoutMs',
  'retries',
  'maxPerHost',
  'subsets',
  'tolerance',
]);

/**
 * Checks whether a name is a study setting.
 *
 * @param name a key of a study file, a factor name, a `--set` key
 * @returns true for the names of STUDY_SETTINGS
 */
export function isStudySetting(name: string): name is StudySettingName {
  return Object.hasOwn(STUDY_SETTINGS, name);
}

/**
 * Validates one setting's value.
 *
 * @param name the setting
 * @param value its value as read from a file (or from text with `settingFromText`)
 * @returns the value, or the first problem: where inside the value (e.g. [1] of a list) and what
 */
export function checkSetting(
  name: StudySettingName,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; path: PropertyKey[]; message: string } {
  const result = STUDY_SETTINGS[name].safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, path: [...(issue?.path ?? [])], message: issue?.message ?? 'invalid value' };
}

/**
 * Reads a setting's value from command-line text (`--set temperature=0.2`): numbers for numeric
 * settings, JSON for objects and lists written as JSON, the text itself otherwise.
 *
 * @param name the setting
 * @param text the text after `=`
 * @returns the value to check with `checkSetting`
 */
export function settingFromText(name: StudySettingName, text: string): unknown {
  const trimmed = text.trim();
  if (NUMERIC.has(name)) return trimmed === '' ? trimmed : Number(trimmed);
  if (name === 'personas' && /^\d+$/.test(trimmed)) return Number(trimmed);
  if (name === 'stop' && /^[\d.eE+-]+$/.test(trimmed)) return Number(trimmed);
  if (/^[[{]/.test(trimmed)) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return trimmed;
    }
  }
  return trimmed;
}
