import { expect } from 'vitest';

/**
 * Reading the key tables of docs/json-output.md, so a test can hold real output against them
 * both ways (jsonOutput.test.ts for runs, batchJsonOutput.test.ts for batch files).
 */

/**
 * The documented keys of the table under `heading` (an exact heading line): required and optional
 * (a key written `name?`).
 *
 * @param doc the Markdown text
 * @param heading the heading line, e.g. "### `counts`"
 */
export function documentedKeys(doc: string, heading: string): { required: string[]; optional: string[] } {
  const lines = doc.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`docs/json-output.md has no heading "${heading}"`);
  const required: string[] = [];
  const optional: string[] = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('|')) {
      if (inTable) break;
      continue;
    }
    inTable = true;
    const key = /^\| `([^`]+)` \|/.exec(line)?.[1];
    if (key === undefined) continue; // header and separator rows
    if (key.endsWith('?')) optional.push(key.slice(0, -1));
    else required.push(key);
  }
  if (required.length + optional.length === 0) throw new Error(`no key table under "${heading}"`);
  return { required, optional };
}

/** The arguments of a check after the document: heading, value, whether optional keys must be there, exceptions. */
export type DocumentedCheck = [
  heading: string,
  value: unknown,
  present: 'all-optional-present' | 'optional-may-miss',
  except?: readonly string[],
];

/**
 * Checks one object against the table under `heading`, both ways: no key the table omits, every
 * required key present; with `all-optional-present`, every optional key too, except those in
 * `except`.
 */
export function expectDocumentedIn(doc: string, ...[heading, value, present, except = []]: DocumentedCheck): void {
  expect(value, heading).toBeTypeOf('object');
  const { required, optional } = documentedKeys(doc, heading);
  const keys = Object.keys(value as object);
  const undocumented = keys.filter((k) => !required.includes(k) && !optional.includes(k));
  expect(undocumented, `keys in the output that ${heading} does not list`).toEqual([]);
  const absent = required.filter((k) => !keys.includes(k));
  expect(absent, `keys ${heading} lists that the output lacks`).toEqual([]);
  if (present === 'all-optional-present') {
    expect(
      optional.filter((k) => !keys.includes(k) && !except.includes(k)),
      `optional keys of ${heading} missing here`,
    ).toEqual([]);
  }
}
