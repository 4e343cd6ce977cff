import { modelErrorFromFailure } from '../http/modelErrorFromFailure.js';
import { normalizeOllamaHost } from '../http/normalizeOllamaHost.js';
import { withDeadline } from '../http/withDeadline.js';
import { loadOllamaClient } from './loadOllamaClient.js';
import { OLLAMA_FIXES } from './ollamaFixes.js';

/** One model an Ollama server has (a row of /api/tags). */
export interface OllamaModelSummary {
  /** Name with tag, e.g. "llama3.2:1b". */
  name: string;
  /** Content digest (sha256 hex). */
  digest: string;
  /** Size on disk in bytes. */
  size: number;
  /** ISO timestamp of the last change. */
  modifiedAt: string;
  family?: string;
  parameterSize?: string;
  quantization?: string;
}

/**
 * Lists the models an Ollama server has, through the official client (GET /api/tags).
 *
 * @param host "host:port" or URL; default OLLAMA_HOST, then http://127.0.0.1:11434.
 * @param options `timeoutMs`: give up after this long (default: wait for the server).
 * @returns One summary per model, in the server's order.
 * @throws ModelError "connection" naming the host when the server cannot be reached, "timeout" when it does not answer in time.
 */
export async function listModels(
  host?: string,
  options: { timeoutMs?: number } = {},
): Promise<OllamaModelSummary[]> {
  const base = normalizeOllamaHost(host);
  const deadline = withDeadline(options.timeoutMs ?? Number.POSITIVE_INFINITY, undefined);
  try {
    const { Ollama } = await loadOllamaClient();
    const { models } = await new Ollama({ host: base, fetch: deadline.fetch }).list();
    return models.map((m) => ({
      name: m.name,
      digest: m.digest,
      size: m.size,
      modifiedAt: String(m.modified_at),
      ...(m.details?.family ? { family: m.details.family } : {}),
      ...(m.details?.parameter_size ? { parameterSize: m.details.parameter_size } : {}),
      ...(m.details?.quantization_level ? { quantization: m.details.quantization_level } : {}),
    }));
  } catch (error) {
    throw modelErrorFromFailure(error, {
      host: base,
      model: '',
      fixes: OLLAMA_FIXES,
      timedOut: deadline.timedOut(),
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    });
  } finally {
    deadline.dispose();
  }
}
