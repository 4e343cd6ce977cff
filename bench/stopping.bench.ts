/**
 * Crowds that stop when they have the answer: the paper space (15,064 personas) on the built-in
 * synthetic model, asked whole and with `--stop-at-precision P`, for each of S seeds (the seed
 * fixes both the synthetic answers and the random order).
 *
 * Run (built packages): node --import tsx bench/stopping.bench.ts [P] [S]
 * Prints one JSON line: { precision, seeds: [{ seed, population, crowd, asked, callsSaved,
 * stoppedMedian, fullMedian, relError, lower, upper, covered }] }.
 */
import { getTask, PersonaAgent, resolvePersonas } from '@emocrowd/agents';
import { defaultCheckEvery, type RunDescriptor, type RunSummary, runCrowd, stopOrder } from '@emocrowd/crowd';
import { createRng, SyntheticModel } from '@emocrowd/models';
import { lastValueFrom, toArray } from 'rxjs';

const precision = Number(process.argv[2] ?? 0.02);
const seeds = Number(process.argv[3] ?? 20);
const task = getTask('fargo-seattle');

/**
 * The first look (same order, same looks) at which a fixed-sample 95% interval of the median that
 * ignores the repeated looks would be narrow enough: order statistics at ranks
 * n/2 -/+ 1.96 sqrt(n/4 (1 - n/N)) (normal approximation to the hypergeometric). Not a valid
 * stopping rule; it shows how many answers the precision needs at all for this crowd.
 */
function naiveStop(values: (number | undefined)[], seed: number, checkEvery: number): number {
  const N = values.length;
  const order = stopOrder(N, seed);
  const seen: number[] = [];
  for (let t = 1; t <= N; t++) {
    const x = values[order[t - 1] as number];
    if (x !== undefined) seen.push(x);
    if (t % checkEvery !== 0 && t !== N) continue;
    const sorted = [...seen].sort((a, b) => a - b);
    const n = sorted.length;
    if (n === 0) continue;
    const half = 1.96 * Math.sqrt((n / 4) * (1 - t / N));
    const lo = sorted[Math.max(0, Math.floor(n / 2 - half))] as number;
    const hi = sorted[Math.min(n - 1, Math.ceil(n / 2 + half))] as number;
    const m = n % 2 ? (sorted[n >> 1] as number) : ((sorted[(n >> 1) - 1] as number) + (sorted[n >> 1] as number)) / 2;
    if (hi - lo < precision * Math.abs(m)) return t;
  }
  return N;
}

async function summarize(seed: number, stop: boolean): Promise<{ summary: RunSummary; values: (number | undefined)[] }> {
  const personas = resolvePersonas('paper', { condition: 'combined', rng: createRng(seed).fork('personas') });
  const descriptor: RunDescriptor = {
    runId: 'bench',
    task: { id: task.id, question: task.question, unit: task.unit, truth: task.truth.value, truthSource: task.truth.source },
    model: { id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false },
    personas: { spec: 'paper', space: personas.space.name, condition: 'combined', count: personas.count },
    seed,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: { temperature: 0.8, maxTokens: 256 },
    strategies: ['median'],
    ...(stop
      ? { stop: { strategy: 'median', precision, level: 0.95, checkEvery: defaultCheckEvery(personas.count) } }
      : {}),
  };
  const values: (number | undefined)[] = new Array(personas.count).fill(undefined);
  const events = await lastValueFrom(
    runCrowd({
      descriptor,
      task,
      personas,
      agent: new PersonaAgent({ backend: new SyntheticModel() }),
      concurrency: 16,
      summary: { strategies: ['median'], subsets: 0, bootstrap: 0 },
    }).pipe(toArray()),
  );
  const position = new Map(Array.from({ length: personas.count }, (_, p) => [personas.at(p).index, p]));
  for (const e of events)
    if ((e.type === 'estimateSubmitted' || e.type === 'estimateFailed') && e.record.status === 'ok')
      values[position.get(e.record.personaIndex) as number] = e.record.estimate;
  const last = events[events.length - 1];
  if (last?.type !== 'runCompleted') throw new Error('the run did not complete');
  return { summary: last.summary, values };
}

const results = [];
for (let seed = 1; seed <= seeds; seed++) {
  const { summary: full, values } = await summarize(seed, false);
  const { summary: stopped } = await summarize(seed, true);
  const fullMedian = full.aggregates?.median?.estimate as number;
  const stoppedMedian = stopped.aggregates?.median?.estimate as number;
  const s = stopped.stopping;
  const interval = s?.intervals[0];
  results.push({
    seed,
    population: s?.population,
    reason: s?.reason,
    crowd: s?.crowd,
    asked: s?.asked,
    callsSaved: s?.callsSaved,
    stoppedMedian,
    fullMedian,
    relError: (stoppedMedian - fullMedian) / fullMedian,
    lower: interval?.lower,
    upper: interval?.upper,
    covered: interval?.lower != null && interval.upper != null && interval.lower <= fullMedian && fullMedian <= interval.upper,
    naiveStop: naiveStop(values, seed, s?.checkEvery ?? 1),
  });
  process.stderr.write(`seed ${seed}: asked ${s?.asked}, median ${stoppedMedian} vs ${fullMedian}\n`);
}
process.stdout.write(`${JSON.stringify({ precision, seeds: results })}\n`);
