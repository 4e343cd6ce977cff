import { getTask, PersonaAgent, resolvePersonas } from '@emocrowd/agents';
import { createRng, SyntheticModel, type SyntheticParameters } from '@emocrowd/models';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CrowdEvent } from '../events/CrowdEvent.js';
import type { InfluenceConfig, RunDescriptor } from '../events/RunDescriptor.js';
import { buildNetwork } from '../networks/networks.js';
import { median } from '../stats/median.js';
import { variance } from '../stats/variance.js';
import { runCrowd } from './runCrowd.js';

/**
 * A synthetic crowd revising its answers over five rounds levels off, as Lorenz et al.'s 2011
 * sessions did (median log-variance ratio after four revisions 0.219 aggregated, 0.256 full
 * information; roundAnalysis.test.ts), instead of collapsing onto its anchor (0.05 of its
 * log-variance was left before the revision rule was fitted; docs/synthetic-model.md).
 */

const task = getTask('lorenz-swiss-density');
const PERSONAS = 12;
const REPLICATES = 48;

/** Median over the replicates (each its own crowd of 12) of var(ln x_r) / var(ln x_0), r = 1..4. */
async function logVarianceRatios(
  influence: InfluenceConfig,
  network?: ReturnType<typeof buildNetwork>,
  parameters: Partial<SyntheticParameters> = {},
) {
  const descriptor: RunDescriptor = {
    runId: 'plateau',
    task: {
      id: task.id,
      question: task.question,
      unit: task.unit,
      truth: task.truth.value,
      truthSource: task.truth.source,
    },
    model: { id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false },
    personas: { spec: String(PERSONAS), space: 'default', condition: 'combined', count: PERSONAS },
    seed: 11,
    replicates: REPLICATES,
    rounds: 5,
    influence,
    generation: {},
    strategies: [],
  };
  const events: CrowdEvent[] = await lastValueFrom(
    runCrowd({
      descriptor,
      task,
      personas: resolvePersonas(String(PERSONAS), {
        condition: 'combined',
        rng: createRng(11).fork('personas'),
      }),
      agent: new PersonaAgent({ backend: new SyntheticModel({ parameters }) }),
      summary: { subsets: 0 },
      ...(network ? { network } : {}),
    }).pipe(toArray()),
  );
  // ln x by replicate (each replicate is its own crowd of 12) and round
  const logs = new Map<string, number[]>();
  for (const e of events) {
    if (e.type !== 'estimateSubmitted' || e.record.estimate === null || !(e.record.estimate > 0)) continue;
    const key = `${e.record.replicate}:${e.record.round}`;
    logs.set(key, [...(logs.get(key) ?? []), Math.log(e.record.estimate)]);
  }
  return [1, 2, 3, 4].map((round) =>
    median(
      [...Array(REPLICATES).keys()].map(
        (r) => variance(logs.get(`${r}:${round}`) ?? []) / variance(logs.get(`${r}:0`) ?? []),
      ),
    ),
  );
}

describe('a synthetic multi-round crowd', () => {
  it('plateaus as Lorenz et al.’s crowds did when shown the mean of the others', async () => {
    const ratios = await logVarianceRatios({ kind: 'aggregate', aggregate: 'mean' });
    // Lorenz 2011 after four revisions: 0.219 (aggregated) and 0.256 (full); collapse would be ~0.05.
    // Seed 11: 0.534, 0.380, 0.395, 0.276 (medians over 48 crowds of 12: each ratio is noisy).
    expect(ratios[3]).toBeGreaterThan(0.15);
    expect(ratios[3]).toBeLessThan(0.45);
    // It levels off: a crowd that kept falling at its first round's rate would keep ratio[0]⁴.
    expect(ratios[3]).toBeGreaterThan(2 * (ratios[0] as number) ** 4);
    // Without the noise of a revision (people computing a weighted mean) the same crowd collapses
    // (seed 11: 0.309, 0.097, 0.059, 0.048).
    const collapsing = await logVarianceRatios({ kind: 'aggregate', aggregate: 'mean' }, undefined, {
      revisionNoiseShare: 0,
    });
    expect(collapsing[3]).toBeLessThan(0.12);
    expect(ratios[3]).toBeGreaterThan(2 * (collapsing[3] as number));
  }, 120_000);

  it('plateaus as well on a fixed network, each shown its neighbours’ answers', async () => {
    const network = buildNetwork('complete', PERSONAS, createRng(11).fork('network'));
    const ratios = await logVarianceRatios(
      {
        kind: 'neighbours',
        show: 'values',
        network: {
          spec: network.spec,
          kind: network.kind,
          nodes: PERSONAS,
          edges: network.edgeCount,
          degree: network.degreeRange(),
          file: 'network.csv',
          sha256: 'complete',
        },
      },
      network,
    );
    // Seed 11: 0.456, 0.329, 0.314, 0.290.
    expect(ratios[3]).toBeGreaterThan(0.15);
    expect(ratios[3]).toBeLessThan(0.45);
    expect(ratios[3]).toBeGreaterThan(2 * (ratios[0] as number) ** 4);
  }, 120_000);
});
