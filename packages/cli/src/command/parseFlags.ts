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

/**
 * Parses argv strictly against flag definitions: an unknown flag, a missing value, a number
 * that is not a number, a value outside `choices` or bounds each become one usage error that
 * names the flag and what it takes. `defaults` (e.g. from a config file) sit between the
 * definitions' defaults and the command line.
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
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
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
  const value = Number(text);
  const what = def.type === 'integer' ? 'a whole number' : 'a number';
  if (text.trim() === '' || !Number.isFinite(value) || (def.type === 'integer' && !Number.isInteger(value))) {
    throw usageError(`${command}: --${name} takes ${what} (got "${text}")`);
  }
  if ((def.min !== undefined && value < def.min) || (def.max !== undefined && value > def.max)) {
    const range =
      def.max === undefined
        ? `at least ${def.min}`
        : def.min === undefined
          ? `at most ${def.max}`
          : `${def.min} to ${def.max}`;
    throw usageError(`${command}: --${name} takes ${what} ${range} (got ${text})`);
  }
  return value;
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown flag ${unknown[1]}`;
  const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `unexpected argument ${unexpected[1]}`;
  return message.split('\n')[0] ?? message;
}
