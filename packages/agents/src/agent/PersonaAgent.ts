import { type GenerationOptions, type ModelBackend, ModelError, type ModelRequest } from '@emocrowd/models';
import type { ConductOutcome } from '../conduct/ConductOutcome.js';
import { type ParsedAnswer, parseAnswer, parseStructuredAnswer } from '../parse/parseAnswer.js';
import type { Condition } from '../persona/Condition.js';
import type { Persona } from '../persona/Persona.js';
import { ANSWER_SCHEMA } from '../prompt/answerSchema.js';
import { createPromptBuilder, type PromptBuilder, type SocialContext } from '../prompt/PromptBuilder.js';
import type { EstimationTask } from '../task/EstimationTask.js';
import { answerSeed } from './answerSeed.js';
import { buildSimulationHints } from './buildSimulationHints.js';

/** Where and how one answer is asked. */
export interface AnswerContext {
  /** The run's seed; the call's seed is derived with {@link answerSeed}. */
  runSeed: number;
  /** Replicate number, from 0. */
  replicate: number;
  /** Social-influence round, from 0 (0 = independent answer). */
  round: number;
  /** The item's position in its battery, from 0 (default 0: a single question). */
  item?: number;
  social?: SocialContext;
  /** Generation options; `seed` is always replaced by the derived seed. */
  options?: Pick<GenerationOptions, 'temperature' | 'maxTokens' | 'keepAlive' | 'topP'>;
  signal?: AbortSignal;
}

/** One persona's answer: a value for the crowd, never an exception for model failures. */
export interface PersonaAnswer {
  personaId: string;
  personaIndex: number;
  replicate: number;
  round: number;
  /** ok: estimate read; unparsed: the model answered but no estimate could be read; failed: the call failed. */
  status: 'ok' | 'unparsed' | 'failed';
  /** In the task's unit. */
  estimate?: number;
  confidence?: number;
  isRange?: boolean;
  /** The model's raw text. */
  raw?: string;
  /** Why the answer is unparsed or failed. */
  reason?: string;
  latencyMs: number;
  tokens: { prompt: number; completion: number };
  cached: boolean;
  model: string;
  host?: string;
  /** What the conduct check did (runs with `--conduct`). */
  conduct?: ConductOutcome;
}

/**
 * Anything that answers for a persona: a {@link PersonaAgent}, or one wrapped by a further step
 * such as the conduct check (`ConductAgent`). A crowd run needs only this.
 */
export interface PersonaAnswerer {
  answer(persona: Persona, task: EstimationTask, ctx: AnswerContext): Promise<PersonaAnswer>;
}

/** Options of a {@link PersonaAgent}. */
export interface PersonaAgentOptions {
  backend: ModelBackend;
  /** What personas are told about themselves (default 'combined'). */
  condition?: Condition;
  /** A prompt builder to share between agents (default: the agent's own). */
  prompts?: PromptBuilder;
  /**
   * Called when an answer could not be parsed, with the request that produced it: a response
   * cache marks the entry (`CachedBackend.markUnparsed`) so `--retry-failed` asks again.
   */
  onUnparsed?: (request: ModelRequest, reason: string, raw: string) => void;
}

/**
 * Asks one persona one estimation question through a model backend.
 *
 * Intuition: the agent is the edge between a persona and the LLM port - it words the persona
 * and question (PromptBuilder), asks for structured output, seeds the call reproducibly, hands a
 * simulated model the hints it needs, and turns whatever comes back into a {@link PersonaAnswer}.
 *
 * Behaviour of {@link PersonaAgent.answer}:
 * 1. Sends the prompt messages, `schema: ANSWER_SCHEMA`, `options` with
 *    `seed = answerSeed(runSeed, persona.index, replicate, round, item)`, the simulation hints
 *    (buildSimulationHints), `replicate` and `signal`.
 * 2. Reads `response.structured` when present (parseStructuredAnswer), falling back to the text
 *    (parseAnswer); status 'ok' or 'unparsed' with the reason.
 * 3. A ModelError becomes status 'failed' with its message as reason (and its host); a
 *    cancelled call (the signal aborted, or a ModelError of kind 'aborted') rethrows; other
 *    errors are bugs and rethrow.
 */
export class PersonaAgent implements PersonaAnswerer {
  readonly backend: ModelBackend;
  readonly condition: Condition;
  private readonly prompts: PromptBuilder;
  private readonly onUnparsed: PersonaAgentOptions['onUnparsed'];

  constructor(opts: PersonaAgentOptions) {
    this.backend = opts.backend;
    this.condition = opts.condition ?? 'combined';
    this.prompts = opts.prompts ?? createPromptBuilder();
    this.onUnparsed = opts.onUnparsed;
  }

  /**
   * The model request `answer` sends for a persona, without sending it: what a plan needs to
   * count prompt tokens and look answers up in a response cache.
   *
   * @param persona - who answers
   * @param task - the question
   * @param ctx - seed, replicate, round, item, social context, options, signal
   * @returns the request (messages, options with the derived seed, schema, hints, replicate, signal)
   */
  request(persona: Persona, task: EstimationTask, ctx: AnswerContext): ModelRequest {
    const request: ModelRequest = {
      messages: this.prompts.build({
        persona,
        task,
        condition: this.condition,
        ...(ctx.social ? { social: ctx.social } : {}),
      }),
      options: {
        ...ctx.options,
        seed: answerSeed(ctx.runSeed, persona.index, ctx.replicate, ctx.round, ctx.item ?? 0),
      },
      schema: ANSWER_SCHEMA,
      hints: buildSimulationHints(persona, task, this.condition, ctx.social, ctx.round),
      replicate: ctx.replicate,
    };
    if (ctx.signal !== undefined) request.signal = ctx.signal;
    return request;
  }

  /**
   * Asks a persona a task.
   *
   * @param persona - who answers
   * @param task - the question
   * @param ctx - seed, replicate, round, social context, options, signal
   * @returns the answer; rejects only on cancellation or bugs
   */
  async answer(persona: Persona, task: EstimationTask, ctx: AnswerContext): Promise<PersonaAnswer> {
    return this.ask(this.request(persona, task, ctx), persona, task, ctx);
  }

  /**
   * Asks a persona to revise an answer it just gave: the same conversation, then its answer as
   * the assistant's turn and `message` as the next user turn (the conduct check's revision).
   *
   * Behaviour: as {@link PersonaAgent.answer}, with the same seed; the simulation hints carry the
   * first answer as `previousEstimate` (the persona sees it in the conversation), so the synthetic
   * model revises it as it revises its own answer in a social round.
   *
   * @param persona - who answers
   * @param task - the question
   * @param ctx - as for the first answer
   * @param first - the answer being revised
   * @param message - the user's next turn
   * @returns the revised answer; rejects only on cancellation or bugs
   */
  async revise(
    persona: Persona,
    task: EstimationTask,
    ctx: AnswerContext,
    first: PersonaAnswer,
    message: string,
  ): Promise<PersonaAnswer> {
    const request = this.request(persona, task, ctx);
    request.messages = [
      ...request.messages,
      { role: 'assistant', content: first.raw ?? '' },
      { role: 'user', content: message },
    ];
    if (request.hints !== undefined && first.estimate !== undefined)
      request.hints = { ...request.hints, previousEstimate: first.estimate };
    return this.ask(request, persona, task, ctx);
  }

  private async ask(
    request: ModelRequest,
    persona: Persona,
    task: EstimationTask,
    ctx: AnswerContext,
  ): Promise<PersonaAnswer> {
    ctx.signal?.throwIfAborted();
    const started = performance.now();
    try {
      const response = await this.backend.generate(request);
      let parsed: ParsedAnswer | undefined;
      if (response.structured !== undefined) parsed = parseStructuredAnswer(response.structured, task);
      if (parsed === undefined || parsed.status !== 'ok') parsed = parseAnswer(response.text, task);
      // Plain literals (no spread of a shared base): one object shape, cheap at a million answers.
      const answer: PersonaAnswer = {
        personaId: persona.id,
        personaIndex: persona.index,
        replicate: ctx.replicate,
        round: ctx.round,
        status: parsed.status,
        raw: response.text,
        latencyMs: response.latencyMs,
        tokens: { prompt: response.usage.promptTokens, completion: response.usage.completionTokens },
        cached: response.cached,
        model: response.model,
      };
      if (parsed.status === 'ok') {
        answer.estimate = parsed.estimate;
        if (parsed.confidence !== undefined) answer.confidence = parsed.confidence;
        if (parsed.isRange) answer.isRange = true;
      } else {
        answer.reason = parsed.reason;
        this.onUnparsed?.(request, parsed.reason, response.text);
      }
      if (response.host !== undefined) answer.host = response.host;
      return answer;
    } catch (err) {
      if (ctx.signal?.aborted) throw err;
      if (!(err instanceof ModelError) || err.kind === 'aborted') throw err;
      const failed: PersonaAnswer = {
        personaId: persona.id,
        personaIndex: persona.index,
        replicate: ctx.replicate,
        round: ctx.round,
        status: 'failed',
        reason: err.message,
        latencyMs: performance.now() - started,
        tokens: { prompt: 0, completion: 0 },
        cached: false,
        model: this.backend.info().id,
      };
      if (err.host !== undefined) failed.host = err.host;
      return failed;
    }
  }
}
