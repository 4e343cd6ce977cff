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
import { defineCommand } from '../command/defineCommand.js';

/** `emocrowd conduct show [default|FILE]`: a code of conduct as the judge will use it. */
export const conductShowCommand = defineCommand({
  meta: {
    name: 'conduct show',
    description:
      'Print a code of conduct (default: the shipped wheel of virtues) as YAML, with the judge and revision templates it uses, so it can be copied and changed; a file is checked first and an invalid one is refused with one line naming the path inside it.',
    usage: '[default|FILE]',
    examples: ['emocrowd conduct show', 'emocrowd conduct show my-code.yaml --json'],
  },
  flags: {
    json: { type: 'boolean', description: 'Print the code as JSON.' },
  },
  async run({ flags, positionals, io }) {
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
  },
});
