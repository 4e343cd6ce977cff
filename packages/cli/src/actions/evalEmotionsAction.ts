import {
  type BackendStack,
  backendRegistry,
  createBackendStack,
  type EmotionLevel,
  evaluateRecognition,
  GOEMOTIONS_LABELS,
  type GoEmotionsRow,
  type GoEmotionsSplit,
  labelsForLevel,
  loadBuiltinClassifier,
  ModelError,
  readGoEmotions,
} from '@emocrowd/models';
import { ollamaCommandError } from '../catalog/ollamaCommandError.js';
import { recognizeWithModel } from '../catalog/recognizeWithModel.js';
import { renderRecognitionReport } from '../catalog/renderRecognitionReport.js';
import { resolveGoEmotionsDir } from '../catalog/resolveGoEmotionsDir.js';
import { CliError, usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import { type evalEmotionsFlags, languageModels } from '../commands/evalEmotions.js';
import { colorsFor } from '../output/colors.js';
import { ProgressBar } from '../output/ProgressBar.js';
import { backendSettings } from '../run/backendSettings.js';
import { describeModelForms } from '../run/describeBackends.js';

/** What `emocrowd eval emotions` does; its flags and help are in commands/evalEmotions.ts. */
export async function evalEmotionsAction({
  flags,
  positionals,
  io,
  explicit,
}: CommandContext<typeof evalEmotionsFlags>): Promise<number> {
  if (positionals.length > 0) throw usageError(`eval emotions: unexpected argument "${positionals[0]}"`);
  const model = flags.model.trim();
  const builtin = model === 'builtin';
  if (backendRegistry.find(model.split(':')[0] ?? model)?.isLanguageModel === false)
    throw usageError(
      `eval emotions: the ${model} model cannot read text; use --model builtin or ${describeModelForms(languageModels)}`,
    );
  const split = flags.split as GoEmotionsSplit;
  const level = flags.labels as EmotionLevel;
  const dir = resolveGoEmotionsDir(flags.goemotions, io.cwd, split);
  let rows: GoEmotionsRow[];
  try {
    rows = await readGoEmotions(dir, split);
  } catch (error) {
    throw usageError(`--goemotions: ${(error as Error).message.split('\n')[0]}`);
  }
  if (flags.limit !== undefined) rows = rows.slice(0, flags.limit);
  const gold = rows.map((r) => r.labels.map((id) => GOEMOTIONS_LABELS[id] as string));
  const texts = rows.map((r) => r.text);
  const started = performance.now();
  let predictions: string[][];
  let unparsed = 0;
  let failed = 0;
  let modelId = 'builtin';

  if (builtin) {
    const classifier = loadBuiltinClassifier();
    predictions = texts.map((t) => classifier.predict(t, level).labels);
  } else {
    let stack: BackendStack;
    try {
      stack = createBackendStack({
        model,
        hosts: flags.host,
        settings: backendSettings(flags, explicit),
        registry: languageModels,
        timeoutMs: flags.timeout,
        retries: flags.retries,
        maxInFlightPerHost: flags.concurrency,
        cachePath: false,
        seed: flags.seed,
        env: io.env,
      });
    } catch (error) {
      if (error instanceof ModelError) throw usageError(error.message);
      throw error;
    }
    try {
      await stack.backend.ready?.();
      modelId = stack.info().id;
      const colors = colorsFor(io.stderr, io.env);
      const bar = new ProgressBar({
        stream: flags.quiet ? { write: () => true } : io.stderr,
        total: texts.length,
        label: 'asking',
      });
      const result = await recognizeWithModel({
        backend: stack.backend,
        texts,
        labels: labelsForLevel(level),
        noun: level === 'sentiment' ? 'sentiment' : 'emotion',
        concurrency: flags.concurrency,
        structured: flags.structured,
        seed: flags.seed,
        temperature: flags.temperature,
        maxTokens: flags['max-tokens'],
        signal: io.interrupt,
        onProgress: (done, nFailed) => bar.update(done, nFailed > 0 ? colors.red(`${nFailed} failed`) : ''),
      });
      bar.clear();
      if (result.stopped) {
        io.stderr.write('stopped before every text was asked; nothing scored\n');
        return 130;
      }
      if (result.failed === texts.length)
        throw new CliError(
          `eval emotions: every call failed (first: ${result.firstError ?? 'unknown error'})`,
          1,
        );
      if (result.failed > 0 && !flags.quiet)
        io.stderr.write(`${result.failed} calls failed (first: ${result.firstError}); they count as wrong\n`);
      predictions = result.predictions;
      unparsed = result.unparsed;
      failed = result.failed;
    } catch (error) {
      if (error instanceof ModelError && stack.spec.backend === 'ollama')
        throw ollamaCommandError(error, error.host ?? flags.host.join(', '), 'eval emotions');
      if (error instanceof ModelError)
        throw new CliError(
          `eval emotions: ${error.message}`,
          error.kind === 'not-found' || error.kind === 'bad-request' ? 2 : 1,
        );
      throw error;
    } finally {
      await stack.close();
    }
  }

  const report = evaluateRecognition(gold, predictions, level);
  const seconds = (performance.now() - started) / 1000;
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          model: modelId,
          split,
          labels: level,
          n: report.n,
          unparsed,
          failed,
          accuracy: report.accuracy,
          anyOverlap: report.anyOverlap,
          macroF1: report.macroF1,
          microF1: report.microF1,
          perClass: report.perClass,
          confusion: { labels: report.labels, ...report.confusion },
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  io.stdout.write(
    renderRecognitionReport(report, { model: modelId, split, n: report.n, unparsed, failed, seconds }),
  );
  return 0;
}
