import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd finetune recipe`. */
export const finetuneRecipeFlags = {
  json: { type: 'boolean', description: 'Print {"recipe", "steps": [...]} on stdout.' },
} as const satisfies FlagDefs;

/** `emocrowd finetune recipe`: where the LoRA training script is and how to run it. */
export const finetuneRecipeCommand = defineCommand({
  meta: {
    name: 'finetune recipe',
    description:
      'Print where the LoRA training recipe (Unsloth, Python, CUDA GPU) is and the commands from training data to an Ollama model.',
    examples: ['emocrowd finetune recipe', 'emocrowd finetune recipe --json'],
  },
  flags: finetuneRecipeFlags,
  run: async (context) => (await import('../actions/finetuneRecipeAction.js')).finetuneRecipeAction(context),
});
