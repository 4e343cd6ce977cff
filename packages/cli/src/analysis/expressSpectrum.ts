import {
  type BeamSpectrumId,
  beamWord,
  buildRewritePrompt,
  cleanRewrite,
  type ExpressionScore,
  intendedEkman,
  scoreExpression,
  templateRewrite,
} from '@emocrowd/agents';
import { type RankCorrelation, spearman } from '@emocrowd/crowd';
import { createRng, type EmotionClassifier, type ModelBackend, ModelError } from '@emocrowd/models';

/** One level of an expression experiment: the rewrite and what the recognizer reads in it. */
export interface ExpressionLevel extends Partial<ExpressionScore> {
  level: number;
  word: string;
  /** The Ekman group the word should be read as (through its GoEmotions counterpart), or null. */
  intendedEkman: string | null;
  status: 'ok' | 'failed';
  /** Why the model call failed. */
  reason?: string;
  rewrite?: string;
  /** The predicted Ekman groups include the intended one (null without an intended group). */
  expressesIntended?: boolean | null;
}

/** The report of `emocrowd emotions express`. */
export interface ExpressionReport {
  model: string;
  /** 'model': a language model rewrote the text; 'template': the built-in model's template. */
  rewriter: 'model' | 'template';
  spectrum: BeamSpectrumId;
  text: string;
  /** The original text's scores, for reference. */
  original: ExpressionScore;
  levels: ExpressionLevel[];
  /** Spearman's rho between the intended level and the pole score, over the rewrites that succeeded. */
  agreement: RankCorrelation;
  /** The same with the recognizer's valence. */
  valenceAgreement: RankCorrelation;
  /** Rewrites whose intended Ekman group was predicted, of those that have one. */
  manipulationCheck: { n: number; expressed: number; share: number };
}

/** Options of {@link expressSpectrum}. */
export interface ExpressSpectrumOptions {
  backend: ModelBackend;
  classifier: EmotionClassifier;
  spectrum: BeamSpectrumId;
  text: string;
  /** Signed levels, in the order asked. */
  levels: readonly number[];
  seed: number;
  temperature: number;
  maxTokens: number;
  signal?: AbortSignal;
}

/**
 * Rewrites one text at each level of a BEAM spectrum and checks, with the built-in recognizer,
 * whether the expressed level follows the intended one.
 *
 * Behaviour:
 * 1. A language model gets `buildRewritePrompt` per level (one call each, seed and temperature
 *    as given) and its answer is cleaned with `cleanRewrite`; the built-in synthetic model is
 *    not a language model, so it rewrites with `templateRewrite` and says so (`rewriter`).
 * 2. Each rewrite and the original are scored with `scoreExpression`; a failed call is a row
 *    with status "failed" and its reason, never an exception.
 * 3. Agreement: Spearman's rho between level and pole score (and valence) over the rewrites,
 *    one-sided (does the score rise with the level?), exact for up to 9 levels.
 * 4. The manipulation check counts rewrites whose predicted Ekman groups contain the intended
 *    word's group, as `analyze --manipulation-check` does for a run's answers.
 *
 * @param options - model, recognizer, spectrum, text, levels and call settings
 * @returns the report
 */
export async function expressSpectrum(options: ExpressSpectrumOptions): Promise<ExpressionReport> {
  const { backend, classifier, spectrum, text } = options;
  const info = backend.info();
  const template = info.backend === 'synthetic';
  const levels: ExpressionLevel[] = [];
  for (const level of options.levels) {
    options.signal?.throwIfAborted();
    const word = beamWord(spectrum, level);
    const row: ExpressionLevel = { level, word, intendedEkman: intendedEkman(word) ?? null, status: 'ok' };
    try {
      row.rewrite = template ? templateRewrite(text, spectrum, level) : await rewrite(options, level);
    } catch (error) {
      if (options.signal?.aborted || !(error instanceof ModelError) || error.kind === 'aborted') throw error;
      levels.push({ ...row, status: 'failed', reason: error.message });
      continue;
    }
    const score = scoreExpression(row.rewrite, spectrum, classifier);
    const expresses = row.intendedEkman === null ? null : score.ekman.includes(row.intendedEkman);
    levels.push({ ...row, ...score, expressesIntended: expresses });
  }
  const ok = levels.filter((l) => l.status === 'ok');
  const rng = createRng(options.seed).fork('express');
  const checked = ok.filter((l) => l.expressesIntended !== null);
  const expressed = checked.filter((l) => l.expressesIntended).length;
  return {
    model: info.id,
    rewriter: template ? 'template' : 'model',
    spectrum,
    text,
    original: scoreExpression(text, spectrum, classifier),
    levels,
    agreement: spearman(
      ok.map((l) => l.level),
      ok.map((l) => l.poleScore as number),
      { rng: rng.fork('pole') },
    ),
    valenceAgreement: spearman(
      ok.map((l) => l.level),
      ok.map((l) => l.valence as number),
      { rng: rng.fork('valence') },
    ),
    manipulationCheck: {
      n: checked.length,
      expressed,
      share: checked.length > 0 ? expressed / checked.length : Number.NaN,
    },
  };
}

async function rewrite(options: ExpressSpectrumOptions, level: number): Promise<string> {
  const response = await options.backend.generate({
    messages: buildRewritePrompt(options.text, options.spectrum, level),
    options: { seed: options.seed, temperature: options.temperature, maxTokens: options.maxTokens },
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return cleanRewrite(response.text);
}
