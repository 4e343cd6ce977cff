import { usageError } from '../command/CliError.js';
import type { CommandContext, FlagDefs } from '../command/defineCommand.js';

/** `emocrowd batch` without a sub-command: names the sub-commands. */
export async function batchAction({ positionals }: CommandContext<FlagDefs>): Promise<number> {
  throw usageError(
    `batch: ${positionals[0] ? `unknown command "${positionals[0]}"` : 'needs a command'}; one of: export, import, submit, status, fetch (see: emocrowd batch --help)`,
  );
}
