import { SyntheticModel } from '../synthetic/SyntheticModel.js';
import { defineBackend } from './BackendDefinition.js';

/**
 * `synthetic`: the built-in simulated crowd (docs/synthetic-model.md). In-process and instant,
 * so `npm start` works anywhere; not a language model, and every run says so.
 */
export const synthetic = defineBackend({
  prefix: 'synthetic',
  summary: 'the built-in simulated crowd (not an LLM; answers from the persona and task, offline)',
  example: 'synthetic',
  isLanguageModel: false,
  hosts: { kind: 'none' },
  flags: {},
  readiness: 'always ready (in-process)',
  synchronous: true,
  retryDelayMs: 0,
  create: () => new SyntheticModel(),
});
