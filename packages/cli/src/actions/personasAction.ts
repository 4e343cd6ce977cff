import type { Condition, EmotionModel, Persona } from '@emocrowd/agents';
import { samplePositions } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { personaJson } from '../catalog/personaJson.js';
import { renderPersonaTable } from '../catalog/renderPersonaTable.js';
import { renderSpaceDimensions } from '../catalog/renderSpaceDimensions.js';
import { selectPersonas } from '../catalog/selectPersonas.js';
import { usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { personasFlags } from '../commands/personas.js';
import { intensitiesFlag, listFlag } from '../flags.js';

const PREVIEW = 10;

/** What `emocrowd personas` does; its flags and help are in commands/personas.ts. */
export async function personasAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof personasFlags>): Promise<number> {
  if (positionals.length > 0)
    throw usageError(
      `personas: unknown command "${positionals[0]}"; one of: validate (see: emocrowd personas --help)`,
    );
  const modes = [flags.count === true, flags.sample !== undefined, flags.dimensions === true].filter(Boolean);
  if (modes.length > 1) throw usageError('personas: give at most one of --count, --sample and --dimensions');
  const emotions = listFlag(flags.emotions);
  const intensities = intensitiesFlag(flags.intensities);
  const selection = selectPersonas({
    personas: flags.personas,
    ...(emotions ? { emotions } : {}),
    // goemotions is the built-in spaces' own vocabulary: asking for it changes nothing.
    ...(flags['emotion-model'] && flags['emotion-model'] !== 'goemotions'
      ? { emotionModel: flags['emotion-model'] as EmotionModel }
      : {}),
    ...(intensities ? { intensities } : {}),
    condition: flags.condition as Condition,
    seed: flags.seed,
    cwd: io.cwd,
  });
  const space = selection.space;
  const json = (value: unknown): number => {
    io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    return 0;
  };

  if (flags.count) {
    if (flags.json) return json({ count: selection.count, space: space.name, spaceCount: space.count });
    io.stdout.write(`${selection.count}\n`);
    return 0;
  }
  if (flags.dimensions) {
    if (flags.json)
      return json({
        space: space.name,
        description: space.description,
        count: space.count,
        emotions: [...space.emotionLabels],
        dimensions: space.dimensions.map((d) => ({ id: d.id, values: [...d.values] })),
      });
    io.stdout.write(renderSpaceDimensions(space));
    return 0;
  }

  let shown: Persona[];
  if (flags.sample !== undefined) {
    const k = Math.min(flags.sample, selection.count);
    shown = samplePositions(selection.count, k, createRng(flags.seed).fork('personas-sample')).map((i) =>
      selection.at(i),
    );
  } else {
    shown = Array.from({ length: Math.min(PREVIEW, selection.count) }, (_, i) => selection.at(i));
  }
  if (flags.json)
    return json({
      space: space.name,
      condition: selection.condition,
      count: selection.count,
      personas: shown.map(personaJson),
    });
  const what =
    flags.sample !== undefined
      ? `${shown.length} drawn at random (seed ${flags.seed})`
      : `the first ${shown.length}`;
  io.stdout.write(
    `${selection.count.toLocaleString('en-US')} personas from space "${space.name}" (${space.count.toLocaleString('en-US')} in all), condition ${selection.condition}; ${what}:\n\n`,
  );
  io.stdout.write(renderPersonaTable(shown));
  return 0;
}
