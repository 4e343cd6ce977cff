import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { formatEdgeList, parseEdgeList } from './edgeListNetwork.js';
import type { Network } from './Network.js';
import { buildNetwork, networkKinds, parseNetworkSpec } from './networks.js';

const rng = (seed = 1) => createRng(seed).fork('network');

/** Every edge is listed at both ends, no self-loop, no repeat. */
function expectSimpleUndirected(network: Network): void {
  for (let a = 0; a < network.nodes; a++) {
    const list = [...network.neighbours(a)];
    expect(new Set(list).size).toBe(list.length);
    expect(list).not.toContain(a);
    for (const b of list) expect([...network.neighbours(b)]).toContain(a);
  }
}

describe('random-regular:D', () => {
  it('gives every node exactly D distinct neighbours (Becker 2017: 40 nodes of degree 4)', () => {
    const network = buildNetwork('random-regular:4', 40, rng());
    expectSimpleUndirected(network);
    expect(network.degreeRange()).toEqual({ min: 4, max: 4, mean: 4 });
    expect(network.edgeCount).toBe(80);
    expect(network.spec).toBe('random-regular:4');
  });

  it('is a function of the seed', () => {
    const edges = (seed: number) => [...buildNetwork('random-regular:4', 60, rng(seed)).edges()];
    expect(edges(3)).toEqual(edges(3));
    expect(edges(3)).not.toEqual(edges(4));
  });

  it('draws large networks quickly and stays regular', () => {
    const network = buildNetwork('random-regular:6', 20_000, rng(2));
    expect(network.degreeRange()).toEqual({ min: 6, max: 6, mean: 6 });
  });

  it('refuses impossible sizes with the reason', () => {
    expect(() => buildNetwork('random-regular:3', 41, rng())).toThrow(/must be even/);
    expect(() => buildNetwork('random-regular:40', 40, rng())).toThrow(/more than 40 personas/);
    expect(() => buildNetwork('random-regular', 40, rng())).toThrow(/random-regular:D.*integer/);
    expect(() => buildNetwork('random-regular:x', 40, rng())).toThrow(/integer >= 1/);
  });
});

describe('star', () => {
  it('links one seeded hub to everyone else and nobody else', () => {
    const network = buildNetwork('star', 40, rng(5));
    expectSimpleUndirected(network);
    const hubs = Array.from({ length: 40 }, (_, i) => i).filter((i) => network.degree(i) === 39);
    expect(hubs).toHaveLength(1);
    const hub = hubs[0] as number;
    for (let i = 0; i < 40; i++) if (i !== hub) expect([...network.neighbours(i)]).toEqual([hub]);
    const hubOf = (seed: number) =>
      [...Array(40).keys()].find((i) => buildNetwork('star', 40, rng(seed)).degree(i) === 39);
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(hubOf)).size).toBeGreaterThan(1);
    expect(() => buildNetwork('star:3', 40, rng())).toThrow(/takes no parameter/);
  });
});

describe('ring and lattice', () => {
  it('ring:K links each node to its K nearest on either side', () => {
    const ring = buildNetwork('ring', 10, rng());
    expect([...ring.neighbours(0)]).toEqual([1, 9]);
    const wide = buildNetwork('ring:2', 10, rng());
    expect([...wide.neighbours(0)]).toEqual([1, 2, 8, 9]);
    expect(wide.degreeRange()).toEqual({ min: 4, max: 4, mean: 4 });
    expect(() => buildNetwork('ring:5', 10, rng())).toThrow(/more than 10 personas/);
  });

  it('lattice is the squarest R x C torus with the von Neumann neighbourhood', () => {
    const lattice = buildNetwork('lattice', 500, rng());
    expect(lattice.spec).toBe('lattice:20x25');
    expectSimpleUndirected(lattice);
    expect(lattice.degreeRange()).toEqual({ min: 4, max: 4, mean: 4 });
    // node 0 = row 0, column 0: right 1, left 24 (wrapped), down 25, up 475 (row 19, wrapped)
    expect([...lattice.neighbours(0)]).toEqual([1, 24, 25, 475]);
    // node 26 = row 1, column 1
    expect([...lattice.neighbours(26)]).toEqual([1, 25, 27, 51]);
    expect(buildNetwork('lattice:5x8', 40, rng()).spec).toBe('lattice:5x8');
    expect(() => buildNetwork('lattice:5x9', 40, rng())).toThrow(/45 nodes but the crowd has 40/);
    expect(() => buildNetwork('lattice', 41, rng())).toThrow(/no R x C = 41/);
    expect(() => buildNetwork('lattice', 8, rng())).toThrow(/both sides >= 3/);
  });
});

describe('erdos-renyi:P and complete', () => {
  it('links pairs independently with probability P', () => {
    // 2,000 nodes, P = 0.005: edges ~ Binomial(1,999,000, 0.005), mean 9,995, sd 99.7.
    const counts = [1, 2, 3].map((seed) => buildNetwork('erdos-renyi:0.005', 2000, rng(seed)).edgeCount);
    for (const count of counts) expect(Math.abs(count - 9995)).toBeLessThan(5 * 99.7);
    expect(new Set(counts).size).toBe(3);
    expectSimpleUndirected(buildNetwork('erdos-renyi:0.05', 200, rng()));
    // Each pair is present with probability P: the first node's degree over many draws.
    let degreeSum = 0;
    for (let seed = 0; seed < 400; seed++)
      degreeSum += buildNetwork('erdos-renyi:0.3', 11, rng(seed)).degree(0);
    // mean 3.0, sd of the mean sqrt(10 * 0.3 * 0.7 / 400) = 0.072
    expect(Math.abs(degreeSum / 400 - 3)).toBeLessThan(4 * 0.072);
    expect(buildNetwork('erdos-renyi:1', 12, rng()).edgeCount).toBe(66);
    expect(() => buildNetwork('erdos-renyi:0', 12, rng())).toThrow(/probability in \(0, 1\]/);
    expect(() => buildNetwork('erdos-renyi:1.5', 12, rng())).toThrow(/probability/);
  });

  it('complete links every pair and refuses crowds too large to store', () => {
    const complete = buildNetwork('complete', 12, rng());
    expect(complete.edgeCount).toBe(66);
    expect(complete.degreeRange()).toEqual({ min: 11, max: 11, mean: 11 });
    expect(() => buildNetwork('complete', 10_000, rng())).toThrow(/edges.*--influence aggregate/);
  });
});

describe('edge-list files', () => {
  it('reads a header, comments, commas and spaces, both directions', () => {
    const text = 'source,target\n# a triangle and a tail\n0,1\n1 2\n2\t0\n\n3;2 # tail\n1,0\n';
    const network = parseEdgeList(text, 'tri.csv', 6);
    expect(network.kind).toBe('file');
    expect(network.edgeCount).toBe(4);
    expect([...network.neighbours(2)]).toEqual([0, 1, 3]);
    expect(network.degree(5)).toBe(0);
  });

  it('names the file and line of a bad entry', () => {
    expect(() => parseEdgeList('0,1\n1,7\n', 'net.csv', 5)).toThrow(
      'net.csv:2: node 7 is outside the crowd (positions 0..4); the file needs at least 8 personas',
    );
    expect(() => parseEdgeList('0,1,2\n', 'net.csv', 5)).toThrow(/net.csv:1: expected two node numbers/);
    expect(() => parseEdgeList('0,1\na,b\n', 'net.csv', 5)).toThrow(/net.csv:2: "a" is not a node number/);
    expect(() => parseEdgeList('# nothing\n', 'net.csv', 5)).toThrow(/no edge/);
  });

  it('writes what it reads back', () => {
    const network = buildNetwork('random-regular:4', 30, rng(9));
    const text = formatEdgeList(network);
    expect(text.split('\n')[0]).toBe('source,target');
    const back = parseEdgeList(text, 'network.csv', 30);
    expect([...back.edges()]).toEqual([...network.edges()]);
  });
});

describe('parseNetworkSpec', () => {
  it('tells built-in kinds from files', () => {
    expect(parseNetworkSpec('random-regular:4')).toMatchObject({ type: 'kind', parameter: '4' });
    expect(parseNetworkSpec('star')).toMatchObject({ type: 'kind', parameter: undefined });
    expect(parseNetworkSpec('./star')).toEqual({ type: 'file', path: './star' });
    expect(parseNetworkSpec('runs/a/network.csv')).toEqual({ type: 'file', path: 'runs/a/network.csv' });
    expect(networkKinds.map((k) => k.name)).toEqual([
      'random-regular',
      'star',
      'ring',
      'lattice',
      'erdos-renyi',
      'complete',
    ]);
  });
});
