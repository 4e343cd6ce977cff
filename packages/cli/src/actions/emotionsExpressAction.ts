import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BEAM_LEVELS, type BeamSpectrumId, formatIntensity } from '@emocrowd/agents';
import {
  type BackendStack,
  createBackendStack,
  defaultCachePath,
  loadBuiltinClassifier,
  ModelError,
} from '@emocrowd/models';
import { type ExpressionReport, expressSpectrum } from '../analysis/expressSpectrum.js';
import { ollamaCommandError } from '../catalog/ollamaCommandError.js';
import { CliError, usageError } from '../command/CliError.js';
import type { CommandContext } from '../command/defineCommand.js';
import type { emotionsExpressFlags } from '../commands/emotionsExpress.js';
import { intensitiesFlag } from '../flags.js';
import { type Colors, colorsFor } from '../output/colors.js';
import { formatNumber, formatPercent, renderTable } from '../output/renderTable.js';
import { backendSettings } from '../run/backendSettings.js';

/** What `emocrowd emotions express` does; its flags and help are in commands/emotionsExpress.ts. */
export async function emotionsExpressAction({
  flags,
  positionals,
  explicit,
  io,
}: CommandContext<typeof emotionsExpressFlags>): Promise<number> {
  if (positionals.length > 0) throw usageError(`emotions express: unexpected argument "${positionals[0]}"`);
  const text = readText(flags.text, flags.file, io.cwd);
  const levels = levelsOf(flags.levels);
  const model = flags.model.trim();
  const synthetic = model === 'synthetic';
  const cachePath = flags['no-cache']
    ? false
    : (flags.cache ?? (synthetic ? false : defaultCachePath(io.env)));
  let stack: BackendStack;
  try {
    stack = createBackendStack({
      model,
      hosts: flags.host,
      settings: backendSettings(flags, explicit),
      timeoutMs: flags.timeout,
      retries: flags.retries,
      maxInFlightPerHost: flags['max-per-host'],
      cachePath: cachePath === false ? false : resolve(io.cwd, cachePath),
      seed: flags.seed,
      env: io.env,
    });
  } catch (error) {
    if (error instanceof ModelError) throw usageError(error.message);
    throw new CliError(`--cache: ${(error as Error).message.split('\n')[0]}`, 2);
  }
  let report: ExpressionReport;
  try {
    await stack.backend.ready?.();
    if (synthetic && !flags.quiet)
      io.stderr.write(
        `${colorsFor(io.stderr, io.env).yellow('built-in model: a template rewrite ("I feel <word>." in front of the text), not a language model; use --model ollama:NAME to test a model')}\n`,
      );
    report = await expressSpectrum({
      backend: stack.backend,
      classifier: loadBuiltinClassifier(),
      spectrum: flags.spectrum as BeamSpectrumId,
      text,
      levels,
      seed: flags.seed,
      temperature: flags.temperature,
      maxTokens: flags['max-tokens'],
      signal: io.interrupt,
    });
  } catch (error) {
    if (io.interrupt.aborted) {
      io.stderr.write('stopped; nothing scored\n');
      return 130;
    }
    if (error instanceof ModelError && stack.spec.backend === 'ollama')
      throw ollamaCommandError(error, error.host ?? flags.host.join(', '), 'emotions express');
    if (error instanceof ModelError)
      throw new CliError(`emotions express: ${error.message}`, error.kind === 'not-found' ? 2 : 1);
    throw error;
  } finally {
    await stack.close();
  }
  if (report.levels.every((l) => l.status === 'failed'))
    throw new CliError(
      `emotions express: every call failed (first: ${report.levels[0]?.reason ?? 'unknown'})`,
      1,
    );
  if (flags.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout.write(renderExpression(report, colorsFor(io.stdout, io.env)));
  return 0;
}

function readText(text: string | undefined, file: string | undefined, cwd: string): string {
  if ((text === undefined) === (file === undefined))
    throw usageError('emotions express: give the text with --text "..." or --file FILE (one of them)');
  if (text !== undefined) {
    if (text.trim() === '') throw usageError('--text: the text is empty');
    return text;
  }
  let read: string;
  try {
    read = readFileSync(resolve(cwd, file as string), 'utf8');
  } catch (error) {
    throw usageError(`--file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (read.trim() === '') throw usageError(`--file: ${file} is empty`);
  return read.trim();
}

function levelsOf(flag: string | undefined): number[] {
  let levels: number[];
  try {
    levels = intensitiesFlag(flag) ?? [...BEAM_LEVELS];
  } catch (error) {
    throw usageError((error as Error).message.replaceAll('--intensities', '--levels'));
  }
  const bad = levels.find((l) => l < -1 || l > 1);
  if (bad !== undefined) throw usageError(`--levels: ${bad} is outside -1 to 1`);
  if (new Set(levels).size !== levels.length) throw usageError('--levels: each level once, please');
  return levels;
}

function renderExpression(report: ExpressionReport, colors: Colors): string {
  const out: string[] = [
    '',
    colors.bold(
      `${report.spectrum}: ${report.levels.length} rewrites by ${report.model}${report.rewriter === 'template' ? ' (a template, not a language model)' : ''}`,
    ),
    `original: pole score ${formatNumber(report.original.poleScore, 2)}, valence ${formatNumber(report.original.valence, 2)}, Ekman ${report.original.ekman.join('+')}`,
    '',
    renderTable(
      [
        { header: 'level', align: 'right' },
        { header: 'word' },
        { header: 'pole score', align: 'right' },
        { header: 'valence', align: 'right' },
        { header: 'Ekman read' },
        { header: 'intended' },
      ],
      report.levels.map((l) => [
        formatIntensity(l.level),
        l.word,
        l.status === 'ok' ? formatNumber(l.poleScore, 2) : colors.red('failed'),
        l.status === 'ok' ? formatNumber(l.valence, 2) : '',
        (l.ekman ?? []).join('+'),
        l.intendedEkman === null ? '-' : `${l.intendedEkman} ${l.expressesIntended ? 'yes' : 'no'}`,
      ]),
    ).trimEnd(),
    '',
  ];
  const a = report.agreement;
  const v = report.valenceAgreement;
  const p = (r: typeof a): string =>
    Number.isNaN(r.rho)
      ? 'no spread to rank'
      : `rho ${formatNumber(r.rho, 2)}, one-sided ${r.method} p = ${formatNumber(r.pValue, 4)}`;
  out.push(
    `does the expressed level follow the intended one? pole score: ${p(a)}; valence: ${p(v)} (n = ${a.n})`,
    `manipulation check: ${report.manipulationCheck.expressed} of ${report.manipulationCheck.n} rewrites read as their intended Ekman group (${formatPercent(report.manipulationCheck.share, 0)})`,
    '',
    colors.bold('rewrites'),
  );
  for (const l of report.levels)
    out.push(
      `  ${formatIntensity(l.level)} ${l.word}: ${l.status === 'ok' ? l.rewrite : colors.red(`failed: ${l.reason}`)}`,
    );
  return `${out.join('\n')}\n`;
}
