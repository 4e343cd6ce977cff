import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CrowdEvent,
  openStudyDir,
  RUN_FILES,
  type RunSummary,
  readRun,
  type StudyCell,
} from '@emocrowd/crowd';
import { SYNTHETIC_BANNER } from '@emocrowd/models';
import type { Subscription } from 'rxjs';
import { CliError, usageError } from '../command/CliError.js';
import type { Io } from '../command/Io.js';
import { colorsFor } from '../output/colors.js';
import { ProgressBar } from '../output/ProgressBar.js';
import { type StartedRun, startRun } from '../run/startRun.js';
import { cellRequest, type StudyRunOptions } from './cellRequest.js';
import type { ResolvedStudy } from './resolveStudy.js';

/** What became of one cell in `runStudy`. */
export interface CellOutcome {
  cell: StudyCell;
  dir: string;
  /** done: complete before this run; ran: completed now; stopped: interrupted; pending: not reached. */
  state: 'done' | 'ran' | 'stopped' | 'pending';
  summary?: RunSummary;
}

/**
 * Runs a study's cells one after another, each an ordinary run directory `<dir>/<cell>`, with at
 * most `options.concurrency` model calls in flight.
 *
 * Behaviour:
 * 1. The study directory is created or continued (`openStudyDir` refuses one made differently).
 * 2. A cell whose summary has no answer missing is left as it is; a cell with a run directory is
 *    resumed (only the answers not in its responses.jsonl are asked); others are started.
 * 3. Progress on stderr: the cell's bar, with the study's answers so far and its ETA; one line
 *    per finished cell.
 * 4. An interrupt (Ctrl-C) stops the cell running (answers in flight still arrive, for up to
 *    10 s) and starts no other; running the same command again continues.
 *
 * @param study the resolved study
 * @param options the study-wide run options
 * @param ctx io and quiet
 * @returns one outcome per cell run now, in run order
 */
export async function runStudy(
  study: ResolvedStudy,
  options: StudyRunOptions,
  ctx: { io: Io; quiet: boolean },
): Promise<CellOutcome[]> {
  const { io, quiet } = ctx;
  const err = quiet ? { write: () => true, isTTY: false } : io.stderr;
  const colors = colorsFor(io.stderr, io.env);
  try {
    openStudyDir(study.dir, study.manifest);
  } catch (error) {
    if (error instanceof RangeError) throw usageError(error.message);
    throw error;
  }
  const outcomes: CellOutcome[] = study.cells.map((cell) => {
    const dir = join(study.dir, cell.name);
    const summary = completeSummary(dir);
    return { cell, dir, state: summary ? 'done' : 'pending', ...(summary ? { summary } : {}) };
  });
  const todo = outcomes.filter((o) => o.state === 'pending');
  err.write(
    `study ${study.design.name}: ${study.cells.length} cell${study.cells.length === 1 ? '' : 's'}${todo.length < study.cells.length ? ` (${study.cells.length - todo.length} complete already)` : ''} in ${study.dir}\n`,
  );
  let stopping = false;
  let current: { started: StartedRun; subscription?: Subscription } | undefined;
  const onInterrupt = (): void => {
    stopping = true;
    err.write('\nstopping: no new questions; waiting for answers in flight (Ctrl-C again to quit now)\n');
    current?.started.stop();
    setTimeout(() => current?.subscription?.unsubscribe(), 10_000).unref();
  };
  io.interrupt.addEventListener('abort', onInterrupt, { once: true });
  let bannerShown = false;
  try {
    // Started cells first, so the study's total is known before the first question.
    // Every server and model is checked before the first question: a missing model in the last
    // cell is reported now, not after hours of the first ones.
    const started: { outcome: CellOutcome; run: StartedRun }[] = [];
    try {
      for (const outcome of todo) {
        const run = await startRun(cellRequest(outcome.cell, options), {
          runsDir: study.dir,
          outDir: outcome.dir,
          resume: existsSync(join(outcome.dir, RUN_FILES.manifest)),
          env: io.env,
          cwd: io.cwd,
        });
        started.push({ outcome, run });
      }
    } catch (error) {
      await Promise.all(started.map(({ run }) => run.stack.close()));
      throw error instanceof CliError
        ? new CliError(`cell ${todo[started.length]?.cell.name}: ${error.message}`, error.exitCode)
        : error;
    }
    const totals = started.map(({ run }) => expectedAnswers(run));
    const studyTotal = totals.reduce((a, b) => a + b, 0);
    let studyDone = started.reduce((sum, { run }) => sum + run.resumed, 0);
    for (const [i, { outcome, run }] of started.entries()) {
      if (stopping || io.interrupt.aborted) {
        await run.stack.close();
        continue;
      }
      if (!bannerShown && !run.descriptor.model.isLanguageModel) {
        err.write(`${colors.yellow(SYNTHETIC_BANNER)}\n`);
        bannerShown = true;
      }
      const position = `${outcomes.indexOf(outcome) + 1}/${outcomes.length}`;
      if (run.resumed > 0)
        err.write(
          `cell ${outcome.cell.name} (${position}): resuming, ${run.resumed} answers already there\n`,
        );
      const bar = new ProgressBar({
        stream: err,
        total: totals[i] as number,
        label: `${outcome.cell.name} ${position}`,
      });
      let done = run.resumed;
      let failed = 0;
      const startedAt = Date.now();
      current = { started: run };
      const summary = await new Promise<RunSummary | undefined>((resolvePromise, reject) => {
        let result: RunSummary | undefined;
        const subscription = run.events$.subscribe({
          next: (event: CrowdEvent) => {
            if (event.type === 'estimateSubmitted' || event.type === 'estimateFailed') {
              done++;
              studyDone++;
              if (event.record.status !== 'ok') failed++;
              bar.update(
                done,
                `study ${studyDone.toLocaleString('en-US')}/${studyTotal.toLocaleString('en-US')}${failed > 0 ? `  ${colors.red(`${failed} not ok`)}` : ''}`,
              );
            } else if (event.type === 'runCompleted') result = event.summary;
          },
          error: reject,
          complete: () => resolvePromise(result),
        });
        subscription.add(() => resolvePromise(result));
        if (current) current.subscription = subscription;
      });
      bar.clear();
      current = undefined;
      if (summary) outcome.summary = summary;
      if (summary && summary.counts.missing === 0) {
        outcome.state = 'ran';
        const c = summary.counts;
        err.write(
          `cell ${outcome.cell.name} (${position}): ${c.answered.toLocaleString('en-US')} answered, ${c.unparsed} unparsed, ${c.failed} failed, ${c.cached} cached in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`,
        );
      } else {
        outcome.state = 'stopped';
        stopping = true;
      }
    }
  } finally {
    io.interrupt.removeEventListener('abort', onInterrupt);
  }
  return outcomes;
}

/** The summary of a cell that has every answer, else undefined. */
function completeSummary(dir: string): RunSummary | undefined {
  if (!existsSync(join(dir, RUN_FILES.summary))) return undefined;
  try {
    const summary = readRun(dir, { records: false }).summary;
    return summary && summary.counts.missing === 0 ? summary : undefined;
  } catch {
    return undefined;
  }
}

function expectedAnswers(run: StartedRun): number {
  const p = run.descriptor.personas;
  const here = p.shard ? Math.ceil((p.count - p.shard.index) / p.shard.count) : p.count;
  return here * run.descriptor.replicates * run.descriptor.rounds;
}
