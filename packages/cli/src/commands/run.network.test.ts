import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'emocrowd-network-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = ['run', '--personas', '40', '--rounds', '3', '--subsets', '0', '--quiet', '--json'];

describe('emocrowd run --network', () => {
  it('runs random-regular:4 and star, stores the network as network.csv and describes it in run.json', async () => {
    for (const network of ['random-regular:4', 'star']) {
      const out = `runs/${network.replace(':', '-')}`;
      const { code, stdout, stderr } = await runCli(
        [...base, '--influence', 'neighbours', '--network', network, '--out', out],
        { cwd: dir },
      );
      expect(code, stderr).toBe(0);
      const summary = JSON.parse(stdout) as {
        rounds: {
          diversity: number;
          logDiversity: number;
          wocIndicator: number;
          revised: number;
          revisionWeightMedian: number | null;
        }[];
      };
      // the round report: per-round diversity and WOC, revision weights from the second round on
      expect(summary.rounds).toHaveLength(3);
      for (const round of summary.rounds) {
        expect(round.diversity).toBeGreaterThan(0);
        expect(round.logDiversity).toBeGreaterThan(0);
        expect(Number.isInteger(round.wocIndicator)).toBe(true);
      }
      expect(summary.rounds[0]?.revised).toBe(0);
      for (const round of summary.rounds.slice(1)) {
        expect(round.revised).toBeGreaterThan(20);
        expect(round.revisionWeightMedian).toEqual(expect.any(Number));
      }
      // every answer names its node in network.csv, once per round
      const records = readFileSync(join(dir, out, 'responses.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { round: number; node?: number });
      for (const round of [0, 1, 2])
        expect(
          records
            .filter((r) => r.round === round)
            .map((r) => r.node)
            .sort((a, b) => (a as number) - (b as number)),
        ).toEqual([...Array(40).keys()]);
      const manifest = JSON.parse(readFileSync(join(dir, out, 'run.json'), 'utf8'));
      const described = manifest.descriptor.influence;
      expect(described.kind).toBe('neighbours');
      expect(described.network).toMatchObject({ spec: network, nodes: 40, file: 'network.csv' });
      expect(described.network.edges).toBe(network === 'star' ? 39 : 80);
      const lines = readFileSync(join(dir, out, 'network.csv'), 'utf8')
        .trim()
        .split('\n');
      expect(lines[0]).toBe('source,target');
      expect(lines).toHaveLength(described.network.edges + 1);
    }
  });

  it('builds the same network from the same seed, and resumes only with it', async () => {
    const first = await runCli(
      [...base, '--influence', 'neighbours', '--network', 'ring:2', '--out', 'runs/ring'],
      {
        cwd: dir,
      },
    );
    expect(first.code, first.stderr).toBe(0);
    const again = await runCli(
      [...base, '--influence', 'neighbours', '--network', 'ring:2', '--resume', 'runs/ring'],
      { cwd: dir },
    );
    expect(again.code, again.stderr).toBe(0);
    const other = await runCli(
      [...base, '--influence', 'neighbours', '--network', 'ring:3', '--resume', 'runs/ring'],
      { cwd: dir },
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/the run was made with --network ring:2/);
  });

  it('reads an edge-list file and stores it with the run', async () => {
    const edges = ['source,target', ...Array.from({ length: 39 }, (_, i) => `${i},${i + 1}`)].join('\n');
    writeFileSync(join(dir, 'line.csv'), edges);
    const { code, stderr } = await runCli(
      [...base, '--influence', 'neighbours', '--network', 'line.csv', '--out', 'runs/line'],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, 'runs/line/run.json'), 'utf8'));
    expect(manifest.descriptor.influence.network).toMatchObject({
      kind: 'file',
      edges: 39,
      degree: { min: 1, max: 2 },
    });
  });

  it('refuses what cannot work with one line and exit 2, before anything is written', async () => {
    const cases: [string[], RegExp][] = [
      [['--network', 'star'], /--network star needs --influence neighbours/],
      [['--influence', 'neighbours', '--network', 'random-regular:3', '--personas', '41'], /must be even/],
      [
        ['--influence', 'neighbours', '--network', 'hexagon'],
        /--network hexagon: not a built-in network \(random-regular:D, star/,
      ],
      [['--influence', 'neighbours', '--network', 'star', '--shard', '1/2'], /drop --shard/],
      [['--influence', 'neighbours', '--show-neighbours', 'mean'], /--show-neighbours needs --network/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await runCli([...base, ...args, '--out', 'runs/refused'], { cwd: dir });
      expect(code, args.join(' ')).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });
});
