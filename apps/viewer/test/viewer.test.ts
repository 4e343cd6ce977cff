import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ResponseRecord, type RunDescriptor, type RunSummary, type StudyListing, type StudyReport, studyFigures } from '@emocrowd/crowd';
import { crowdDataPath } from '@emocrowd/data';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../packages/cli/src/testing/runCli.js';
import { type ServeFixture, startServeFixture } from './serveFixture.js';

const VIEWER = fileURLToPath(new URL('..', import.meta.url));
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const SHOTS = join(REPO, 'test-output', 'viewer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** Newest modification time of the viewer's sources. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    newest = Math.max(newest, info.isDirectory() ? newestSource(path) : info.mtimeMs);
  }
  return newest;
}

/** Builds apps/viewer/dist when it is missing or older than the sources. */
function ensureBuilt(): void {
  const built = join(VIEWER, 'dist', 'index.html');
  const sources = Math.max(newestSource(join(VIEWER, 'src')), statSync(join(VIEWER, 'index.html')).mtimeMs, statSync(join(VIEWER, 'vite.config.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(REPO, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: VIEWER, stdio: 'pipe' });
}

const HOSTILE_RAW = 'About <img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> 1,200 miles';

/** Writes a finished-looking run whose answers carry markup in the model's raw text. */
function writeHostileRun(runsDir: string): string {
  const runId = '20260101-000000-hostile-run';
  const dir = join(runsDir, runId);
  mkdirSync(dir, { recursive: true });
  const descriptor: RunDescriptor = {
    runId,
    task: { id: 'fargo-seattle', question: 'Distance <b>Fargo</b> to Seattle?', unit: 'mi', truth: 1194, truthSource: 'test' },
    model: { id: 'synthetic', backend: 'synthetic', model: 'synthetic', isLanguageModel: false },
    personas: { spec: '3', space: 'default', condition: 'emotion', count: 3 },
    seed: 1,
    replicates: 1,
    rounds: 1,
    influence: { kind: 'none' },
    generation: {},
    strategies: [],
  };
  const record = (i: number, estimate: number, raw: string): ResponseRecord => ({
    personaId: `p${i}`,
    personaIndex: i,
    emotion: i === 0 ? '<svg onload="window.__pwned=3">' : 'joy',
    emotionModel: 'goemotions',
    attributes: { region: '<iframe src="javascript:window.__pwned=4">' },
    replicate: 0,
    round: 0,
    status: 'ok',
    estimate,
    raw,
    latencyMs: 1,
    tokens: { prompt: 1, completion: 1 },
    cached: false,
    model: 'synthetic',
  });
  writeFileSync(
    join(dir, 'run.json'),
    JSON.stringify({ schemaVersion: 1, descriptor, request: {}, createdAt: '2026-01-01T00:00:00.000Z', versions: { emocrowd: '0.1.0', node: 'v20' } }),
  );
  writeFileSync(
    join(dir, 'responses.jsonl'),
    `${[record(0, 1200, HOSTILE_RAW), record(1, 1000, 'I think 1000 miles'), record(2, 1500, '<b>1500</b>')].map((r) => JSON.stringify(r)).join('\n')}\n`,
  );
  return runId;
}

describe('the viewer in a real browser', () => {
  let fx: ServeFixture;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    fx = await startServeFixture();
    profile = mkdtempSync(join(tmpdir(), 'emocrowd-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1280, height: 1000 },
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('pageerror', (error) => pageErrors.push(`${error.message} ${error.stack ?? ''}`.slice(0, 600)));
    page.on('dialog', (dialog) => {
      pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('starts a run from the page and shows the live histogram and the final aggregates of summary.json', async () => {
    await page.goto(fx.server.url);
    await page.getByTestId('start').waitFor();
    // Defaults: the Fargo-Seattle question on the synthetic model.
    expect(await page.getByTestId('task').inputValue()).toBe('fargo-seattle');
    expect(await page.getByTestId('model').inputValue()).toBe('synthetic');
    await page.getByTestId('crowd-size').fill('300');
    await page.getByTestId('start').click();
    await page.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="histogram"] canvas').first().waitFor();
    expect(await page.getByTestId('histogram').getAttribute('data-count')).not.toBe('0');
    await page.getByTestId('aggregates').waitFor();

    const runs = readdirSync(fx.runsDir);
    expect(runs).toHaveLength(1);
    const summary = JSON.parse(readFileSync(join(fx.runsDir, runs[0] as string, 'summary.json'), 'utf8')) as RunSummary;
    const shown = await page
      .locator('[data-testid="aggregates"] tbody tr')
      .evaluateAll((rows) => rows.map((row) => [(row as HTMLElement).dataset.strategy, (row as HTMLElement).dataset.estimate]));
    const computed = Object.entries(summary.aggregates).filter(([, agg]) => agg.estimate !== null);
    const expected = computed.map(([name, agg]) => [name, String(agg.estimate)]);
    expect(shown).toEqual(expected);
    expect(shown.length).toBeGreaterThan(3);
    // the cue strategies have no cue in this run: not computed, named once with the reason, no row
    const notComputed = Object.entries(summary.aggregates).filter(([, agg]) => agg.estimate === null);
    expect(notComputed.map(([name]) => name)).toEqual(['selectCrowd', 'bestEmotionSubset']);
    const note = await page.getByTestId('view-live').getByTestId('not-computed').textContent();
    expect(note).toMatch(/selectCrowd \(no ability cue.*bestEmotionSubset \(no ability cue/);
    const medianText = await page.locator('[data-testid="aggregates"] tr[data-strategy="median"] td[data-role="estimate"]').textContent();
    expect(medianText).toBe((summary.aggregates.median?.estimate as number).toLocaleString('en-US', { maximumFractionDigits: 1 }));
    expect(await page.getByTestId('progress').textContent()).toContain(`${summary.counts.answered} with a number`);
    await page.screenshot({ path: join(SHOTS, 'live.png'), fullPage: true });

    await page.getByTestId('log-scale').check();
    await page.screenshot({ path: join(SHOTS, 'live-log.png'), fullPage: true });

    await page.getByTestId('tab-compare').click();
    await page.getByTestId('compare-table').waitFor();
    expect(await page.locator('[data-testid="compare-table"] tbody tr').count()).toBe(computed.length);
    expect(await page.getByTestId('view-compare').getByTestId('not-computed').textContent()).toMatch(/selectCrowd/);
    // one curve per computed strategy: the chart legend has no series of a strategy not computed
    expect(summary.subsets?.strategies.map((s) => s.name)).toEqual(computed.map(([name]) => name));
    await page.locator('[data-testid="view-compare"] canvas').first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'compare.png'), fullPage: true });

    await page.getByTestId('tab-breakdown').click();
    await page.getByTestId('breakdown-table').waitFor();
    const dims = await page.getByTestId('breakdown-dimension').locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(dims).toEqual(Object.keys(summary.groups ?? {}));
    const groups = summary.groups?.[dims[0] as string]?.groups ?? [];
    expect(await page.locator('[data-testid="breakdown-table"] tbody tr').count()).toBe(groups.length);
    await page.screenshot({ path: join(SHOTS, 'breakdown.png'), fullPage: true });

    await page.getByTestId('tab-rounds').click();
    await page.getByTestId('rounds-table').waitFor();
    await page.screenshot({ path: join(SHOTS, 'rounds.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('runs three rounds with social influence and shows diversity and collective error per round', async () => {
    await page.goto(`${fx.server.url}#live`);
    await page.getByTestId('start').waitFor();
    await page.getByTestId('crowd-size').fill('120');
    await page.getByTestId('rounds').fill('3');
    await page.getByTestId('influence').selectOption('aggregate:median');
    await page.getByTestId('start').click();
    // the previous run is on screen until this one starts: wait for this run's answers
    await page.getByTestId('progress').filter({ hasText: '360 of 360 answers' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    const dir = readdirSync(fx.runsDir).find((name) => {
      const manifest = JSON.parse(readFileSync(join(fx.runsDir, name, 'run.json'), 'utf8')) as { descriptor: RunDescriptor };
      return manifest.descriptor.rounds === 3;
    });
    expect(dir).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(fx.runsDir, dir as string, 'run.json'), 'utf8')) as { descriptor: RunDescriptor };
    expect(manifest.descriptor.influence).toEqual({ kind: 'aggregate', aggregate: 'median' });
    expect(manifest.descriptor.personas.count).toBe(120);
    const summary = JSON.parse(readFileSync(join(fx.runsDir, dir as string, 'summary.json'), 'utf8')) as RunSummary;
    expect(await page.getByTestId('progress').textContent()).toContain(`of ${120 * 3} answers`);
    await page.getByTestId('tab-rounds').click();
    await page.getByTestId('rounds-table').waitFor();
    const rows = await page.locator('[data-testid="rounds-table"] tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Array.from(tr.querySelectorAll('td')).slice(0, 2).map((td) => td.textContent)),
    );
    expect(rows).toEqual(summary.rounds.map((r) => [String(r.round), String(r.n)]));
    expect(rows).toHaveLength(3);
    await page.screenshot({ path: join(SHOTS, 'rounds-3.png'), fullPage: true });
    await page.getByTestId('tab-live').click();
    await page.screenshot({ path: join(SHOTS, 'live-3-rounds.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('starts a run with the conduct check and reviews the judge in the Review tab, saving to the review file', async () => {
    await page.goto(`${fx.server.url}#live`);
    await page.getByTestId('start').waitFor();
    await page.getByTestId('crowd-size').fill('150');
    await page.getByTestId('rounds').fill('1');
    await page.getByTestId('conduct').check();
    await page.getByTestId('start').click();
    await page.getByTestId('progress').filter({ hasText: '150 of 150 answers' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    const dir = readdirSync(fx.runsDir).find((name) => {
      const manifest = JSON.parse(readFileSync(join(fx.runsDir, name, 'run.json'), 'utf8')) as { descriptor: RunDescriptor };
      return manifest.descriptor.conduct !== undefined;
    }) as string;
    expect(dir).toBeDefined();
    await page.getByTestId('tab-review').click();
    const entries = page.getByTestId('review-entry');
    await entries.first().waitFor();
    const count = await entries.count();
    expect(count).toBeGreaterThan(1);
    await entries.nth(0).getByTestId('review-decision').selectOption('accept');
    await entries.nth(1).getByTestId('review-decision').selectOption('accept');
    await entries.nth(1).getByTestId('review-comment').fill('Fair call.');
    await page.getByTestId('review-save').click();
    await page.getByTestId('review-status').filter({ hasText: `2 of ${count} decided` }).waitFor();
    expect(await page.getByTestId('review-status').textContent()).toMatch(/Cohen's kappa/);
    const file = readFileSync(join(fx.runsDir, dir, 'conduct-review.yaml'), 'utf8');
    expect(file.match(/^ {4}decision: accept$/gm)).toHaveLength(2);
    expect(file).toContain('comment: Fair call.');
    // the same review, read back by the command line
    const key = await entries.nth(1).getAttribute('data-key');
    expect(file).toContain(`key: ${key}`);
    await page.screenshot({ path: join(SHOTS, 'review.png') });
    expect(pageErrors).toEqual([]);
  });

  it('draws a run’s network in the Rounds view, each node coloured by its answer in the round chosen', async () => {
    await page.goto(`${fx.server.url}#live`);
    await page.getByTestId('start').waitFor();
    await page.getByTestId('crowd-size').fill('40');
    await page.getByTestId('rounds').fill('3');
    await page.getByTestId('influence').selectOption('network:random-regular:4');
    await page.getByTestId('start').click();
    await page.getByTestId('progress').filter({ hasText: '120 of 120 answers' }).waitFor({ timeout: 60_000 });
    await page.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    const dir = readdirSync(fx.runsDir).find((name) => existsSync(join(fx.runsDir, name, 'network.csv')));
    expect(dir).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(fx.runsDir, dir as string, 'run.json'), 'utf8')) as { descriptor: RunDescriptor };
    expect(manifest.descriptor.influence).toMatchObject({ kind: 'neighbours', network: { spec: 'random-regular:4', nodes: 40, edges: 80 } });
    // the edges drawn are those of the run's network.csv
    const stored = readFileSync(join(fx.runsDir, dir as string, 'network.csv'), 'utf8').trim().split('\n').slice(1);
    const records = readFileSync(join(fx.runsDir, dir as string, 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as ResponseRecord);
    await page.getByTestId('tab-rounds').click();
    const chart = page.getByTestId('network-chart');
    await chart.waitFor();
    expect(await chart.locator('line').count()).toBe(stored.length);
    expect(await chart.locator('circle').count()).toBe(40);
    const estimates = async () =>
      chart.locator('circle').evaluateAll((cs) => cs.map((c) => [Number((c as SVGElement).dataset.node), (c as SVGElement).dataset.estimate]));
    // round 0: every node shows its persona's first answer, as stored in responses.jsonl
    const expected = (round: number) =>
      Array.from({ length: 40 }, (_, node) => {
        const r = records.find((x) => x.round === round && x.replicate === 0 && x.node === node);
        return [node, r?.estimate === undefined || r.estimate === null ? '' : String(r.estimate)];
      });
    expect(await estimates()).toEqual(expected(0));
    await page.getByTestId('network-round').selectOption('2');
    expect(await estimates()).toEqual(expected(2));
    expect(expected(2)).not.toEqual(expected(0));
    expect(await page.getByTestId('rounds-network-note').textContent()).toMatch(/random-regular:4: 40 nodes, 80 edges, degree 4-4.*Round 2, replicate 0: \d+ of 40 nodes/);
    const fills = await chart.locator('circle').evaluateAll((cs) => new Set(cs.map((c) => c.getAttribute('fill'))).size);
    expect(fills).toBeGreaterThan(5);
    await page.screenshot({ path: join(SHOTS, 'rounds-network.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows markup in model text, labels and questions as inert text, and runs none of it', async () => {
    const runId = writeHostileRun(fx.runsDir);
    await page.goto(`${fx.server.url}#open`);
    await page.getByTestId(`open-${runId}`).click();
    await page.getByTestId('status').filter({ hasText: 'incomplete' }).waitFor();
    const answers = page.getByTestId('answers');
    await answers.getByText('<script>window.__pwned=2</script>', { exact: false }).waitFor();
    const raws = await answers.locator('.raw').allTextContents();
    expect(raws).toContain(HOSTILE_RAW);
    expect(await answers.locator('img, script, svg, iframe, b').count()).toBe(0);
    // the only SVG the viewer makes itself: uPlot's and the drawing of a network (built with createElementNS, data as attributes and text)
    expect(await page.locator('main img, main script, main iframe, main svg:not(.u-wrap svg):not([data-testid="network-chart"])').count()).toBe(0);
    expect(await page.getByText('Distance <b>Fargo</b> to Seattle?').count()).toBe(1);
    // give an onerror a chance to fire had the markup been parsed
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.screenshot({ path: join(SHOTS, 'hostile-run.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('opens a dropped CSV of human estimates and analyses it in the browser with crowd code', async () => {
    await page.goto(`${fx.server.url}#open`);
    await page.getByTestId('file-input').setInputFiles(crowdDataPath('silver_jellybean_Jb1.csv'));
    await page.getByTestId('aggregates').waitFor();
    expect(await page.getByTestId('open-message').textContent()).toMatch(/truth 250/);
    // Published check values (data README): Silver Jb1 E1, n = 67: median 150, geometric mean 141.0.
    const median = await page.locator('[data-testid="aggregates"] tr[data-strategy="median"]').getAttribute('data-estimate');
    expect(Number(median)).toBe(150);
    const gm = await page.locator('[data-testid="aggregates"] tr[data-strategy="geometricMean"]').getAttribute('data-estimate');
    expect(Number(gm)).toBeCloseTo(141.0, 1);
    await page.screenshot({ path: join(SHOTS, 'dropped-csv.png'), fullPage: true });
    await page.getByTestId('tab-open').click();
    await page.screenshot({ path: join(SHOTS, 'open.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  it('shows a battery across items and each item against its human crowd, on a log scale', async () => {
    const runId = '20260102-000000-lorenz-2011-synthetic';
    const run = await runCli(['run', '--task', 'lorenz-2011', '--personas', '300', '--subsets', '0', '--quiet', '--out', join(fx.runsDir, runId)], { cwd: fx.runsDir });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(readFileSync(join(fx.runsDir, runId, 'summary.json'), 'utf8')) as RunSummary;
    const items = summary.items ?? [];
    expect(items).toHaveLength(6);
    // a fresh page, so the Open tab lists the run written after the previous test
    await page.goto(`${fx.server.url}#open`);
    await page.reload();
    await page.getByTestId(`open-${runId}`).click();
    await page.getByTestId('status').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });

    await page.getByTestId('tab-items').click();
    await page.getByTestId('ranking-table').waitFor();
    const ranked = await page.locator('[data-testid="ranking-table"] tbody tr').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.strategy));
    expect(ranked).toEqual(summary.crossItem?.ranking);
    const first = summary.crossItem?.strategies[ranked[0] as string];
    const firstCell = await page.locator('[data-testid="ranking-table"] tbody tr').first().locator('td').nth(2).textContent();
    expect(firstCell?.startsWith((first?.meanAbsLogRatio as number).toLocaleString('en-US', { maximumFractionDigits: 3 }))).toBe(true);
    expect(await page.locator('[data-testid="items-table"] tbody tr').count()).toBe(6);
    await page.screenshot({ path: join(SHOTS, 'across-items.png'), fullPage: true });

    await page.getByTestId('tab-human').click();
    for (const [i, item] of items.entries()) {
      await page.getByTestId('item-select').selectOption(item.id);
      const overlay = page.getByTestId('overlay');
      // items can share crowd sizes: wait for this item's drawing and table, not merely equal counts
      await page.locator(`[data-testid="overlay"][data-item="${item.id}"][data-count1="${item.fidelity?.human.n}"][data-count0="${item.fidelity?.simulated.n}"] canvas`).first().waitFor();
      await page.locator(`[data-testid="fidelity"][data-item="${item.id}"]`).waitFor();
      expect(await overlay.getAttribute('data-human')).toBe('loaded');
      const cells = await page.locator(`[data-testid="fidelity"][data-item="${item.id}"] [data-testid="fidelity-table"] tbody tr`).evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[1]?.textContent ?? ''));
      const f = item.fidelity;
      const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 3 });
      expect(cells.map((c) => c.split(' [')[0])).toEqual([f?.medianRatio, f?.dispersionRatio, f?.ks, f?.wasserstein].map((s) => fmt(s?.estimate as number)));
      expect(await page.getByTestId('homogeneous').textContent()).toMatch(f?.homogeneous ? /^Homogeneous/ : /^Not homogeneous/);
      expect(await page.getByTestId('human-source').textContent()).toContain('lorenz_2011.csv, column E1');
      if (i === 0) await page.screenshot({ path: join(SHOTS, 'human.png'), fullPage: true });
    }
    // the human answers drawn are the crowd the fidelity was computed against
    const human = (await (await fetch(fx.url(`/api/runs/${runId}/human`))).json()) as { items: { item: string; values: number[] }[] };
    expect(human.items.map((i) => [i.item, i.values.length])).toEqual(items.map((i) => [i.id, i.fidelity?.human.n]));
    expect(pageErrors).toEqual([]);
  }, 180_000);
});

describe('the Study view in a real browser', () => {
  const STUDY = `name: conditions
seed: 42
task: fargo-seattle
personas: 120
subsets: 20
strategies: [mean, median]
factors:
  condition: [emotion, social]
contrasts:
  - { name: emotion-minus-social, of: condition, a: emotion, b: social }
report: { bootstrap: 200, permutations: 200 }
`;
  let fx: ServeFixture;
  let browser: Browser;
  let page: Page;
  let work: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureBuilt();
    mkdirSync(SHOTS, { recursive: true });
    fx = await startServeFixture();
    work = mkdtempSync(join(tmpdir(), 'emocrowd-study-view-'));
    writeFileSync(join(work, 'study.yaml'), STUDY);
    const ran = await runCli(['study', 'run', 'study.yaml', '--out', join(fx.runsDir, 'conditions'), '--quiet'], { cwd: work });
    expect(ran.code, ran.stderr).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await fx?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('lists the study and draws the report the server computes, with the HTML report\'s very figures', async () => {
    const listed = (await (await fetch(fx.url('/api/studies'))).json()) as { studies: StudyListing[] };
    expect(listed.studies).toMatchObject([{ id: 'conditions', name: 'conditions', cells: 2, complete: 2, contrasts: 1 }]);
    const report = (await (await fetch(fx.url('/api/studies/conditions'))).json()) as StudyReport;
    expect(report.contrasts.map((c) => c.name)).toEqual(['emotion-minus-social']);

    await page.goto(`${fx.server.url}#study`);
    await page.getByTestId('study-title').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('study-select').inputValue()).toBe('conditions');
    const cells = await page.locator('[data-testid="study-cells"] tbody tr td:first-child').allTextContents();
    expect(cells).toEqual(['emotion', 'social']);
    const metricRows = await page.locator('[data-testid="study-metrics"] tbody tr td:first-child').allTextContents();
    expect(metricRows).toEqual(Object.keys(report.contrasts[0]?.metrics ?? {}));

    // The same SVG the HTML report embeds: drawn from the same report by the same function.
    const expected = studyFigures(report);
    const forest = page.locator('[data-testid="study-forest"] svg[data-figure="forest"]');
    expect(await forest.count()).toBe(expected.forest.length);
    const shownForest = await forest.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(shownForest).toEqual(expected.forest.map((f) => /aria-label="([^"]*)"/.exec(f.svg)?.[1]));
    for (const figure of ['histogram', 'subsets-accuracy', 'subsets-error']) {
      const svg = page.locator(`.study-contrast svg[data-figure="${figure}"]`);
      expect(await svg.count(), figure).toBe(1);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(300);
    }
    const bars = await page
      .locator('.study-contrast svg[data-figure="histogram"] path.cell-a')
      .getAttribute('d');
    expect(bars).toBe(/class="cell-a" d="([^"]*)"/.exec(expected.contrasts[0]?.histogram ?? '')?.[1]);
    await page.screenshot({ path: join(SHOTS, 'study.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('answers 404 for a study that is not in the store and 400 for a path', async () => {
    const missing = await fetch(fx.url('/api/studies/nothing-here'));
    expect(missing.status).toBe(404);
    const path = await fetch(fx.url('/api/studies/..%2F..%2Fetc'));
    expect(path.status).toBe(400);
  });
});
