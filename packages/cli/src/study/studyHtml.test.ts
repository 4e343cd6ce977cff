import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StudyReport } from '@emocrowd/crowd';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

// `emocrowd study report --html FILE` opened from disk in real Chromium, every request that is
// not the file itself refused and counted.
const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const SHOTS = join(REPO, 'test-output', 'study');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SLOW = 240_000;

const STUDY = `name: conditions
seed: 42
task: fargo-seattle
personas: 150
subsets: 20
strategies: [mean, median]
factors:
  condition: [emotion, social, combined]
contrasts:
  - { name: emotion-minus-social, of: condition, a: emotion, b: social }
  - { name: combined-minus-emotion, of: condition, a: combined, b: emotion }
report: { bootstrap: 300, permutations: 300 }
`;

let cwd = '';
let report: StudyReport;
let browser: Browser;
let page: Page;
const external: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  cwd = mkdtempSync(join(tmpdir(), 'emocrowd-study-html-'));
  writeFileSync(join(cwd, 'study.yaml'), STUDY);
  const ran = await runCli(['study', 'run', 'study.yaml', '--quiet'], { cwd });
  expect(ran.code, ran.stderr).toBe(0);
  const html = await runCli(['study', 'report', 'runs/conditions', '--json', '--html', 'out/report.html'], {
    cwd,
  });
  expect(html.code, html.stderr).toBe(0);
  expect(html.stderr).toBe('wrote out/report.html\n');
  report = JSON.parse(html.stdout) as StudyReport;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    external.push(url);
    return route.abort();
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(pathToFileURL(join(cwd, 'out', 'report.html')).href);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
}, SLOW);

afterAll(async () => {
  await browser?.close();
  if (cwd) rmSync(cwd, { recursive: true, force: true });
});

describe('study report --html in Chromium', () => {
  it('is one file that asks for nothing outside itself and raises no error', () => {
    const text = readFileSync(join(cwd, 'out', 'report.html'), 'utf8');
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
    expect(text).not.toMatch(/<script|<link|src="http|href="http|@import|url\(/);
  });

  it('shows every cell and every contrast metric with the numbers of the JSON report', async () => {
    const cells = await page.locator('table').first().locator('tbody tr td:first-child').allTextContents();
    expect(cells).toEqual(['emotion', 'social', 'combined']);
    for (const contrast of report.contrasts) {
      const section = page.locator(`section[data-contrast="${contrast.name}"]`);
      const rows = await section.locator('tbody tr').allInnerTexts();
      expect(rows.map((r) => r.split('\t')[0])).toEqual(Object.keys(contrast.metrics));
      const m = contrast.metrics.meanAbsLogRatio;
      expect(m).toBeDefined();
      const row = rows.find((r) => r.startsWith('meanAbsLogRatio'))?.split('\t') ?? [];
      expect(row.slice(3, 5)).toEqual([
        (m?.estimate as number).toFixed(3),
        `[${(m?.ci[0] as number).toFixed(3)}, ${(m?.ci[1] as number).toFixed(3)}]`,
      ]);
    }
  });

  it('draws a forest plot per metric: a row per contrast, the estimate inside its interval', async () => {
    const metrics = Object.keys(report.contrasts[0]?.metrics ?? {});
    expect(metrics).toEqual(['absError.mean', 'absError.median', 'meanAbsLogRatio', 'dispersion']);
    const forests = page.locator('svg[data-figure="forest"]');
    expect(await forests.evaluateAll((els) => els.map((e) => e.getAttribute('data-metric')))).toEqual(
      metrics,
    );
    for (let i = 0; i < metrics.length; i++) {
      const rows = await forests.nth(i).evaluate((svg) =>
        Array.from(svg.querySelectorAll('g.row')).map((g) => {
          const line = g.querySelector('line.interval') as SVGLineElement;
          const dot = g.querySelector('circle.estimate') as SVGCircleElement;
          const zero = svg.querySelector('line.zero') as SVGLineElement;
          return {
            lo: line.x1.baseVal.value,
            hi: line.x2.baseVal.value,
            dot: dot.cx.baseVal.value,
            zero: zero.x1.baseVal.value,
            width: dot.getBoundingClientRect().width,
          };
        }),
      );
      expect(rows).toHaveLength(2);
      report.contrasts.forEach((contrast, j) => {
        const m = contrast.metrics[metrics[i] as string];
        const row = rows[j];
        expect(row && m).toBeTruthy();
        if (!row || !m) return;
        expect(row.width).toBeGreaterThan(0);
        expect(row.lo).toBeLessThanOrEqual(row.dot + 0.1);
        expect(row.dot).toBeLessThanOrEqual(row.hi + 0.1);
        // The estimate lies on the side of the line of no difference its sign says.
        if (m.estimate !== 0) expect(row.dot > row.zero).toBe(m.estimate > 0);
      });
    }
  });

  it('draws per contrast the overlaid log-scale histograms with bars as each cell shares its answers', async () => {
    const figures = page.locator('svg[data-figure="histogram"]');
    expect(await figures.count()).toBe(report.contrasts.length);
    for (let i = 0; i < report.contrasts.length; i++) {
      const h = report.contrasts[i]?.histogram;
      expect(h).toBeTruthy();
      if (!h) continue;
      const shown = await figures.nth(i).evaluate((svg) => {
        const box = (selector: string) => {
          const { width, height } = (svg.querySelector(selector) as SVGPathElement).getBBox();
          return { width, height };
        };
        return {
          a: box('path.cell-a'),
          b: box('path.cell-b'),
          legend: svg.textContent ?? '',
          truth: svg.querySelectorAll('line.truth').length,
        };
      });
      // The taller bar reaches the top of the plot: its share is the largest of either cell.
      const share = (counts: readonly number[]) => Math.max(...counts) / counts.reduce((s, c) => s + c, 0);
      const [sa, sb] = [share(h.a), share(h.b)];
      expect(shown.a.height / shown.b.height).toBeCloseTo(sa / sb, 1);
      expect(shown.a.width).toBeGreaterThan(400);
      expect(shown.legend).toContain(`(n=${h.a.reduce((s, c) => s + c, 0)}`);
      expect(shown.truth).toBe(1);
    }
  });

  it('draws per contrast the subset curves of both cells with their bands', async () => {
    for (const measure of ['accuracy', 'error']) {
      const figures = page.locator(`svg[data-figure="subsets-${measure}"]`);
      expect(await figures.count()).toBe(report.contrasts.length);
      for (let i = 0; i < report.contrasts.length; i++) {
        const parts = await figures.nth(i).evaluate((svg) =>
          Array.from(svg.querySelectorAll('g.series')).map((g) => ({
            curve: (g.querySelector('path.curve') as SVGPathElement).getBBox().width,
            band: (g.querySelector('path.band') as SVGPathElement).getBBox().height,
          })),
        );
        expect(parts).toHaveLength(2);
        for (const p of parts) {
          expect(p.curve).toBeGreaterThan(400);
          expect(p.band).toBeGreaterThan(0);
        }
      }
    }
  });
});
