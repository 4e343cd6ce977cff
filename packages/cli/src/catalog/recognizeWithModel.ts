import { buildRecognitionPrompt, type ModelBackend, ModelError } from '@emocrowd/models';
import { readRecognitionAnswer } from './readRecognitionAnswer.js';
import { recognitionSchema } from './recognitionSchema.js';

/** Options of {@link recognizeWithModel}. */
export interface RecognizeWithModelOptions {
  backend: ModelBackend;
  texts: readonly string[];
  /** The candidate labels, in prompt order. */
  labels: readonly string[];
  /** "emotion", or "sentiment" for the sentiment level. */
  noun: 'emotion' | 'sentiment';
  concurrency: number;
  /** Ask for `{"labels": [...]}` structured output. */
  structured: boolean;
  seed: number;
  temperature: number;
  maxTokens: number;
  /** Stops issuing new calls and aborts those in flight. */
  signal?: AbortSignal;
  /** Called after each answer with the number done and failed so far. */
  onProgress?: (done: number, failed: number) => void;
}

/** Per-text outcomes of {@link recognizeWithModel}. */
export interface RecognizeWithModelResult {
  /** Labels named per text ([] when the call failed or the answer named none). */
  predictions: string[][];
  /** Texts whose answer named no candidate label. */
  unparsed: number;
  /** Texts whose call failed after the backend's retries. */
  failed: number;
  /** The first failure's message, when any. */
  firstError?: string;
  /** True when the signal stopped the run before every text was asked. */
  stopped: boolean;
}

/**
 * Asks a language model the recognition prompt for every text, at most `concurrency` at a time.
 *
 * Intuition: the model is asked exactly what a `recognize` fine-tune is trained on
 * (`buildRecognitionPrompt`, Peng et al. ICASSP 2024), deterministically (fixed seed, the given
 * temperature), so scores of a base and a tuned model compare. Behaviour: one call per text;
 * a failed call becomes a failed row (empty prediction), never an exception, so one error does
 * not sink the evaluation; calls still in flight are aborted when `signal` fires.
 *
 * @param options - backend, texts, labels and call settings
 * @returns predictions in text order with unparsed and failed counts
 */
export async function recognizeWithModel(
  options: RecognizeWithModelOptions,
): Promise<RecognizeWithModelResult> {
  const { backend, texts, labels } = options;
  const schema = options.structured ? recognitionSchema(labels) : undefined;
  const predictions: string[][] = texts.map(() => []);
  let next = 0;
  let done = 0;
  let failed = 0;
  let unparsed = 0;
  let firstError: string | undefined;
  const worker = async (): Promise<void> => {
    while (next < texts.length && !options.signal?.aborted) {
      const i = next++;
      try {
        const response = await backend.generate({
          messages: [
            { role: 'user', content: buildRecognitionPrompt(texts[i] as string, labels, options.noun) },
          ],
          options: { seed: options.seed, temperature: options.temperature, maxTokens: options.maxTokens },
          ...(schema ? { schema } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const found = readRecognitionAnswer(response, labels);
        if (found.length === 0) unparsed++;
        predictions[i] = found;
      } catch (error) {
        if (options.signal?.aborted) return;
        failed++;
        firstError ??= error instanceof ModelError || error instanceof Error ? error.message : String(error);
      }
      done++;
      options.onProgress?.(done, failed);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency, texts.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return {
    predictions,
    unparsed,
    failed,
    ...(firstError !== undefined ? { firstError } : {}),
    stopped: done < texts.length,
  };
}
