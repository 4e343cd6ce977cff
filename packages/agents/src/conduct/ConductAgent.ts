import { type ModelBackend, ModelError } from '@emocrowd/models';
import { answerSeed } from '../agent/answerSeed.js';
import type { AnswerContext, PersonaAgent, PersonaAnswer } from '../agent/PersonaAgent.js';
import { answerReasoning } from '../parse/answerReasoning.js';
import type { Persona } from '../persona/Persona.js';
import type { EstimationTask } from '../task/EstimationTask.js';
import { buildJudgePrompt, judgeSchema } from './buildJudgePrompt.js';
import type { CodeOfConduct } from './CodeOfConduct.js';
import type { ConductOutcome } from './ConductOutcome.js';
import { DEFAULT_REVISION_TEMPLATE } from './defaultCodeOfConduct.js';
import { fillPromptTemplate } from './fillPromptTemplate.js';
import { heuristicJudge } from './heuristicJudge.js';
import type { Judgement } from './Judgement.js';
import { readJudgement } from './readJudgement.js';

/** Options of a {@link ConductAgent}. */
export interface ConductAgentOptions {
  /** The agent whose answers are checked (and asked to revise). */
  agent: PersonaAgent;
  code: CodeOfConduct;
  /** The judge's backend; the built-in synthetic model judges with `heuristicJudge`. */
  judge: ModelBackend;
  /** Most tokens of a judgement (default 256). */
  judgeMaxTokens?: number;
}

/** What the judge made of one answer. */
type Verdict = ({ judgement: Judgement } | { unjudged: string }) & {
  raw?: string;
  cached?: boolean;
  tokens?: { prompt: number; completion: number };
};

/** Temperature of every judge call: a judgement should not depend on sampling luck. */
export const JUDGE_TEMPERATURE = 0;

/**
 * A persona agent with a conscience: after a persona answers, a judge rates the answer's
 * reasoning against a code of conduct, and an answer in violation gets one revision turn with
 * the judge's note.
 *
 * Intuition: Chang's self-supervised loop (arXiv 2404.13071) evaluates output against codes of
 * conduct and rewrites what violates them; here the crowd's answers go through that loop, and
 * both the first and the revised answer are kept, so a study can ask whether ethical
 * self-correction changes the wisdom of the crowd.
 *
 * Behaviour of {@link ConductAgent.answer}:
 * 1. The persona answers (`PersonaAgent.answer`). Only an answer with a number is judged; the
 *    others come back unchanged, without `conduct`.
 * 2. The judge reads the answer's reasoning (`answerReasoning`) with the question: a language
 *    model gets `buildJudgePrompt` with `judgeSchema`, the answer's seed, temperature 0 and at
 *    most `judgeMaxTokens` tokens, through its backend stack (so it is cached like any call);
 *    the built-in synthetic model judges with `heuristicJudge`. A failed call or an unreadable
 *    verdict leaves the answer as it is with `verdict: "unjudged"` and the reason; a cancelled
 *    call rethrows.
 * 3. A violation is revised once (`PersonaAgent.revise` with the code's revision template). When
 *    the revision gives a number, the answer's estimate, confidence and text become the
 *    revision's and `conduct.original` keeps the first answer; otherwise the first answer stays
 *    and `conduct.revision` says why.
 * 4. Every call's tokens and cache status are kept: the answer's own (`tokens`, `cached`: the
 *    revision's when revised), `conduct.original` and `conduct.revision` for the persona's other
 *    turn, `judgeTokens` and `judgeCached` for the judge, so a run's token counts include them.
 */
export class ConductAgent {
  readonly code: CodeOfConduct;
  private readonly agent: PersonaAgent;
  private readonly judge: ModelBackend;
  private readonly judgeId: string;
  private readonly heuristic: boolean;
  private readonly maxTokens: number;

  constructor(opts: ConductAgentOptions) {
    this.agent = opts.agent;
    this.code = opts.code;
    this.judge = opts.judge;
    const info = opts.judge.info();
    this.judgeId = info.id;
    this.heuristic = info.backend === 'synthetic';
    this.maxTokens = opts.judgeMaxTokens ?? 256;
  }

  /**
   * Asks, judges and, for a violation, revises one answer.
   *
   * @param persona - who answers
   * @param task - the question
   * @param ctx - seed, replicate, round, item, social context, options, signal
   * @returns the answer with its `conduct` outcome; rejects only on cancellation or bugs
   */
  async answer(persona: Persona, task: EstimationTask, ctx: AnswerContext): Promise<PersonaAnswer> {
    const first = await this.agent.answer(persona, task, ctx);
    if (first.status !== 'ok') return first;
    const verdict = await this.verdictOn(persona, task, ctx, first);
    const base = {
      judge: this.judgeId,
      ...(verdict.raw !== undefined ? { judgeRaw: verdict.raw } : {}),
      ...(verdict.cached !== undefined ? { judgeCached: verdict.cached } : {}),
      ...(verdict.tokens !== undefined ? { judgeTokens: verdict.tokens } : {}),
    };
    if ('unjudged' in verdict)
      return {
        ...first,
        conduct: { verdict: 'unjudged', reason: verdict.unjudged, ...base, revised: false },
      };
    const { judgement } = verdict;
    const conduct: ConductOutcome = { verdict: judgement.verdict, ...base, revised: false };
    if (judgement.virtue !== undefined) conduct.virtue = judgement.virtue;
    if (judgement.vice !== undefined) conduct.vice = judgement.vice;
    if (judgement.note !== '') conduct.note = judgement.note;
    if (judgement.verdict === 'ok') return { ...first, conduct };

    const revised = await this.agent.revise(persona, task, ctx, first, this.revisionMessage(judgement));
    conduct.original = originalOf(first);
    conduct.revision = {
      status: revised.status,
      ...(revised.reason !== undefined ? { reason: revised.reason } : {}),
      cached: revised.cached,
      tokens: { ...revised.tokens },
    };
    if (revised.status !== 'ok') return { ...first, conduct };
    conduct.revised = true;
    return { ...revised, conduct };
  }

  private async verdictOn(
    persona: Persona,
    task: EstimationTask,
    ctx: AnswerContext,
    first: PersonaAnswer,
  ): Promise<Verdict> {
    const reasoning = answerReasoning(first.raw);
    if (this.heuristic) return { judgement: heuristicJudge(reasoning, this.code) };
    try {
      const response = await this.judge.generate({
        messages: buildJudgePrompt(this.code, {
          question: task.question,
          answer: reasoning,
          ...(first.estimate !== undefined ? { estimate: first.estimate } : {}),
        }),
        schema: judgeSchema(this.code),
        options: {
          seed: answerSeed(ctx.runSeed, persona.index, ctx.replicate, ctx.round, ctx.item ?? 0),
          temperature: JUDGE_TEMPERATURE,
          maxTokens: this.maxTokens,
        },
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
      const read = readJudgement(response, this.code);
      const about = {
        raw: response.text,
        cached: response.cached,
        tokens: { prompt: response.usage.promptTokens, completion: response.usage.completionTokens },
      };
      return 'unreadable' in read ? { unjudged: read.unreadable, ...about } : { judgement: read, ...about };
    } catch (error) {
      if (ctx.signal?.aborted || !(error instanceof ModelError) || error.kind === 'aborted') throw error;
      return { unjudged: `the judge's call failed: ${error.message}` };
    }
  }

  private revisionMessage(judgement: Judgement): string {
    const virtue = this.code.virtues.find((v) => v.virtue === judgement.virtue);
    return fillPromptTemplate(this.code.revisionPrompt ?? DEFAULT_REVISION_TEMPLATE, {
      note: judgement.note,
      virtue: virtue?.virtue ?? 'each virtue',
      vice: judgement.vice ?? 'a vice',
      between: virtue ? `${virtue.between[0]} and ${virtue.between[1]}` : 'two vices',
    });
  }
}

function originalOf(first: PersonaAnswer): NonNullable<ConductOutcome['original']> {
  const original: NonNullable<ConductOutcome['original']> = {
    status: first.status,
    tokens: { ...first.tokens },
    cached: first.cached,
  };
  if (first.estimate !== undefined) original.estimate = first.estimate;
  if (first.confidence !== undefined) original.confidence = first.confidence;
  if (first.isRange) original.isRange = true;
  if (first.raw !== undefined) original.raw = first.raw;
  return original;
}
