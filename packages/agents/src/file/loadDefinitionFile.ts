import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import type { z } from 'zod';
import { DefinitionFileError, formatDocumentPath } from './DefinitionFileError.js';

/**
 * Validates an already-parsed document with a zod schema, throwing a one-line
 * {@link DefinitionFileError} for the first problem (unknown keys read `unknown key "x"`).
 *
 * @param file - the name to show in errors
 * @param document - parsed JSON / YAML
 * @param schema - zod 4 schema
 * @returns the validated value
 */
export function validateDefinition<S extends z.ZodType>(
  file: string,
  document: unknown,
  schema: S,
): z.output<S> {
  const result = schema.safeParse(document);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new DefinitionFileError(file, '', 'invalid document');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${k}"`).join(', ');
    return fail(file, issue.path, `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`);
  }
  return fail(file, issue.path, issue.message);
}

function fail(file: string, path: readonly PropertyKey[], message: string): never {
  throw new DefinitionFileError(file, formatDocumentPath(path), message);
}

/**
 * Reads a JSON or YAML definition file and validates it.
 *
 * Behaviour: `.json` files are parsed as JSON, anything else as YAML (a superset of JSON).
 * Unreadable files, syntax errors and schema violations all throw {@link DefinitionFileError}
 * with a one-line message naming the file (as given) and, for syntax errors, the line.
 *
 * @param file - path to the file
 * @param schema - zod 4 schema of the document
 * @returns the validated value
 */
export function loadDefinitionFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw new DefinitionFileError(file, '', `cannot read the file (${code})`, { cause: err });
  }
  let document: unknown;
  if (extname(file).toLowerCase() === '.json') {
    try {
      document = JSON.parse(text);
    } catch (err) {
      throw new DefinitionFileError(file, '', `invalid JSON: ${(err as Error).message}`, { cause: err });
    }
  } else {
    try {
      document = parseYaml(text);
    } catch (err) {
      const first = (err as Error).message.split('\n')[0] ?? 'syntax error';
      throw new DefinitionFileError(file, '', `invalid YAML: ${first}`, { cause: err });
    }
  }
  return validateDefinition(file, document, schema);
}

const load = createRequire(import.meta.url);

/** The YAML parser, loaded with the first YAML file read: commands that read none never load it. */
function parseYaml(text: string): unknown {
  return (load('yaml') as typeof import('yaml')).parse(text);
}
