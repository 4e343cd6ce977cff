import { Ollama } from 'ollama';
import { modelErrorFromFailure } from '../http/modelErrorFromFailure.js';
import { normalizeOllamaHost } from '../http/normalizeOllamaHost.js';
import { OLLAMA_FIXES } from './ollamaFixes.js';

/** What Ollama says about one model (POST /api/show). */
export interface OllamaModelDetails {
  name: string;
  /** The Modelfile the model was built from. */
  modelfile: string;
  /** PARAMETER lines as Ollama prints them ("stop    \"<|eot_id|>\"" per line). */
  parameters: string;
  template: string;
  system?: string;
  /** e.g. ["completion", "tools"]. */
  capabilities: string[];
  family?: string;
  parameterSize?: string;
  quantization?: string;
  /** GGUF metadata (general.architecture, context length, ...). */
  modelInfo: Record<string, unknown>;
}

/**
 * Shows one model's Modelfile, template, parameters and metadata, through the official client.
 *
 * @param host "host:port" or URL; undefined for OLLAMA_HOST / the default.
 * @param name Model name, e.g. "emollama" or "llama3.2:1b".
 * @returns The model's details.
 * @throws ModelError "not-found" with the `ollama pull` fix, or "connection".
 */
export async function showModel(host: string | undefined, name: string): Promise<OllamaModelDetails> {
  const base = normalizeOllamaHost(host);
  try {
    const r = await new Ollama({ host: base }).show({ model: name });
    const info = r.model_info as unknown;
    return {
      name,
      modelfile: r.modelfile ?? '',
      parameters: r.parameters ?? '',
      template: r.template ?? '',
      ...(r.system ? { system: r.system } : {}),
      capabilities: r.capabilities ?? [],
      ...(r.details?.family ? { family: r.details.family } : {}),
      ...(r.details?.parameter_size ? { parameterSize: r.details.parameter_size } : {}),
      ...(r.details?.quantization_level ? { quantization: r.details.quantization_level } : {}),
      modelInfo: info instanceof Map ? Object.fromEntries(info) : ((info ?? {}) as Record<string, unknown>),
    };
  } catch (error) {
    throw modelErrorFromFailure(error, { host: base, model: name, fixes: OLLAMA_FIXES });
  }
}
