import { resolve } from 'node:path';
import {
  type CodeOfConduct,
  DEFAULT_JUDGE_TEMPLATE,
  DEFAULT_REVISION_TEMPLATE,
  resolveCodeOfConduct,
} from '@emocrowd/agents';
import { stringify } from 'yaml';
import { definitionFileMessage } from '../catalog/definitionFileMessage.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { conductShowFlags } from '../commands/conductShow.js';

/** What `emocrowd conduct show` does; its flags and help are in commands/conductShow.ts. */
export async function conductShowAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof conductShowFlags>): Promise<number> {
  const [spec = 'default', extra] = positionals;
  if (extra !== undefined) throw usageError(`conduct show: unexpected argument "${extra}"; give one code`);
  let code: CodeOfConduct;
  try {
    code = resolveCodeOfConduct(spec === 'default' ? spec : resolve(io.cwd, spec));
  } catch (error) {
    throw usageError(definitionFileMessage(error, spec));
  }
  const full: CodeOfConduct = {
    ...code,
    judgePrompt: code.judgePrompt ?? DEFAULT_JUDGE_TEMPLATE,
    revisionPrompt: code.revisionPrompt ?? DEFAULT_REVISION_TEMPLATE,
  };
  io.stdout.write(flags.json ? `${JSON.stringify(full, null, 2)}\n` : stringify(full, { lineWidth: 100 }));
  return 0;
}
