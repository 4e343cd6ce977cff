import { ModelError } from '../ModelError.js';
import { SyntheticModel } from '../synthetic/SyntheticModel.js';
import { SYNTHETIC_VARIANTS } from '../synthetic/syntheticVariants.js';
import { defineBackend } from './BackendDefinition.js';

/**
 * `synthetic`: the built-in simulated crowd (docs/synthetic-model.md). In-process and instant,
 * so `npm start` works anywhere; not a language model, and every run says so. `synthetic:VARIANT`
 * picks a named parameter set (`synthetic:emotional`, see SYNTHETIC_VARIANTS).
 */
export const synthetic = defineBackend({
  prefix: 'synthetic',
  modelName: 'VARIANT',
  modelOptional: true,
  summary: `the built-in simulated crowd (not an LLM; answers from the persona and task, offline); synthetic:${Object.keys(SYNTHETIC_VARIANTS).join(', synthetic:')} for a variant`,
  example: 'synthetic',
  isLanguageModel: false,
  hosts: { kind: 'none' },
  flags: {},
  readiness: 'always ready (in-process)',
  synchronous: true,
  retryDelayMs: 0,
  checkModel: (model) => {
    if (!Object.hasOwn(SYNTHETIC_VARIANTS, model))
      throw new ModelError(
        'bad-request',
        `--model synthetic:${model}: no such variant of the synthetic model; use synthetic or synthetic:${Object.keys(SYNTHETIC_VARIANTS).join(', synthetic:')}`,
      );
  },
  create: ({ model }) => new SyntheticModel(model === '' || model === 'synthetic' ? {} : { variant: model }),
});
