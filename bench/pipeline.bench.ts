/**
 * The built-in model pipeline in one process, split into its phases: persona space -> prompt ->
 * synthetic model -> text -> parse -> runCrowd (answering), then the run summary.
 *
 * Run (built packages): node --import tsx bench/pipeline.bench.ts PERSONAS REPLICATES SUMMARY
 * SUMMARY is `full` (the CLI's summary: subsets B = 200, bootstrap 500) or `lean` (aggregates,
 * metrics and per-group strategy answers only: subsets and bootstrap off).
 * Prints one JSON line: answers, answering and summary wall/CPU ms, answers/s, peak RSS (MB) by the
 * end of answering and overall.
 * Answers are not kept: only the run's own state (RoundState) holds them.
 */
import { getTask, PersonaAgent, resolvePersonas } from '@emocrowd/agents';
import { type RunDescriptor, type RunSummary, runCrowd } from '@emocrowd/crowd';
import { createBackendStack, createRng } from '@emocrowd/models';

const spec = process.argv[2] ?? 'paper';
const replicates = Number(process.argv[3] ?? 1);
const lean = (process.argv[4] ?? 'lean') === 'lean';
const task = getTask('fargo-seattle');
const personas = resolvePersonas(spec, { condition: 'combined', rng: createRng(42).fork('personas') });
const stack = createBackendStack({ model: 'synthetic', seed: 42 });
const agent = new PersonaAgent({ backend: stack.backend, condition: 'combined' });
const descriptor: RunDescriptor = {
  runId: 'bench',
  task: { id: task.id, question: task.question, unit: task.unit, truth: task.truth.value, truthSource: task.truth.source },
  model: { id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false },
  personas: { spec, space: personas.space.name, condition: 'combined', count: personas.count },
  seed: 42,
  replicates,
  rounds: 1,
  influence: { kind: 'aggregate', aggregate: 'median' },
  generation: { temperature: 0.8, maxTokens: 256 },
  strategies: [],
};

let answers = 0;
let summary: RunSummary | undefined;
let cpuAtLast = process.cpuUsage();
let wallAtLast = 0;
let answeringPeakRss = 0;
const cpu0 = process.cpuUsage();
const start = performance.now();
await new Promise<void>((resolve, reject) => {
  runCrowd({
    descriptor,
    task,
    personas,
    agent,
    concurrency: 16,
    summary: lean ? { subsets: 0, bootstrap: 0 } : {},
  }).subscribe({
    next: (event) => {
      if (event.type === 'estimateSubmitted' || event.type === 'estimateFailed') answers++;
      else if (event.type === 'roundFinished') {
        wallAtLast = performance.now();
        answeringPeakRss = process.resourceUsage().maxRSS;
        cpuAtLast = process.cpuUsage();
      } else if (event.type === 'runCompleted') summary = event.summary;
    },
    error: reject,
    complete: resolve,
  });
});
const end = performance.now();
const cpuEnd = process.cpuUsage();
const ms = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage): number => Math.round((b.user + b.system - a.user - a.system) / 1000);
process.stdout.write(
  `${JSON.stringify({
    personas: spec,
    replicates,
    summary: lean ? 'lean' : 'full',
    answers,
    answered: summary?.counts.answered,
    answeringWallMs: Math.round(wallAtLast - start),
    answeringCpuMs: ms(cpu0, cpuAtLast),
    summaryWallMs: Math.round(end - wallAtLast),
    summaryCpuMs: ms(cpuAtLast, cpuEnd),
    answersPerSecond: Math.round((answers / (wallAtLast - start)) * 1000),
    answeringPeakRssMb: Math.round(answeringPeakRss / 1024),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
