import { resolve } from 'node:path';
import { loadPersonaSpaceFile, type PersonaSpace } from '@emocrowd/agents';
import { definitionFileMessage } from '../catalog/definitionFileMessage.js';
import { personaJson } from '../catalog/personaJson.js';
import { renderPersonaTable } from '../catalog/renderPersonaTable.js';
import { renderSpaceDimensions } from '../catalog/renderSpaceDimensions.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { personasValidateFlags } from '../commands/personasValidate.js';

const PREVIEW = 5;

/** What `emocrowd personas validate` does; its flags and help are in commands/personasValidate.ts. */
export async function personasValidateAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof personasValidateFlags>): Promise<number> {
  const [file, extra] = positionals;
  if (file === undefined) throw usageError('personas validate: needs a persona file (JSON or YAML)');
  if (extra !== undefined)
    throw usageError(`personas validate: unexpected argument "${extra}"; give one file`);
  let space: PersonaSpace;
  try {
    space = loadPersonaSpaceFile(resolve(io.cwd, file));
  } catch (error) {
    throw usageError(definitionFileMessage(error, file));
  }
  const first = Array.from({ length: Math.min(PREVIEW, space.count) }, (_, i) => space.at(i));
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          file,
          valid: true,
          space: space.name,
          count: space.count,
          emotions: [...space.emotionLabels],
          dimensions: space.dimensions.map((d) => ({ id: d.id, values: [...d.values] })),
          first: first.map(personaJson),
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.stdout.write(`${file}: valid\n\n${renderSpaceDimensions(space)}`);
  if (first.length > 0) io.stdout.write(`\nfirst ${first.length}:\n${renderPersonaTable(first)}`);
  return 0;
}
