import { goEmotionsDir } from '@emocrowd/data';
import {
  buildRecognitionPrompt,
  GOEMOTIONS_LABELS,
  labelsForLevel,
  loadBuiltinClassifier,
  readGoEmotions,
} from '@emocrowd/models';
import {
  type OllamaTestServer,
  type OllamaTestServerPrompt,
  startOllamaTestServer,
} from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/repoRoot.js';
import { runCli } from '../testing/runCli.js';

const GOEMOTIONS = goEmotionsDir();

interface EvalJson {
  model: string;
  split: string;
  labels: string;
  n: number;
  unparsed: number;
  failed: number;
  accuracy: number;
  anyOverlap: number;
  macroF1: number;
  microF1: number;
  perClass: Array<{ label: string; f1: number; support: number; predicted: number }>;
  confusion: { labels: string[]; matrix: number[][]; rows: number; excluded: number };
}

describe('emocrowd eval emotions --model builtin', () => {
  it('scores the shipped classifier on the full test split', async () => {
    const { code, stdout } = await runCli([
      'eval',
      'emotions',
      '--model',
      'builtin',
      '--goemotions',
      GOEMOTIONS,
      '--json',
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as EvalJson;
    expect(r).toMatchObject({
      model: 'builtin',
      split: 'test',
      labels: 'goemotions',
      n: 5427,
      unparsed: 0,
      failed: 0,
    });
    expect(r.perClass).toHaveLength(28);
    expect(r.perClass.reduce((s, c) => s + c.support, 0)).toBe(6329); // label occurrences in test.tsv
    // the classifier's reference scores (BERT-base reaches macro-F1 0.46 here, Demszky et al. 2020)
    expect(r.macroF1).toBeGreaterThan(0.45);
    expect(r.macroF1).toBeLessThan(0.6);
    expect(r.anyOverlap).toBeGreaterThan(r.accuracy);
    const matrixTotal = r.confusion.matrix.flat().reduce((s, v) => s + v, 0);
    expect(matrixTotal).toBe(r.confusion.rows);
    expect(r.confusion.rows + r.confusion.excluded).toBe(5427);
  });

  it('agrees with the classifier row by row', async () => {
    const rows = (await readGoEmotions(GOEMOTIONS, 'test')).slice(0, 50);
    const classifier = loadBuiltinClassifier();
    const predicted = new Map<string, number>();
    for (const row of rows)
      for (const l of classifier.predict(row.text, 'sentiment').labels)
        predicted.set(l, (predicted.get(l) ?? 0) + 1);
    const { stdout } = await runCli([
      'eval',
      'emotions',
      '--goemotions',
      GOEMOTIONS,
      '--labels',
      'sentiment',
      '--limit',
      '50',
      '--json',
    ]);
    const r = JSON.parse(stdout) as EvalJson;
    expect(r.n).toBe(50);
    for (const c of r.perClass) expect(c.predicted, c.label).toBe(predicted.get(c.label) ?? 0);
  });

  it('renders per-class F1 and a compact confusion matrix for the Ekman classes', async () => {
    const { code, stdout } = await runCli([
      'eval',
      'emotions',
      '--goemotions',
      GOEMOTIONS,
      '--labels',
      'ekman',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^emotion recognition: builtin on GoEmotions test \(5,427 rows\), ekman labels \(7\)/,
    );
    expect(stdout).toMatch(/^ {2}macro-F1 {14}0\.\d{3}$/m);
    expect(stdout).toMatch(/^class\s+precision\s+recall\s+F1\s+support\s+predicted$/m);
    expect(stdout).toMatch(/^gold\s+ange\s+disg\s+fear\s+joy\s+sadn\s+surp\s+neut$/m);
    expect(stdout).toMatch(/^neutral(\s+[\d,]+){7}$/m);
  });

  it('refuses the synthetic model and a folder without the split', async () => {
    expect(
      (await runCli(['eval', 'emotions', '--model', 'synthetic', '--goemotions', GOEMOTIONS])).code,
    ).toBe(2);
    const missing = await runCli(['eval', 'emotions', '--goemotions', REPO_ROOT]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no test.tsv');
  });
});

describe('emocrowd eval emotions with an LLM over HTTP', () => {
  let srv: OllamaTestServer;
  const goldByText = new Map<string, string[]>();
  const LABELS = labelsForLevel('goemotions');
  const PREFIX = buildRecognitionPrompt('', LABELS);

  beforeAll(async () => {
    for (const row of (await readGoEmotions(GOEMOTIONS, 'test')).slice(0, 40)) {
      goldByText.set(
        row.text.trim(),
        row.labels.map((id) => GOEMOTIONS_LABELS[id] as string),
      );
    }
    srv = await startOllamaTestServer({ models: ['emollama'] });
  });
  afterAll(async () => {
    await srv.close();
  });

  /** A perfect recogniser: answers each sentence's gold labels, as JSON when asked for structure. */
  const oracle = (p: OllamaTestServerPrompt): string => {
    const content = p.messages.at(-1)?.content ?? '';
    const labels = goldByText.get(content.slice(PREFIX.length)) ?? [];
    if (p.format !== undefined) return JSON.stringify({ labels });
    return `The emotions are ${labels.map((l) => l.toUpperCase()).join(' and ')}.`;
  };

  it('asks the recognition prompt with structured output and scores the answers', async () => {
    srv.setRespond(oracle);
    srv.clearRequests();
    const { code, stdout, stderr } = await runCli([
      'eval',
      'emotions',
      '--model',
      'ollama:emollama',
      '--host',
      srv.url,
      '--goemotions',
      GOEMOTIONS,
      '--limit',
      '40',
      '--concurrency',
      '4',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as EvalJson;
    expect(r).toMatchObject({ model: 'ollama:emollama', n: 40, unparsed: 0, failed: 0, accuracy: 1 });
    const chats = srv.requests.filter((q) => q.path === '/api/chat');
    expect(chats).toHaveLength(40);
    const sent = chats.map(
      (q) => (q.body as { messages: Array<{ content: string }> }).messages.at(-1)?.content,
    );
    expect(sent).toContain(buildRecognitionPrompt([...goldByText.keys()][0] as string, LABELS));
    const body = chats[0]?.body as {
      format?: { properties?: { labels?: { items?: { enum?: string[] } } } };
      options?: { seed?: number; temperature?: number };
    };
    expect(body.format?.properties?.labels?.items?.enum).toEqual([...LABELS]);
    expect(body.options).toMatchObject({ seed: 42, temperature: 0 });
  });

  it('reads free-text answers with --no-structured, and maps them to the level asked', async () => {
    srv.setRespond(oracle);
    srv.clearRequests();
    const free = await runCli([
      'eval',
      'emotions',
      '--model',
      'ollama:emollama',
      '--host',
      srv.url,
      '--goemotions',
      GOEMOTIONS,
      '--limit',
      '40',
      '--no-structured',
      '--json',
    ]);
    expect(JSON.parse(free.stdout)).toMatchObject({ accuracy: 1, unparsed: 0 });
    expect(
      srv.requests
        .filter((q) => q.path === '/api/chat')
        .every((q) => (q.body as { format?: unknown }).format === undefined),
    ).toBe(true);

    srv.setRespond(() => "I'd say the writer feels happy, not angry.");
    const ekman = await runCli([
      'eval',
      'emotions',
      '--model',
      'ollama:emollama',
      '--host',
      srv.url,
      '--goemotions',
      GOEMOTIONS,
      '--limit',
      '40',
      '--labels',
      'ekman',
      '--no-structured',
      '--json',
    ]);
    const r = JSON.parse(ekman.stdout) as EvalJson;
    expect(r.perClass.find((c) => c.label === 'joy')?.predicted).toBe(40);
    expect(r.perClass.filter((c) => c.label !== 'joy').every((c) => c.predicted === 0)).toBe(true);

    srv.setRespond(() => 'Cannot tell from this sentence.');
    const none = JSON.parse(
      (
        await runCli([
          'eval',
          'emotions',
          '--model',
          'ollama:emollama',
          '--host',
          srv.url,
          '--goemotions',
          GOEMOTIONS,
          '--limit',
          '10',
          '--no-structured',
          '--json',
        ])
      ).stdout,
    ) as EvalJson;
    expect(none).toMatchObject({ n: 10, unparsed: 10, accuracy: 0 });
  });

  it('fails in one line naming the host when the server is down, and exit 2 for an unknown model', async () => {
    const gone = await startOllamaTestServer();
    const url = gone.url;
    await gone.close();
    const down = await runCli([
      'eval',
      'emotions',
      '--model',
      'ollama:emollama',
      '--host',
      url,
      '--goemotions',
      GOEMOTIONS,
      '--limit',
      '5',
      '--retries',
      '0',
    ]);
    expect(down.code).toBe(1);
    expect(down.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(down.stderr).toContain(`cannot reach the Ollama server at ${url}`);
    expect(down.stderr).toContain('--host');
    const unknown = await runCli([
      'eval',
      'emotions',
      '--model',
      'ollama:nope',
      '--host',
      srv.url,
      '--goemotions',
      GOEMOTIONS,
      '--limit',
      '5',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('nope');
  });
});
