import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd finetune`: training data and the training recipe for emotion fine-tunes. */
export const finetuneCommand = defineCommand({
  meta: {
    name: 'finetune',
    description:
      'Prepare fine-tuning of an emotional model: build GoEmotions training data (data) and find the LoRA training recipe (recipe). Then load the result with emocrowd models create.',
    examples: [
      'emocrowd finetune data --objective express --out express.jsonl --balance',
      'emocrowd finetune recipe',
    ],
  },
  flags: {},
  subCommands: {
    data: async () => (await import('./finetuneData.js')).finetuneDataCommand as unknown as CommandDef,
    recipe: async () => (await import('./finetuneRecipe.js')).finetuneRecipeCommand as unknown as CommandDef,
  },
});
