import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { PriceTable } from './PriceTable.js';

/** The price table shipped with emocrowd: `assets/prices.json` at the package root. */
export const BUILTIN_PRICES_URL = new URL('../../assets/prices.json', import.meta.url);

const price = z.number().finite().nonnegative();
const PriceFileSchema = z
  .object({
    about: z.string().optional(),
    currency: z.string().min(1),
    prices: z.array(
      z
        .object({
          models: z.array(z.string().min(1)).min(1),
          input: price,
          output: price,
          source: z.string().optional(),
          asOf: z.string().optional(),
          note: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/**
 * Reads a price table: the built-in one (`assets/prices.json`), or a JSON or YAML file of the same
 * shape a user keeps up to date (`{ currency, prices: [{ models, input, output, source?, asOf? }] }`,
 * prices per million tokens).
 *
 * @param path a JSON or YAML file (.yaml / .yml is read as YAML); default the built-in table
 * @returns the table, with `file` naming where it came from
 * @throws Error of one line naming the file, the wrong field and what it should be
 */
export function loadPriceTable(path?: string): PriceTable {
  const file = path ?? fileURLToPath(BUILTIN_PRICES_URL);
  const label = path ?? 'built-in (packages/models/assets/prices.json)';
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new Error(`price table ${label}: cannot read it (${reason}); give a JSON or YAML price file`);
  }
  const parsed = PriceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw new Error(
      `price table ${label}: ${where}: ${issue?.message ?? 'invalid'}; expected { currency, prices: [{ models: [...], input, output }] } with prices per million tokens`,
    );
  }
  return { currency: parsed.data.currency, entries: parsed.data.prices, file: label };
}

const load = createRequire(import.meta.url);

/** The YAML parser, loaded for a YAML price file only (the built-in table is JSON). */
function parseYaml(text: string): unknown {
  return (load('yaml') as typeof import('yaml')).parse(text);
}
