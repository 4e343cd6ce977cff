/**
 * A persona, space or task file that cannot be used, with a one-line message naming the file,
 * the path inside it and what was expected:
 * `personas.yaml: dimensions[2].values: expected a non-empty array of strings`.
 */
export class DefinitionFileError extends Error {
  override readonly name = 'DefinitionFileError';
  /** The file as the user named it. */
  readonly file: string;
  /** Path inside the document, e.g. "dimensions[2].values" ("" for the whole document). */
  readonly at: string;
  /** What was expected or went wrong. */
  readonly expected: string;

  constructor(file: string, at: string, expected: string, opts: { cause?: unknown } = {}) {
    const oneLine = expected.replace(/\s+/g, ' ').trim();
    super(
      at === '' ? `${file}: ${oneLine}` : `${file}: ${at}: ${oneLine}`,
      opts.cause === undefined ? undefined : { cause: opts.cause },
    );
    this.file = file;
    this.at = at;
    this.expected = oneLine;
  }
}

/**
 * Formats a document path the way a reader writes it: ["dimensions", 2, "values"] -> "dimensions[2].values".
 *
 * @param path - keys and indices
 * @returns the dotted path ("" for the root)
 */
export function formatDocumentPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
