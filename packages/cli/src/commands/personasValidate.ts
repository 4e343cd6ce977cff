import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd personas validate`. */
export const personasValidateFlags = {
  json: {
    type: 'boolean',
    description: 'Print {"file", "valid": true, "space", "count", ...} on success.',
  },
} as const satisfies FlagDefs;

/** `emocrowd personas validate FILE`: checks a persona (space) file. */
export const personasValidateCommand = defineCommand({
  meta: {
    name: 'personas validate',
    description:
      'Check a JSON or YAML persona file (a space of emotions x dimensions, or a list of personas) and describe what it defines; when it is invalid, print one line naming the file, the path inside it and what was expected, and exit 2.',
    usage: 'FILE',
    examples: ['emocrowd personas validate my-personas.yaml'],
  },
  flags: personasValidateFlags,
  run: async (context) =>
    (await import('../actions/personasValidateAction.js')).personasValidateAction(context),
});
