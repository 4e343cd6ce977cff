import { findTrainingRecipe } from '../catalog/findTrainingRecipe.js';
import { CliError, usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { finetuneRecipeFlags } from '../commands/finetuneRecipe.js';

const BASE = 'unsloth/Meta-Llama-3.1-8B-Instruct-bnb-4bit';

/** What `emocrowd finetune recipe` does; its flags and help are in commands/finetuneRecipe.ts. */
export async function finetuneRecipeAction({
  flags,
  positionals,
  io,
}: CommandContext<typeof finetuneRecipeFlags>): Promise<number> {
  if (positionals.length > 0) throw usageError(`finetune recipe: unexpected argument "${positionals[0]}"`);
  const recipe = findTrainingRecipe();
  if (recipe === undefined)
    throw new CliError(
      'finetune recipe: recipes/train_unsloth.py of @emocrowd/models is not installed here; get it from the emocrowd repository (packages/models/recipes)',
      1,
    );
  const steps = [
    'emocrowd finetune data --objective express --format chat --balance --out express.jsonl',
    'pip install unsloth',
    `python3 ${recipe} --data express.jsonl --out runs/express --base ${BASE} --epochs 1`,
    'emocrowd models create --name emollama --gguf runs/express/gguf/<file>.gguf',
    'emocrowd run --model ollama:emollama',
  ];
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ recipe, base: BASE, steps }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    [
      `training recipe: ${recipe}`,
      '',
      'A LoRA fine-tune with Unsloth (4-bit base, LoRA r 16); it needs a CUDA GPU (about 8 GB of VRAM',
      'for an 8B model) and Python. Every setting is a flag: python3 <recipe> --help.',
      '',
      'From data to a model Ollama serves:',
      ...steps.map((s, i) => `  ${i + 1}. ${s}`),
      '',
      'The adapter alone also works on top of the base: emocrowd models create --name emollama',
      '  --from <base in Ollama> --adapter runs/express/lora/adapter_model.safetensors',
      '',
    ].join('\n'),
  );
  return 0;
}
