import { basename, extname } from 'node:path';
import { z } from 'zod';
import { DefinitionFileError } from '../file/DefinitionFileError.js';
import { loadDefinitionFile, validateDefinition } from '../file/loadDefinitionFile.js';
import { CONDUCT_OK, type CodeOfConduct, type ConductExample } from './CodeOfConduct.js';
import {
  DEFAULT_CODE_OF_CONDUCT,
  JUDGE_PLACEHOLDERS,
  REVISION_PLACEHOLDERS,
} from './defaultCodeOfConduct.js';
import { promptTemplateProblem } from './fillPromptTemplate.js';

const TEXT = z.string({ error: 'expected a string' }).min(1, { error: 'expected a non-empty string' });
const NAME = z
  .string({ error: 'expected a string' })
  .regex(/^[a-z][a-z -]*[a-z]$/, { error: 'expected a lower-case name (letters, spaces, hyphens)' });

const EXAMPLE = z.strictObject(
  { text: TEXT, verdict: TEXT, note: TEXT.optional(), source: TEXT.optional() },
  { error: 'expected an example { text, verdict, note?, source? }' },
);

/**
 * The zod 4 schema of a code-of-conduct file (YAML or JSON):
 * ```yaml
 * name: my-code
 * virtues:
 *   - virtue: patience
 *     between: [wrath, docility]
 *     description: Meets the question calmly ...
 *     cues: { wrath: [furious, ugh], docility: [whatever you say] }   # optional: for the heuristic judge
 *     examples: [{ text: "Ugh, obviously 1,000.", verdict: wrath, note: contempt for the question }]
 * examples: [{ text: "About 1,200 from the map.", verdict: ok }]      # optional
 * judgePrompt: "..."      # optional template, placeholders {code} {examples} {vices} {question} {answer} {estimate}
 * revisionPrompt: "..."   # optional template, placeholders {note} {virtue} {vice} {between}
 * ```
 */
export const CODE_OF_CONDUCT_SCHEMA = z.strictObject(
  {
    name: TEXT.optional(),
    description: TEXT.optional(),
    virtues: z
      .array(
        z.strictObject(
          {
            virtue: NAME,
            between: z.tuple([NAME, NAME], { error: 'expected the two vices, [excess, deficiency]' }),
            description: TEXT,
            source: TEXT.optional(),
            cues: z
              .record(z.string(), z.array(TEXT, { error: 'expected a list of words or phrases' }), {
                error: 'expected { <vice>: [words] }',
              })
              .optional(),
            examples: z.array(EXAMPLE, { error: 'expected a list of examples' }).optional(),
          },
          { error: 'expected { virtue, between: [vice, vice], description, source?, cues?, examples? }' },
        ),
        { error: 'expected a list of virtues' },
      )
      .min(1, { error: 'expected at least one virtue' }),
    examples: z.array(EXAMPLE, { error: 'expected a list of examples' }).optional(),
    judgePrompt: TEXT.optional(),
    revisionPrompt: TEXT.optional(),
  },
  { error: 'expected a mapping with name, virtues and optional examples, judgePrompt, revisionPrompt' },
);

/**
 * Turns a parsed code-of-conduct document into a code, checking what the schema cannot.
 *
 * Behaviour: names are lower case; every virtue and vice name is used once in the whole code
 * ("ok" is reserved); a virtue's cues name its own vices; an example's verdict is "ok", a vice,
 * or (for a virtue's example) that virtue or one of its vices; the templates use only their
 * placeholders and the required ones ({answer}; {note}). Any problem is a DefinitionFileError
 * naming the path, e.g. `code.yaml: virtues[1].between[0]: "pride" is already a vice of
 * self-respect`.
 *
 * @param file - name for errors (and the default code name)
 * @param document - the parsed YAML / JSON value
 * @returns the code
 */
export function codeOfConductFromDocument(file: string, document: unknown): CodeOfConduct {
  const doc = validateDefinition(file, document, CODE_OF_CONDUCT_SCHEMA);
  const owner = new Map<string, string>([[CONDUCT_OK, 'reserved for answers that keep to the code']]);
  const claim = (name: string, at: string, what: string): void => {
    const earlier = owner.get(name);
    if (earlier !== undefined) throw new DefinitionFileError(file, at, `"${name}" is already ${earlier}`);
    owner.set(name, what);
  };
  doc.virtues.forEach((v, i) => {
    claim(v.virtue, `virtues[${i}].virtue`, `the virtue of virtues[${i}]`);
    v.between.forEach((vice, j) => {
      claim(vice, `virtues[${i}].between[${j}]`, `a vice of ${v.virtue}`);
    });
    for (const key of Object.keys(v.cues ?? {})) {
      if (!v.between.includes(key))
        throw new DefinitionFileError(
          file,
          `virtues[${i}].cues.${key}`,
          `expected one of ${v.virtue}'s vices (${v.between.join(', ')})`,
        );
    }
    (v.examples ?? []).forEach((e, j) => {
      checkVerdict(file, `virtues[${i}].examples[${j}].verdict`, e, [CONDUCT_OK, v.virtue, ...v.between]);
    });
  });
  const vices = doc.virtues.flatMap((v) => [...v.between]);
  (doc.examples ?? []).forEach((e, j) => {
    checkVerdict(file, `examples[${j}].verdict`, e, [CONDUCT_OK, ...vices]);
  });
  checkTemplate(file, 'judgePrompt', doc.judgePrompt, JUDGE_PLACEHOLDERS, ['answer']);
  checkTemplate(file, 'revisionPrompt', doc.revisionPrompt, REVISION_PLACEHOLDERS, ['note']);
  const code: CodeOfConduct = {
    name: doc.name ?? basename(file, extname(file)),
    virtues: doc.virtues.map((v) => ({
      virtue: v.virtue,
      between: v.between,
      description: v.description,
      ...(v.source ? { source: v.source } : {}),
      ...(v.cues ? { cues: v.cues } : {}),
      ...(v.examples ? { examples: v.examples.map(cleanExample) } : {}),
    })),
  };
  if (doc.description) code.description = doc.description;
  if (doc.examples) code.examples = doc.examples.map(cleanExample);
  if (doc.judgePrompt) code.judgePrompt = doc.judgePrompt;
  if (doc.revisionPrompt) code.revisionPrompt = doc.revisionPrompt;
  return code;
}

function cleanExample(e: {
  text: string;
  verdict: string;
  note?: string | undefined;
  source?: string | undefined;
}): ConductExample {
  return {
    text: e.text,
    verdict: e.verdict,
    ...(e.note ? { note: e.note } : {}),
    ...(e.source ? { source: e.source } : {}),
  };
}

function checkVerdict(
  file: string,
  at: string,
  example: { verdict: string },
  allowed: readonly string[],
): void {
  if (!allowed.includes(example.verdict))
    throw new DefinitionFileError(
      file,
      at,
      `expected one of ${allowed.join(', ')}, got "${example.verdict}"`,
    );
}

function checkTemplate(
  file: string,
  at: string,
  template: string | undefined,
  allowed: readonly string[],
  required: readonly string[],
): void {
  if (template === undefined) return;
  const problem = promptTemplateProblem(template, allowed, required);
  if (problem !== undefined) throw new DefinitionFileError(file, at, problem);
}

/**
 * Reads a code of conduct from a YAML or JSON file.
 *
 * @param file - path to the file
 * @returns the code; throws DefinitionFileError with a one-line message when it is invalid
 */
export function loadCodeOfConduct(file: string): CodeOfConduct {
  return codeOfConductFromDocument(file, loadDefinitionFile(file, z.unknown()));
}

/**
 * `--conduct default|FILE`: the shipped code, or a file's.
 *
 * @param spec - "default" or a path
 * @returns the code
 */
export function resolveCodeOfConduct(spec: string): CodeOfConduct {
  return spec === 'default' ? DEFAULT_CODE_OF_CONDUCT : loadCodeOfConduct(spec);
}
