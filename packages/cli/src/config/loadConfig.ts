import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { usageError } from '../command/CliError.js';
import type { Io } from '../command/Io.js';
import { commands } from '../commands/index.js';

/** Per-command flag defaults from a config file, and argv without `--config`. */
export interface LoadedConfig {
  argv: string[];
  /** `{ run: { personas: 200, seed: 7 }, analyze: {...} }` */
  defaults: Record<string, Record<string, unknown>>;
  path?: string;
}

/**
 * Reads `--config FILE`, or `emocrowd.config.json` in the working directory when present.
 * The file maps command names to flag defaults; flags on the command line win. A key that is
 * not a command is a usage error (a typo such as "rnu" would otherwise be ignored silently).
 */
export async function loadConfig(io: Io, argv: readonly string[]): Promise<LoadedConfig> {
  const rest: string[] = [];
  let explicitPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--config') {
      explicitPath = argv[i + 1];
      if (explicitPath === undefined)
        throw usageError('--config needs a value: the path of a JSON config file');
      i++;
    } else if (arg.startsWith('--config=')) {
      explicitPath = arg.slice('--config='.length);
    } else {
      rest.push(arg);
    }
  }
  const path = explicitPath ? resolve(io.cwd, explicitPath) : resolve(io.cwd, 'emocrowd.config.json');
  if (!explicitPath && !existsSync(path)) return { argv: rest, defaults: {} };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw usageError(`--config: cannot read ${path}; check the path`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw usageError(
      `${path}: not valid JSON (${(error as Error).message.split('\n')[0]}); fix the file or pass --config with another`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw usageError(
      `${path}: expected an object mapping command names to flag defaults, e.g. {"run": {"personas": 200}}`,
    );
  }
  const defaults: Record<string, Record<string, unknown>> = {};
  for (const [command, value] of Object.entries(data)) {
    if (command === '$schema') continue;
    if (!Object.hasOwn(commands, command)) {
      throw usageError(
        `${path}: "${command}" is not a command; the keys are command names: ${Object.keys(commands).join(', ')}`,
      );
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw usageError(`${path}: ${command}: expected an object of flag defaults`);
    }
    defaults[command] = Object.fromEntries(
      Object.entries(value).map(([flag, v]) => [flag, typeof v === 'number' ? String(v) : v]),
    );
  }
  return { argv: rest, defaults, path };
}
