import { type CommandDef, defineCommand, type FlagDefs } from '../command/defineCommand.js';
import { personaFlags } from '../flags.js';

/** The flags of `emocrowd personas`. */
export const personasFlags = {
  ...personaFlags,
  count: { type: 'boolean', description: 'Print only the number of personas.' },
  sample: {
    type: 'integer',
    valueName: 'K',
    description: 'Show K personas drawn at random (seeded) from the selection.',
    min: 1,
  },
  dimensions: { type: 'boolean', description: "List the space's dimensions and their values." },
  json: { type: 'boolean', description: 'Print one JSON object instead of text.' },
} as const satisfies FlagDefs;

/** `emocrowd personas`: the crowd a run would ask, counted, sampled or described. */
export const personasCommand = defineCommand({
  meta: {
    name: 'personas',
    description:
      'Show the personas a run with the same --personas/--emotions/--condition/--seed would ask: how many (--count), a random few (--sample K), or the dimensions of their space (--dimensions).',
    examples: [
      'emocrowd personas --count --personas paper',
      'emocrowd personas --sample 5',
      'emocrowd personas --personas all --emotions joy,anger --dimensions',
      'emocrowd personas --count --personas all --emotion-model beam --emotions sadness-joy',
      'emocrowd personas validate my-personas.yaml',
    ],
  },
  flags: personasFlags,
  subCommands: {
    validate: async () =>
      (await import('./personasValidate.js')).personasValidateCommand as unknown as CommandDef,
  },
  run: async (context) => (await import('../actions/personasAction.js')).personasAction(context),
});
