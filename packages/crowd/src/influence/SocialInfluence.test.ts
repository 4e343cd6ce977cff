import { createEmotionState, type Persona } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import type { ResponseRecord } from '../events/ResponseRecord.js';
import type { InfluenceConfig } from '../events/RunDescriptor.js';
import { Network } from '../networks/Network.js';
import { buildNetwork } from '../networks/networks.js';
import { RoundState } from '../run/RoundState.js';
import { SocialInfluence } from './SocialInfluence.js';

const persona = (node: number): Persona => ({
  id: `p${node}`,
  index: node,
  emotion: createEmotionState(node % 2 === 0 ? 'joy' : 'fear'),
  attributes: {},
});

function answer(estimate: number | undefined): ResponseRecord {
  return {
    personaId: 'p',
    personaIndex: 0,
    attributes: {},
    replicate: 0,
    round: 0,
    status: estimate === undefined ? 'failed' : 'ok',
    ...(estimate === undefined ? {} : { estimate }),
    latencyMs: 1,
    tokens: { prompt: 1, completion: 1 },
    cached: false,
    model: 'synthetic',
  };
}

/** Round 0 answered with `estimates` (slot order, undefined = failed), round 1 empty. */
function roundsWith(estimates: (number | undefined)[]): RoundState[] {
  const first = new RoundState(0, estimates.length);
  estimates.forEach((x, slot) => {
    first.add(slot, answer(x));
  });
  return [first, new RoundState(1, estimates.length)];
}

function influenceOf(
  influence: InfluenceConfig,
  estimates: (number | undefined)[],
  crowdSize: number,
  network?: Network,
): SocialInfluence {
  return new SocialInfluence({
    influence,
    seed: 3,
    rounds: roundsWith(estimates),
    crowdSize,
    personaAt: persona,
    ...(network ? { network } : {}),
  });
}

const networkOf = (network: Network) => ({
  spec: network.spec,
  kind: network.kind,
  nodes: network.nodes,
  edges: network.edgeCount,
  degree: network.degreeRange(),
  file: 'network.csv',
  sha256: '',
});

describe('SocialInfluence', () => {
  it('shows each agent its own network neighbours’ previous answers (a star: the hub sees all, the rest the hub)', () => {
    const star = buildNetwork('star', 6, createRng(1).fork('network'));
    const hub = [...Array(6).keys()].find((i) => star.degree(i) === 5) as number;
    const estimates = [100, 110, 120, 130, 140, 150];
    const influence = influenceOf({ kind: 'neighbours', network: networkOf(star) }, estimates, 6, star);
    expect(influence.social(0, hub)).toBeUndefined();
    expect(influence.social(1, hub)).toEqual({
      previousEstimate: estimates[hub],
      shown: { kind: 'neighbours', values: estimates.filter((_, i) => i !== hub) },
    });
    const leaf = hub === 0 ? 1 : 0;
    expect(influence.social(1, leaf)).toEqual({
      previousEstimate: estimates[leaf],
      shown: { kind: 'neighbours', values: [estimates[hub]] },
    });
  });

  it('shows only the mean or median of the neighbours when asked (Becker et al. 2017 showed the mean)', () => {
    const ring = buildNetwork('ring:2', 7, createRng(1));
    const estimates = [10, 20, 30, 40, 50, 60, 1000];
    const config = (show: 'mean' | 'median'): InfluenceConfig => ({
      kind: 'neighbours',
      network: networkOf(ring),
      show,
    });
    // node 0's neighbours: 1, 2, 5, 6 -> 20, 30, 60, 1000
    expect(influenceOf(config('mean'), estimates, 7, ring).social(1, 0)?.shown).toEqual({
      kind: 'aggregate',
      label: 'mean',
      value: 277.5,
    });
    expect(influenceOf(config('median'), estimates, 7, ring).social(1, 0)?.shown).toEqual({
      kind: 'aggregate',
      label: 'median',
      value: 45,
    });
  });

  it('shows nothing from neighbours without a number (isolated or failed), but keeps the own answer', () => {
    const network = Network.fromEdges('f', 'file', 4, [0, 1, 1, 2]);
    const influence = influenceOf(
      { kind: 'neighbours', network: networkOf(network) },
      [5, undefined, 7, 8],
      4,
      network,
    );
    expect(influence.social(1, 0)).toEqual({ previousEstimate: 5 });
    expect(influence.social(1, 3)).toEqual({ previousEstimate: 8 });
    expect(influence.social(1, 1)).toEqual({ shown: { kind: 'neighbours', values: [5, 7] } });
  });

  it('keeps every crowd copy (replicate, item) apart: aggregates and neighbours come from the agent’s own copy', () => {
    // two copies of 3: copy 0 answers 1, 2, 3; copy 1 answers 100, 200, 300
    const estimates = [1, 2, 3, 100, 200, 300];
    const aggregate = influenceOf({ kind: 'aggregate', aggregate: 'median' }, estimates, 3);
    expect(aggregate.social(1, 0)?.shown).toEqual({ kind: 'aggregate', label: 'median', value: 2 });
    expect(aggregate.social(1, 4)).toEqual({
      previousEstimate: 200,
      shown: { kind: 'aggregate', label: 'median', value: 200 },
    });
    const mean = influenceOf({ kind: 'aggregate', aggregate: 'mean' }, estimates, 3);
    expect(mean.social(1, 5)?.shown).toEqual({ kind: 'aggregate', label: 'mean', value: 200 });
    const ring = buildNetwork('ring', 3, createRng(1));
    const onRing = influenceOf({ kind: 'neighbours', network: networkOf(ring) }, estimates, 3, ring);
    expect(onRing.social(1, 3)?.shown).toEqual({ kind: 'neighbours', values: [200, 300] });
  });

  it('draws k random others afresh, from the own copy, never oneself, reproducibly', () => {
    const estimates = [1, 2, 3, 4, 5, 100, 200, 300, 400, 500];
    const config: InfluenceConfig = { kind: 'neighbours', neighbours: 3 };
    const a = influenceOf(config, estimates, 5);
    const b = influenceOf(config, estimates, 5);
    for (let slot = 0; slot < 10; slot++) {
      const shown = a.social(1, slot)?.shown;
      expect(shown).toEqual(b.social(1, slot)?.shown);
      if (shown?.kind !== 'neighbours') throw new Error('neighbours expected');
      expect(shown.values).toHaveLength(3);
      const own = estimates[slot] as number;
      const copy = slot < 5 ? estimates.slice(0, 5) : estimates.slice(5);
      for (const v of shown.values) {
        expect(copy).toContain(v);
        expect(v).not.toBe(own);
      }
    }
  });

  it('updates emotions before a round from the own answer against what is shown', () => {
    const estimates = [100, 100, 100, 10_000];
    const influence = influenceOf({ kind: 'aggregate', aggregate: 'median' }, estimates, 4);
    expect(influence.persona(1, 3).emotion?.label).toBe('fear');
    influence.beginRound(1);
    // agent 3 answered 10,000 against a median of 100: a large gap (surprise or annoyance)
    const updated = influence.persona(1, 3).emotion;
    expect(updated?.label).not.toBe(persona(3).emotion?.label);
    expect(['surprise', 'annoyance']).toContain(updated?.label);
    // round 0 always uses the base persona
    expect(influence.persona(0, 3).emotion?.label).toBe('fear');
  });

  it('refuses a network of another size, or a described network that was not given', () => {
    const ring = buildNetwork('ring', 5, createRng(1));
    expect(() =>
      influenceOf({ kind: 'neighbours', network: networkOf(ring) }, [1, 2, 3, 4, 5, 6], 6, ring),
    ).toThrow(/5 nodes but the crowd 6/);
    expect(() => influenceOf({ kind: 'neighbours', network: networkOf(ring) }, [1, 2, 3, 4, 5], 5)).toThrow(
      /was not given/,
    );
  });
});
