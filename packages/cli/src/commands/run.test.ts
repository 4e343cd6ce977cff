import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseRecord, RunManifest, RunSummary } from '@emocrowd/crowd';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'emocrowd-run-beam-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('emocrowd run with BEAM spectra and an intensity sweep', () => {
  it('reports the trend per spectrum, and the synthetic model reacts as documented', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'run',
        '--personas',
        'all',
        '--emotion-model',
        'beam',
        '--emotions',
        'sadness-joy,anger-peace',
        '--condition',
        'emotion',
        '--subsets',
        '0',
        '--json',
        '--quiet',
        '--out',
        'sweep',
      ],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    expect(summary.counts.personas).toBe(2 * 7 * 432);
    const trends = Object.fromEntries((summary.intensityTrends ?? []).map((t) => [t.stratum, t]));
    expect(Object.keys(trends)).toEqual(['anger-peace', 'sadness-joy']);
    const sadJoy = trends['sadness-joy'];
    expect(sadJoy?.levels.map((l) => [l.level, l.label])).toEqual([
      [-1, 'grief'],
      [-0.6, 'sadness'],
      [-0.3, 'pensiveness'],
      [0, 'surprise'],
      [0.3, 'serenity'],
      [0.6, 'joy'],
      [1, 'ecstasy'],
    ]);
    // docs/synthetic-model.md: from grief to ecstasy valence rises (estimates shorten, away from
    // an already short median, so the error grows) and arousal rises (the spread widens).
    expect(sadJoy?.logRatio?.upper).toBeLessThan(0);
    expect(sadJoy?.absLogError?.lower).toBeGreaterThan(0);
    expect(sadJoy?.logSd?.lower).toBeGreaterThan(0);
    expect(sadJoy?.logSd?.method).toBe('stratified-bootstrap');
    // anger-peace: rage is aroused, peace calm: the spread narrows toward peace.
    expect(trends['anger-peace']?.logSd?.upper).toBeLessThan(0);
    const intensity = summary.groups?.intensity?.groups.map((g) => g.label);
    expect(intensity).toEqual(['-1', '-0.6', '-0.3', '0', '0.3', '0.6', '1']);
    expect(summary.groups?.spectrum?.groups.map((g) => g.label)).toEqual(['anger-peace', 'sadness-joy']);
    expect(summary.effectSizes?.find((e) => e.dimension === 'intensity')?.linearEta2).toBeGreaterThan(0);

    const lines = readFileSync(join(dir, 'sweep', 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const first = JSON.parse(lines[0] as string) as ResponseRecord;
    expect(first).toMatchObject({
      emotionModel: 'beam',
      spectrum: 'sadness-joy',
      signedIntensity: -1,
      emotion: 'grief',
    });
    const manifest = JSON.parse(readFileSync(join(dir, 'sweep', 'run.json'), 'utf8')) as RunManifest;
    expect(manifest.descriptor.personas).toMatchObject({
      space: 'default-beam[sadness-joy,anger-peace]',
      emotionModel: 'beam',
    });

    const text = await runCli(
      [
        'run',
        '--resume',
        'sweep',
        '--personas',
        'all',
        '--emotion-model',
        'beam',
        '--emotions',
        'sadness-joy,anger-peace',
        '--condition',
        'emotion',
        '--subsets',
        '0',
        '--quiet',
      ],
      { cwd: dir },
    );
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('intensity trends');
    expect(text.stdout).toMatch(/sadness-joy +7 +\d+/);
  });

  it('sweeps chosen levels and refuses levels outside the model’s range', async () => {
    const { code, stdout } = await runCli(
      [
        'run',
        '--personas',
        '300',
        '--emotion-model',
        'beam',
        '--intensities=-1,0,1',
        '--subsets',
        '0',
        '--json',
        '--quiet',
        '--out',
        'three',
      ],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    for (const trend of summary.intensityTrends ?? [])
      expect(trend.levels.map((l) => l.level)).toEqual([-1, 0, 1]);
    const manifest = JSON.parse(readFileSync(join(dir, 'three', 'run.json'), 'utf8')) as RunManifest;
    expect(manifest.descriptor.personas.intensities).toEqual([-1, 0, 1]);

    const outside = await runCli(['run', '--intensities', '1.2', '--quiet'], { cwd: dir });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe(
      'emocrowd: --intensities: 1.2 is outside 0 to 1 (use --emotion-model beam for signed levels)\n',
    );
    writeFileSync(join(dir, 'crowd.yaml'), 'emotions: { labels: [joy] }\n');
    const file = await runCli(['run', '--personas', 'crowd.yaml', '--emotion-model', 'beam', '--quiet'], {
      cwd: dir,
    });
    expect(file.code).toBe(2);
    expect(file.stderr).toBe(
      'emocrowd: --emotion-model applies to the built-in spaces; a persona file sets its own emotions.model\n',
    );
  });

  it('sweeps the intensity of GoEmotions labels too, with a trend per label', async () => {
    const { code, stdout } = await runCli(
      [
        'run',
        '--personas',
        'all',
        '--emotions',
        'anger,joy',
        '--intensities',
        '0.2,0.6,1',
        '--subsets',
        '0',
        '--json',
        '--quiet',
        '--out',
        'go',
      ],
      { cwd: dir },
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    expect(summary.intensityTrends?.map((t) => [t.stratum, t.levels.length])).toEqual([
      ['anger', 3],
      ['joy', 3],
    ]);
  });
});

describe('emocrowd personas with BEAM emotions', () => {
  it('counts and shows a spectrum sweep', async () => {
    const count = await runCli([
      'personas',
      '--count',
      '--personas',
      'all',
      '--emotion-model',
      'beam',
      '--emotions',
      'sadness-joy',
    ]);
    expect(count.stdout).toBe('3024\n');
    const shown = await runCli([
      'personas',
      '--personas',
      'all',
      '--emotion-model',
      'beam',
      '--sample',
      '2',
      '--json',
    ]);
    const out = JSON.parse(shown.stdout) as { space: string; personas: { emotion: { model: string } }[] };
    expect(out.space).toBe('default-beam');
    expect(out.personas.every((p) => p.emotion.model === 'beam')).toBe(true);
  });
});

describe('emocrowd run: a battery with an intensity sweep', () => {
  it('reports the trends of each item', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'run',
        '--task',
        'lorenz-2011',
        '--personas',
        'all',
        '--emotion-model',
        'beam',
        '--emotions',
        'sadness-joy',
        '--intensities=-1,1',
        '--subsets',
        '0',
        '--json',
        '--quiet',
        '--out',
        'battery',
      ],
      { cwd: dir },
    );
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    expect(summary.intensityTrends).toBeUndefined();
    expect(summary.items).toHaveLength(6);
    for (const item of summary.items ?? []) {
      expect(item.intensityTrends?.map((t) => [t.stratum, t.levels.map((l) => l.level)])).toEqual([
        ['sadness-joy', [-1, 1]],
      ]);
    }
    const text = await runCli(
      [
        'run',
        '--resume',
        'battery',
        '--task',
        'lorenz-2011',
        '--personas',
        'all',
        '--emotion-model',
        'beam',
        '--emotions',
        'sadness-joy',
        '--intensities=-1,1',
        '--subsets',
        '0',
        '--quiet',
      ],
      { cwd: dir },
    );
    expect(text.stdout).toMatch(/density: sadness-joy +2/);
  });
});
