import {
  type BackendStack,
  backendRegistry,
  createBackendRegistry,
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
import { defineCommand } from '../command/defineCommand.js';
import { backendFlags, modelChoiceFlags } from '../flags.js';
import { colorsFor } from '../output/colors.js';
import { ProgressBar } from '../output/ProgressBar.js';
import { backendSettings } from '../run/backendSettings.js';
import { describeModelForms } from '../run/describeBackends.js';

/** The backends that can recognise emotions: the language models. */
const languageModels = createBackendRegistry(backendRegistry.definitions.filter((d) => d.isLanguageModel));

/** `emocrowd eval emotions`: emotion recognition scores of a model on a GoEmotions split. */
export const evalEmotionsCommand = defineCommand({
  meta: {
    name: 'eval emotions',
    description:
      'Score emotion recognition on a GoEmotions split: accuracy, macro-F1, per-class F1 and the confusion matrix. builtin is the shipped classifier (no server); LLMs are asked the recognition prompt (structured output where the server supports it) and their answers read with synonyms.',
    examples: [
      'emocrowd eval emotions --model builtin',
      'emocrowd eval emotions --model builtin --labels ekman --json',
      'emocrowd eval emotions --model ollama:emollama --host http://gpu-box:11434 --limit 500',
    ],
  },
  flags: {
    model: {
      type: 'string',
      valueName: 'SPEC',
      description: `builtin (the shipped classifier), or a language model: ${describeModelForms(languageModels)}.`,
      default: 'builtin',
    },
    host: modelChoiceFlags.host,
    ...backendFlags,
    goemotions: {
      type: 'string',
      valueName: 'DIR',
      description: 'GoEmotions folder. Default: the copy shipped with emocrowd.',
    },
    split: {
      type: 'string',
      choices: ['train', 'dev', 'test'],
      description: 'GoEmotions split.',
      default: 'test',
    },
    labels: {
      type: 'string',
      choices: ['goemotions', 'ekman', 'sentiment'],
      description: 'Label level scored.',
      default: 'goemotions',
    },
    limit: { type: 'integer', valueName: 'N', description: 'Only the first N rows of the split.', min: 1 },
    concurrency: {
      type: 'integer',
      description: 'Model calls in flight at most.',
      default: 8,
      min: 1,
      max: 1024,
    },
    structured: {
      type: 'boolean',
      description: 'Ask LLMs for {"labels": [...]} structured output (--no-structured: free text).',
      default: true,
    },
    temperature: {
      type: 'number',
      description: 'Sampling temperature of LLM calls.',
      default: 0,
      min: 0,
      max: 2,
    },
    'max-tokens': {
      type: 'integer',
      description: 'Most tokens an LLM answer may have.',
      default: 64,
      min: 1,
    },
    seed: { type: 'integer', description: 'Seed of every LLM call.', default: 42, min: 0 },
    timeout: {
      type: 'integer',
      valueName: 'MS',
      description: 'Per-request timeout in milliseconds.',
      default: 120000,
      min: 1,
    },
    retries: { type: 'integer', description: 'Retries of a failed request.', default: 3, min: 0, max: 20 },
    json: {
      type: 'boolean',
      description: 'Print the full report (with the confusion matrix) as one JSON object.',
    },
    quiet: { type: 'boolean', short: 'q', description: 'No progress indicator on stderr.' },
  },
  async run({ flags, positionals, io, explicit }) {
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
          io.stderr.write(
            `${result.failed} calls failed (first: ${result.firstError}); they count as wrong\n`,
          );
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
  },
});
