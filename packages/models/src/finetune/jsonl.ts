import { readFile, writeFile } from 'node:fs/promises';

/**
 * Serialises records as JSON Lines (https://jsonlines.org): one compact JSON value a line,
 * UTF-8, LF, a final newline.
 *
 * @param records - the records
 * @returns the JSONL text
 */
export function toJsonl(records: readonly unknown[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

/**
 * Parses JSON Lines text; blank lines are skipped.
 *
 * @param text - JSONL text
 * @returns the values in order
 * @throws SyntaxError naming the 1-based line of the first bad line
 */
export function parseJsonl(text: string): unknown[] {
  const out: unknown[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim().length === 0) return;
    try {
      out.push(JSON.parse(line));
    } catch (error) {
      throw new SyntaxError(`JSONL line ${i + 1}: ${(error as Error).message}`);
    }
  });
  return out;
}

/**
 * Writes records to a JSONL file (see `toJsonl`).
 *
 * @param path - the file to write (replaced if it exists)
 * @param records - the records
 */
export async function writeJsonl(path: string, records: readonly unknown[]): Promise<void> {
  await writeFile(path, toJsonl(records), 'utf8');
}

/**
 * Reads a JSONL file (see `parseJsonl`).
 *
 * @param path - the file
 * @returns the values in order
 */
export async function readJsonl(path: string): Promise<unknown[]> {
  return parseJsonl(await readFile(path, 'utf8'));
}
