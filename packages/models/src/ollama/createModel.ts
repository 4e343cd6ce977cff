import { basename } from 'node:path';
import type { CreateRequest } from 'ollama';
import { Ollama } from 'ollama';
import { modelErrorFromFailure } from '../http/modelErrorFromFailure.js';
import { normalizeOllamaHost } from '../http/normalizeOllamaHost.js';
import { ModelError } from '../ModelError.js';
import type { ModelfileParameters } from './buildModelfile.js';
import { OLLAMA_FIXES } from './ollamaFixes.js';
import { uploadBlob } from './uploadBlob.js';

/** Options of `createModel`. At least one of `from` and `ggufPath`. */
export interface CreateModelOptions {
  /** "host:port" or URL; default OLLAMA_HOST, then http://127.0.0.1:11434. */
  host?: string;
  /** Name of the new model, e.g. "emollama". */
  name: string;
  /** Base model already on the server, e.g. "llama3.2:1b". */
  from?: string;
  /** Local LoRA adapter file (safetensors or GGUF), uploaded as a blob. */
  adapterPath?: string;
  /** Local GGUF weights file, uploaded as a blob and used instead of `from`. */
  ggufPath?: string;
  system?: string;
  template?: string;
  parameters?: ModelfileParameters;
  /** Called with each status line the server streams ("using existing layer ...", "success"). */
  onProgress?: (status: string) => void;
}

/** What `createModel` did. */
export interface CreateModelResult {
  name: string;
  /** Digests of the uploaded files, by role. */
  blobs: { adapter?: string; gguf?: string };
  /** Every status line the server sent, ending with "success". */
  statuses: string[];
}

/**
 * Creates a model on an Ollama server from a base model or GGUF file, an optional adapter,
 * a system prompt, a template and parameters (POST /api/create, docs/api.md "Create a Model").
 *
 * Intuition: the same steps as `ollama create -f Modelfile`, without needing the ollama CLI on
 * the machine that holds the files: local files are uploaded as sha256 blobs first, then the
 * create request names them by digest (`files`, `adapters`). Behaviour: uploads (skipping blobs
 * the server has), streams the status lines to `onProgress`, and fails unless the last is "success".
 *
 * @param options Name, base, files, prompt, parameters, progress callback.
 * @returns The model name, blob digests and status lines.
 * @throws ModelError: bad-request for missing inputs or unreadable files, not-found when `from`
 *   is unknown (fix: ollama pull), connection when the server is unreachable.
 */
export async function createModel(options: CreateModelOptions): Promise<CreateModelResult> {
  const host = normalizeOllamaHost(options.host);
  if (!options.from && !options.ggufPath)
    throw new ModelError(
      'bad-request',
      `createModel("${options.name}") needs "from" (a base model) or "ggufPath"`,
      { host },
    );
  const blobs: CreateModelResult['blobs'] = {};
  const request: CreateRequest & { files?: Record<string, string> } = { model: options.name, stream: true };
  if (options.ggufPath) {
    blobs.gguf = await uploadBlob(host, options.ggufPath);
    request.files = { [basename(options.ggufPath)]: blobs.gguf };
  } else if (options.from) {
    request.from = options.from;
  }
  if (options.adapterPath) {
    blobs.adapter = await uploadBlob(host, options.adapterPath);
    request.adapters = { [basename(options.adapterPath)]: blobs.adapter };
  }
  if (options.system !== undefined) request.system = options.system;
  if (options.template !== undefined) request.template = options.template;
  if (options.parameters !== undefined) request.parameters = { ...options.parameters };
  const statuses: string[] = [];
  try {
    const progress = await new Ollama({ host }).create({ ...request, stream: true });
    for await (const line of progress) {
      statuses.push(line.status);
      options.onProgress?.(line.status);
    }
  } catch (error) {
    throw modelErrorFromFailure(error, { host, model: options.from ?? options.name, fixes: OLLAMA_FIXES });
  }
  if (statuses.at(-1) !== 'success') {
    throw new ModelError(
      'bad-response',
      `creating "${options.name}" on ${host} ended without "success" (last: ${statuses.at(-1) ?? 'nothing'})`,
      { host },
    );
  }
  return { name: options.name, blobs, statuses };
}
