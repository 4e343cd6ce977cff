import { ollamaHostFlag } from '../catalog/ollamaHostFlag.js';
import { defineCommand, type FlagDefs } from '../command/defineCommand.js';

/** The flags of `emocrowd models create`. */
export const modelsCreateFlags = {
  name: { type: 'string', valueName: 'NAME', description: 'Name of the new model, e.g. emollama.' },
  from: { type: 'string', valueName: 'BASE', description: 'Base model on the server, e.g. llama3.1:8b.' },
  gguf: {
    type: 'string',
    valueName: 'PATH',
    description: 'Local GGUF weights file, used instead of --from.',
  },
  adapter: {
    type: 'string',
    valueName: 'PATH',
    description: 'Local LoRA adapter file (safetensors or GGUF) applied on the base.',
  },
  system: { type: 'string', valueName: 'TEXT', description: 'System prompt baked into the model.' },
  template: {
    type: 'string',
    valueName: 'TEXT',
    description: 'Prompt template (Go template), when the base has none or the wrong one.',
  },
  parameter: {
    type: 'string',
    valueName: 'KEY=VALUE',
    multiple: true,
    description: 'A model parameter, e.g. temperature=0.8, num_ctx=4096, stop=<|eot_id|>.',
  },
  ...ollamaHostFlag,
  modelfile: {
    type: 'string',
    valueName: 'PATH',
    description: 'Where to write the Modelfile. Default: NAME.Modelfile in the working directory.',
  },
  force: { type: 'boolean', description: 'Overwrite an existing Modelfile.' },
  'dry-run': { type: 'boolean', description: 'Print the Modelfile and stop: no file, no server.' },
  quiet: { type: 'boolean', short: 'q', description: 'No server status lines on stderr.' },
  json: {
    type: 'boolean',
    description: 'Print {"name", "host", "modelfile", "blobs", "statuses"} on stdout.',
  },
} as const satisfies FlagDefs;

/** `emocrowd models create`: a model from a base or GGUF file, an adapter, a system prompt and parameters. */
export const modelsCreateCommand = defineCommand({
  meta: {
    name: 'models create',
    description:
      'Create an Ollama model from a base model (--from) or a GGUF file (--gguf), optionally with a LoRA adapter, a system prompt and parameters. Local files are uploaded to the server, so it may run elsewhere. The Modelfile is written beside (--modelfile) for `ollama create -f`; --dry-run only prints it.',
    examples: [
      'emocrowd models create --name emollama --from llama3.1:8b --adapter runs/express/lora/adapter_model.safetensors',
      'emocrowd models create --name emollama --gguf runs/express/gguf/model-q4_k_m.gguf --parameter temperature=0.8',
      'emocrowd models create --name calm --from llama3.2:1b --system "You are calm." --dry-run',
    ],
  },
  flags: modelsCreateFlags,
  run: async (context) => (await import('../actions/modelsCreateAction.js')).modelsCreateAction(context),
});
