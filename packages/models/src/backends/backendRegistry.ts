import type { BackendDefinition } from './BackendDefinition.js';
import { createBackendRegistry } from './createBackendRegistry.js';
import * as registered from './registry.js';

/** The registry of every backend listed in `registry.ts`: what the CLI, the viewer server and the stack use. */
export const backendRegistry = createBackendRegistry(Object.values(registered) as BackendDefinition[]);
