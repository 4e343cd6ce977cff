import { parseArgs } from 'node:util';
import { usageError } from './CliError.js';
import type { FlagDef, FlagDefs, ParsedFlags } from './defineCommand.js';

/** The result of parsing a command line against a command's flags. */
export interface ParsedCommandLine<D extends FlagDefs> {
  flags: ParsedFlags<D>;
  positionals: string[];
  explicit: Set<string>;
  help: boolean;
}

/** A decimal number as people write it: optional sign, digits, optional fraction and exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses argv strictly against flag definitions: an unknown flag, a missing value, a number
 * that is not a number, a value outside `choices` or bounds each become one usage error that
 * names the flag, what it takes and what it got. `defaults` (e.g. from a config file) sit
 * between the definitions' defaults and the command line.
 *
 * A negative number after a flag that takes a value is that flag's value (`--seed -1` is
 * `--seed=-1`), so it is checked like any other value instead of being taken for a flag. Numbers
 * are decimal only (`0x10`, `Infinity` and `1,000` are refused).
 */
export function parseFlags<D extends FlagDefs>(
  commandName: string,
  defs: D,
  argv: readonly string[],
  defaults: Readonly<Record<string, unknown>> = {},
): ParsedCommandLine<D> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, def] of Object.entries(defs)) {
    options[name] = {
      type: def.type === 'boolean' ? 'boolean' : 'string',
      ...(def.short ? { short: def.short } : {}),
      ...(def.multiple ? { multiple: true } : {}),
    };
    if (def.type === 'boolean') options[`no-${name}`] = { type: 'boolean' };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw usageError(`${commandName}: ${describeParseError(error)} (see: emocrowd ${commandName} --help)`);
  }
  for (const key of Object.keys(defaults)) {
    if (!(key in defs))
      throw usageError(`config: "${commandName}" has no flag "${key}" (see: emocrowd ${commandName} --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | (string | boolean)[] | undefined>;
  const flags: Record<string, unknown> = {};
  const explicit = new Set<string>();
  for (const [name, def] of Object.entries(defs)) {
    let raw = values[name];
    if (def.type === 'boolean' && values[`no-${name}`] === true) raw = false;
    if (raw !== undefined) explicit.add(name);
    else if (defaults[name] !== undefined) raw = defaults[name] as string | boolean;
    if (raw === undefined) {
      flags[name] = def.multiple ? [] : def.default;
      continue;
    }
    flags[name] = def.multiple
      ? (Array.isArray(raw) ? raw : [raw]).map((v) => convert(commandName, name, def, v))
      : convert(commandName, name, def, Array.isArray(raw) ? raw[raw.length - 1] : raw);
  }
  return {
    flags: flags as ParsedFlags<D>,
    positionals: parsed.positionals,
    explicit,
    help: values.help === true,
  };
}

function convert(command: string, name: string, def: FlagDef, raw: unknown): unknown {
  if (def.type === 'boolean') {
    if (typeof raw === 'boolean') return raw;
    throw usageError(`${command}: --${name} takes no value`);
  }
  const text = String(raw);
  if (def.type === 'string') {
    if (def.choices && !def.choices.includes(text)) {
      throw usageError(`${command}: --${name} must be one of ${def.choices.join(', ')} (got "${text}")`);
    }
    return text;
  }
  const value = DECIMAL.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  const fits =
    Number.isFinite(value) &&
    (def.type !== 'integer' || Number.isInteger(value)) &&
    (def.min === undefined || value >= def.min) &&
    (def.max === undefined || value <= def.max);
  if (!fits) throw usageError(`${command}: --${name} takes ${accepted(def)} (got "${text}")`);
  return value;
}

/** What a numeric flag accepts, e.g. "a whole number from 1 to 4096". */
function accepted(def: FlagDef): string {
  const what = def.type === 'integer' ? 'a whole number' : 'a number';
  if (def.min !== undefined && def.max !== undefined) return `${what} from ${def.min} to ${def.max}`;
  if (def.min !== undefined) return `${what} of at least ${def.min}`;
  if (def.max !== undefined) return `${what} of at most ${def.max}`;
  return what;
}

/**
 * Writes `--flag -3` as `--flag=-3` for flags that take a value, so node's parser does not take
 * a negative number for an option (it would call the value ambiguous).
 */
function joinNegativeValues(
  argv: readonly string[],
  options: Readonly<Record<string, { type: 'string' | 'boolean'; short?: string }>>,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      /^-\.?\d/.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown flag ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const ambiguous = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument is ambiguous/.exec(message);
  if (ambiguous)
    return `${ambiguous[1]} needs a value; write a value that starts with "-" as ${ambiguous[1]}=VALUE`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `unexpected argument ${unexpected[1]}`;
  return message.split('\n')[0] ?? message;
}
