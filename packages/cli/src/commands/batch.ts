import { type CommandDef, defineCommand } from '../command/defineCommand.js';

/** `emocrowd batch`: a run through batch files instead of online calls. */
export const batchCommand = defineCommand({
  meta: {
    name: 'batch',
    description:
      'Run a crowd through OpenAI batch files instead of online calls: export its requests, answer them with vllm run-batch or any server with /v1/files and /v1/batches (OpenAI, Azure OpenAI, a LiteLLM proxy), and import the answers exactly as online answers arrive.',
    examples: [
      'emocrowd batch export runs/b --out requests.jsonl',
      'emocrowd batch import runs/b results.jsonl',
      'emocrowd batch submit runs/b --host https://api.openai.com --wait',
      'emocrowd batch status runs/b',
      'emocrowd batch fetch runs/b',
    ],
  },
  flags: {},
  subCommands: {
    export: async () => (await import('./batchExport.js')).batchExportCommand as unknown as CommandDef,
    import: async () => (await import('./batchImport.js')).batchImportCommand as unknown as CommandDef,
    submit: async () => (await import('./batchSubmit.js')).batchSubmitCommand as unknown as CommandDef,
    status: async () => (await import('./batchStatus.js')).batchStatusCommand as unknown as CommandDef,
    fetch: async () => (await import('./batchFetch.js')).batchFetchCommand as unknown as CommandDef,
  },
  run: async (context) => (await import('../actions/batchAction.js')).batchAction(context),
});
