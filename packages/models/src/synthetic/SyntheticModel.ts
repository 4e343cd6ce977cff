import type { ModelBackend, ModelInfo, ModelRequest, ModelResponse } from '../ModelBackend.js';
import { ModelError } from '../ModelError.js';
import { createRng } from '../Rng.js';
import { hashHints } from './hashHints.js';
import { renderAnswer } from './renderAnswer.js';
import { simulateEstimate } from './simulateEstimate.js';
import { resolveSyntheticParameters, type SyntheticParameters } from './syntheticParameters.js';
import { syntheticVariant } from './syntheticVariants.js';

/** Options of the synthetic model. */
export interface SyntheticModelOptions {
  /**
   * A named variant (`emotional`, see SYNTHETIC_VARIANTS): its parameters replace the defaults
   * and its id is `synthetic:NAME`. Default: the plain model, id `synthetic`.
   */
  variant?: string;
  /** Parameters to change (e.g. `{ refusalRate: 0 }`); the rest keep the variant's or SYNTHETIC_PARAMETERS. */
  parameters?: Partial<SyntheticParameters>;
}

/**
 * What the synthetic model says when a request carries no usable hints: it cannot read the
 * prompt, so it declines in words that contain no number and fail parsing loudly.
 */
export const SYNTHETIC_NO_HINTS_TEXT =
  'I am the synthetic model: I can only simulate answers to numeric estimation questions, and this ' +
  'request carried no simulation hints with a positive true value, so I have no answer to give.';

const INFO: ModelInfo = Object.freeze({
  id: 'synthetic',
  backend: 'synthetic',
  model: 'synthetic',
  isLanguageModel: false,
  // The seed, the token limit and the schema shape the answer; temperature and top-p are ignored.
  capabilities: Object.freeze({
    seed: true,
    temperature: false,
    maxTokens: true,
    topP: false,
    keepAlive: false,
    schema: true,
  }),
});

/**
 * The built-in synthetic model: a seeded generative model of how a persona answers a numeric
 * estimation question, behind the LLM port so the whole pipeline (prompt -> text -> parse)
 * runs offline and fast. It is NOT a language model (`info().isLanguageModel === false`) and
 * never reads the prompt: it answers from `request.hints`.
 *
 * Behaviour:
 * 1. Without hints (or with a non-positive truth) it returns SYNTHETIC_NO_HINTS_TEXT.
 * 2. Otherwise it derives a stream from (options.seed, replicate, hints) with `hashHints`, so the
 *    same call gives the same text, and draws the answer with `simulateEstimate` (log-normal
 *    around the truth, shaped by familiarity, numeracy, emotion and the social anchor).
 * 3. It words the answer with `renderAnswer`: JSON when `request.schema` is set (`structured`
 *    filled), else free text in the persona's emotional register, sometimes a range, "1.2k",
 *    or a refusal.
 * 4. `options.maxTokens` truncates the text at about 4 characters a token (a truncated JSON
 *    answer has no `structured`); `temperature` and `topP` are accepted and ignored: the spread
 *    comes from the documented parameters, not from sampling settings.
 * Usage is approximated as characters / 4; `latencyMs` is measured; `cached` is false.
 *
 * @example
 * const model = new SyntheticModel();
 * await model.generate({ messages, options: { seed: 7 }, hints: { truth: 1194, unit: 'mi' } });
 * // -> { text: "I'd estimate about 1,050 miles.", model: 'synthetic', ... }
 */
export class SyntheticModel implements ModelBackend {
  /** The parameters in use (defaults merged with the variant's and the options). */
  readonly parameters: Readonly<SyntheticParameters>;
  private readonly identity: ModelInfo;

  /**
   * @param options - variant and parameter overrides
   * @throws RangeError when the variant is unknown or a parameter is out of range
   */
  constructor(options: SyntheticModelOptions = {}) {
    const variant = options.variant === undefined ? undefined : syntheticVariant(options.variant);
    this.parameters = resolveSyntheticParameters({ ...variant?.parameters, ...options.parameters });
    const id = variant ? `synthetic:${variant.name}` : INFO.id;
    this.identity = variant ? Object.freeze({ ...INFO, id, model: id }) : INFO;
  }

  /**
   * @returns `{ id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false }`,
   *   with id and model `synthetic:NAME` for a variant
   */
  info(): ModelInfo {
    return this.identity;
  }

  /**
   * Simulates one answer.
   *
   * @param request - messages (only counted for usage), options.seed, replicate, hints, schema
   * @returns the simulated response
   * @throws ModelError of kind `aborted` when the signal is already aborted
   */
  async generate(request: ModelRequest): Promise<ModelResponse> {
    return this.generateNow(request);
  }

  /**
   * The synchronous core of `generate` (the benchmark's hot path, without the Promise).
   *
   * @param request - as for `generate`
   * @returns the simulated response
   */
  generateNow(request: ModelRequest): ModelResponse {
    const start = performance.now();
    if (request.signal?.aborted) throw new ModelError('aborted', 'synthetic model: the request was aborted');
    const hints = request.hints;
    let text: string;
    let structured: unknown;
    if (hints === undefined || !(hints.truth > 0) || !Number.isFinite(hints.truth)) {
      text = SYNTHETIC_NO_HINTS_TEXT;
    } else {
      const options = request.options;
      const rng = createRng(hashHints(hints, options?.seed ?? 0, request.replicate ?? 0));
      const estimate = simulateEstimate(hints, rng, this.parameters);
      const schema = request.schema;
      const properties = schema?.properties;
      const rendered = renderAnswer(
        estimate,
        rng,
        {
          structured: schema !== undefined,
          schemaHasUnit: typeof properties === 'object' && properties !== null && 'unit' in properties,
        },
        this.parameters,
      );
      text = rendered.text;
      structured = rendered.structured;
      const maxTokens = options?.maxTokens;
      if (maxTokens !== undefined && maxTokens >= 0 && text.length > maxTokens * 4) {
        text = text.slice(0, maxTokens * 4);
        structured = undefined;
      }
    }
    let promptChars = 0;
    for (const message of request.messages) promptChars += message.content.length;
    const response: ModelResponse = {
      text,
      usage: { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(text.length / 4) },
      latencyMs: performance.now() - start,
      cached: false,
      model: this.identity.id,
    };
    if (structured !== undefined) response.structured = structured;
    return response;
  }

  /** Always ready: nothing to reach. */
  async ready(): Promise<void> {}

  /** Nothing to release. */
  async close(): Promise<void> {}
}
