/**
 * Benchmark of `subsetAnalysis` at paper scale: 17,000 estimates drawn log-normally around the
 * Fargo -> Seattle distance (truth 1,194 mi), with confidences, emotion and age groups and an
 * ability cue, so every registered strategy runs on real inputs; B = 1000 permutations.
 *
 * Run: node --conditions=@emocrowd/source --import tsx bench/subsets.bench.ts [n] [B]
 * Prints the wall-clock and CPU time of each phase and of each strategy alone. Timings are informative,
 * not asserted anywhere.
 */
import { createRng } from '@emocrowd/models';
import { type CrowdSample, strategies, subsetAnalysis, summarizeEstimates } from '@emocrowd/crowd';

const n = Number(process.argv[2] ?? 17_000);
const B = Number(process.argv[3] ?? 1000);
const truth = 1194;
const rng = createRng('bench-subsets');
const emotions = ['joy', 'fear', 'anger', 'sadness', 'surprise', 'neutral', 'trust'];
const ages = ['18-29', '30-49', '50-64', '65+'];
const emotion: string[] = [];
const ageGroup: string[] = [];
const values: number[] = [];
const confidence: number[] = [];
const cue: number[] = [];
for (let i = 0; i < n; i++) {
  const e = rng.int(emotions.length);
  emotion.push(emotions[e] as string);
  ageGroup.push(ages[rng.int(ages.length)] as string);
  const skill = 0.2 + 0.6 * rng.next();
  values.push(Math.round(truth * Math.exp(0.1 * (e - 3) + skill * rng.normal())));
  confidence.push(rng.next());
  cue.push(Math.abs(skill * rng.normal()));
}
const sample: CrowdSample = { values, confidence, cue, groups: { emotion, ageGroup } };

/** Runs f and prints its wall-clock and CPU time (CPU time is what to compare on a busy machine). */
const time = <T>(label: string, f: () => T): T => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = f();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start).toFixed(0).padStart(6);
  const cpuMs = ((used.user + used.system) / 1000).toFixed(0).padStart(6);
  console.log(`${label.padEnd(44)} wall ${wall} ms   cpu ${cpuMs} ms`);
  return result;
};

console.log(`n = ${n}, B = ${B}, node ${process.version}`);
time('summarizeEstimates (no subsets, no groups)', () => summarizeEstimates(sample, truth));
const all = time('subsetAnalysis, all strategies', () => subsetAnalysis(sample, truth, { B, seed: 1 }));
const fast = strategies.filter((s) => s.prefix).map((s) => s.name);
time(`subsetAnalysis, incremental only (${fast.length})`, () =>
  subsetAnalysis(sample, truth, { B, seed: 1, strategies: fast }),
);
for (const s of strategies) time(`  ${s.name}${s.prefix ? '' : ' (fallbackB)'}`, () => subsetAnalysis(sample, truth, { B, seed: 1, strategies: [s] }));
console.log(`ks (${all.ks.length}): ${all.ks.join(' ')}`);
for (const r of all.strategies)
  console.log(
    `${r.name.padEnd(24)} permutations ${String(r.permutations).padStart(4)}  optimal k ${String(r.optimalK).padStart(6)} (accuracy ${r.optimalAccuracy.toFixed(3)})  smallest good k ${r.smallestGoodK}`,
  );
