import type { CommandDef } from '../command/defineCommand.js';

/** Every top-level command, loaded lazily so `emocrowd --help` stays fast. */
export const commands: Readonly<Record<string, () => Promise<CommandDef>>> = {
  run: async () => (await import('./run.js')).runCommand as unknown as CommandDef,
};
