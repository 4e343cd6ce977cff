import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePersonas } from '@emocrowd/agents';
import { createRng } from '@emocrowd/models';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'emocrowd-personas-'));

interface PersonasJson {
  space: string;
  count: number;
  personas: Array<{
    id: string;
    index: number;
    emotion: { label: string; intensity: number } | null;
    attributes: Record<string, string>;
  }>;
}

describe('emocrowd personas', () => {
  it('counts the paper space: exactly 15064', async () => {
    expect(await runCli(['personas', '--count', '--personas', 'paper'])).toEqual({
      code: 0,
      stdout: '15064\n',
      stderr: '',
    });
  });

  it('counts a filtered space: 2 of the 28 emotions of the 12,096-persona default space', async () => {
    const { stdout } = await runCli(['personas', '--count', '--personas', 'all', '--emotions', 'joy,anger']);
    expect(stdout).toBe(`${(12096 / 28) * 2}\n`);
  });

  it('shows K sampled personas readably: id, emotion with intensity, attributes', async () => {
    const { code, stdout } = await runCli(['personas', '--sample', '5']);
    expect(code).toBe(0);
    expect(stdout).toContain('500 personas from space "default"');
    const lines = stdout.trimEnd().split('\n');
    const header = lines.find((l) => l.startsWith('id '));
    expect(header).toMatch(/^id\s+emotion \(intensity\)\s+region\s+age\s+gender\s+education$/);
    const rows = lines.filter((l) => /^p[0-9a-f]{14}\s/.test(l));
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatch(/^p[0-9a-f]{14}\s+[a-z]+ \(0\.70\)\s+\S+\s+\S+\s+\S+\s+\S+$/);
  });

  it('samples from the very crowd `run` asks with the same flags, deterministically by seed', async () => {
    const args = ['personas', '--personas', '200', '--seed', '7', '--sample', '20', '--json'];
    const a = JSON.parse((await runCli(args)).stdout) as PersonasJson;
    const b = JSON.parse((await runCli(args)).stdout) as PersonasJson;
    expect(a).toEqual(b);
    expect(a.count).toBe(200);
    const crowd = resolvePersonas('200', { condition: 'combined', rng: createRng(7).fork('personas') });
    const ids = new Set([...crowd].map((p) => p.id));
    expect(a.personas).toHaveLength(20);
    for (const p of a.personas) expect(ids.has(p.id)).toBe(true);
    const other = JSON.parse(
      (await runCli([...args.slice(0, 4), '8', ...args.slice(5)])).stdout,
    ) as PersonasJson;
    expect(other.personas.map((p) => p.id)).not.toEqual(a.personas.map((p) => p.id));
  });

  it('lists the dimensions and their values', async () => {
    const { code, stdout } = await runCli(['personas', '--personas', 'paper', '--dimensions']);
    expect(code).toBe(0);
    expect(stdout).toContain('space paper: 15,064 personas');
    expect(stdout).toMatch(/^emotion \(28\): admiration, amusement, .*, neutral$/m);
    expect(stdout).toMatch(/^region \(4\): pacific-northwest, upper-midwest, elsewhere-us, outside-us/m);
    expect(stdout).toMatch(/^politics \(5\): /m);
    const json = JSON.parse((await runCli(['personas', '--dimensions', '--json'])).stdout) as {
      dimensions: Array<{ id: string; values: string[] }>;
    };
    expect(json.dimensions.map((d) => d.id)).toEqual(['region', 'age', 'gender', 'education']);
  });

  it('reports bad flags as one-line usage errors', async () => {
    const unknown = await runCli(['personas', '--emotions', 'bogus', '--count']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^emocrowd: --personas: unknown emotion bogus/);
    const both = await runCli(['personas', '--count', '--sample', '3']);
    expect(both.code).toBe(2);
    expect((await runCli(['personas', '--personas', 'many'])).code).toBe(2);
  });

  it('reads a persona file relative to the working directory', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'crowd.yaml'),
      'name: locals\nemotions: { labels: [joy, fear], intensity: 0.3 }\ndimensions:\n  - { id: region, values: [upper-midwest] }\n  - { id: hobby, values: [chess, hiking, rowing] }\n',
    );
    expect((await runCli(['personas', '--personas', 'crowd.yaml', '--count'], { cwd: dir })).stdout).toBe(
      '6\n',
    );
    const shown = await runCli(['personas', '--personas', 'crowd.yaml'], { cwd: dir });
    expect(shown.stdout).toContain('6 personas from space "locals"');
    expect(shown.stdout).toMatch(/joy \(0\.30\)\s+upper-midwest\s+chess/);
  });
});

describe('emocrowd personas validate', () => {
  it('describes a valid file', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'list.json'),
      JSON.stringify({
        personas: [{ emotion: 'grief', attributes: { age: '65+' } }, { attributes: { age: '18-24' } }],
      }),
    );
    const { code, stdout } = await runCli(['personas', 'validate', 'list.json'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('list.json: valid');
    expect(stdout).toContain('2 personas');
    expect(stdout).toMatch(/grief \(0\.70\)\s+65\+/);
    const json = JSON.parse(
      (await runCli(['personas', 'validate', 'list.json', '--json'], { cwd: dir })).stdout,
    ) as {
      count: number;
      first: Array<{ emotion: unknown }>;
    };
    expect(json.count).toBe(2);
    expect(json.first[1]?.emotion).toBeNull();
  });

  it('rejects an invalid file with one line naming the path inside and what was expected', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), 'dimensions:\n  - { id: age, values: [25-34, teen] }\n');
    const { code, stderr } = await runCli(['personas', 'validate', 'bad.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^emocrowd: bad\.yaml: dimensions\[0\]\.values\[1\]: expected one of 18-24/);
  });
});
