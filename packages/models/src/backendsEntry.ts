/**
 * The backend registry alone (`@emocrowd/models/backends`): what a program needs to name the
 * model backends, their flags and host rules without loading any client, cache or data. The
 * CLI's command definitions read their `--model`, `--host` and backend flags from here, so
 * `emocrowd --help` imports no HTTP client; the clients load when a backend first sends a request.
 */

export type {
  BackendAdapter,
  BackendContext,
  BackendDefinition,
  BackendFlag,
  BackendSetting,
  BackendSettings,
  HostPolicy,
  ListedModel,
} from './backends/BackendDefinition.js';
export { defineBackend } from './backends/BackendDefinition.js';
export { backendRegistry } from './backends/backendRegistry.js';
export type { BackendRegistry, ModelSpec, ResolvedModelSpec } from './backends/createBackendRegistry.js';
export { createBackendRegistry, modelSpecForm } from './backends/createBackendRegistry.js';
