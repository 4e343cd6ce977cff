import type { BackendSetting } from '@emocrowd/models';
import { backendFlags } from '../flags.js';

/**
 * The backend flags a command was given (`--ollama-client`, `--api-key`, ...): those set on the
 * command line, and those a config file set to something other than the default. Defaults are
 * left to the backend, so a flag is only passed to the backend it belongs to when the user asked
 * for it (the stack refuses a flag the chosen backend does not take).
 *
 * @param flags the parsed flags of the command
 * @param explicit the flags set on the command line
 * @returns the backend flag values by flag name
 */
export function backendSettings(
  flags: Readonly<Record<string, unknown>>,
  explicit: ReadonlySet<string>,
): Record<string, BackendSetting> {
  const out: Record<string, BackendSetting> = {};
  for (const [name, def] of Object.entries(backendFlags)) {
    const value = flags[name];
    if (value === undefined || (!explicit.has(name) && value === def.default)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      out[name] = value;
  }
  return out;
}
