/**
 * Subset-size curves at paper scale, for docs/benchmarks.md: `subsetAnalysis` over 17,000
 * estimates (drawn as in bench/subsets.bench.ts: log-normal around 1,194 mi, with confidences,
 * emotion and age groups and an ability cue) for every registered strategy, B = 1000
 * permutations (strategies without an incremental form use their fallbackB, 100 by default).
 *
 * Run (built packages): node --import tsx bench/analysis.bench.ts [n] [B]
 * Prints one JSON line: { n, B, strategies, wallMs, cpuMs }.
 */
import { type CrowdSample, strategies, subsetAnalysis } from '@emocrowd/crowd';
import { createRng } from '@emocrowd/models';

const n = Number(process.argv[2] ?? 17_000);
const B = Number(process.argv[3] ?? 1000);
const truth = 1194;
const rng = createRng('bench-subsets');
const emotions = ['joy', 'fear', 'anger', 'sadness', 'surprise', 'neutral', 'trust'];
const ages = ['18-29', '30-49', '50-64', '65+'];
const values: number[] = [];
const confidence: number[] = [];
const cue: number[] = [];
const emotion: string[] = [];
const ageGroup: string[] = [];
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

const cpu = process.cpuUsage();
const start = performance.now();
const result = subsetAnalysis(sample, truth, { B, seed: 1 });
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(
  `${JSON.stringify({
    n,
    B,
    strategies: result.strategies.length,
    registered: strategies.length,
    ks: result.ks.length,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round((used.user + used.system) / 1000),
  })}\n`,
);
