import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HumanCrowd } from '@emocrowd/agents';
import { type DataTable, type HumanFidelity, humanFidelity } from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import { parseFilters } from './runSelection.js';

/** `--human`, `--human-column` and `--human-filter`, read. */
export interface HumanSpec {
  /** The file, absolute. */
  file: string;
  /** As given, for messages. */
  given: string;
  column: string;
  filters: { column: string; value: string }[];
}

/**
 * Reads the human-crowd flags (undefined without `--human`); a usage error names what is missing.
 *
 * @param flags the flags' values
 * @param cwd where a relative path starts
 * @returns the spec, or undefined
 */
export function humanSpec(
  flags: { human?: string | undefined; 'human-column'?: string | undefined; 'human-filter': string[] },
  cwd: string,
): HumanSpec | undefined {
  if (flags.human === undefined) {
    if (flags['human-column'] !== undefined || flags['human-filter'].length > 0)
      throw usageError('--human-column and --human-filter go with --human FILE');
    return undefined;
  }
  if (flags['human-column'] === undefined) throw usageError('--human needs --human-column NAME');
  const file = resolve(cwd, flags.human);
  if (!existsSync(file)) throw usageError(`--human: no such file ${flags.human}`);
  return {
    file,
    given: flags.human,
    column: flags['human-column'],
    filters: parseFilters(flags['human-filter']),
  };
}

/**
 * A crowd's answers against the human crowd the flags name (`humanFidelity`), `{name}` in the
 * column and filter values replaced by `vars` (a battery item's `item`, a split crowd's columns).
 *
 * @param values the crowd's estimates
 * @param truth the question's truth
 * @param spec the human crowd
 * @param vars placeholder values
 * @param options seed, resamples, parsed files shared between crowds
 * @returns the comparison
 */
export function crowdFidelity(
  values: readonly number[],
  truth: number,
  spec: HumanSpec,
  vars: Readonly<Record<string, string>>,
  options: { seed: number | string; resamples: number; tables: Map<string, DataTable> },
): HumanFidelity {
  const fill = (text: string): string =>
    text.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
      const value = vars[name];
      if (value === undefined)
        throw usageError(
          `--human: {${name}} names nothing here (known: ${Object.keys(vars).join(', ') || 'none'})`,
        );
      return value;
    });
  const human: HumanCrowd = {
    file: spec.file,
    column: fill(spec.column),
    ...(spec.filters.length > 0
      ? { filter: Object.fromEntries(spec.filters.map((f) => [f.column, fill(f.value)])) }
      : {}),
    note: `--human ${spec.given}`,
  };
  try {
    return humanFidelity(values, human, truth, options);
  } catch (error) {
    throw usageError(`--human: ${(error as Error).message.split('\n')[0]}`);
  }
}
