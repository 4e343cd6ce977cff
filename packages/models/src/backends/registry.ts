/**
 * The model backends emocrowd knows: one line per backend. A new backend is one file in this
 * folder (a `defineBackend({...})`, see docs/guides/add-a-backend.md) and one line here; the
 * CLI's flags and help, the viewer server's run options, docs/cli.md and the backend stack
 * all read this list (through `backendRegistry`).
 */
export { langchain } from './langchain.js';
export { ollama } from './ollama.js';
export { openai } from './openai.js';
export { synthetic } from './synthetic.js';
