import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseRecord, RunManifest, RunSummary } from '@emocrowd/crowd';
import {
  type OllamaTestServer,
  type OllamaTestServerPrompt,
  startOllamaTestServer,
} from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../testing/runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'emocrowd-conduct-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (args: string[]) => runCli(args, { cwd: dir });
const records = (run: string): ResponseRecord[] =>
  readFileSync(join(dir, run, 'responses.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ResponseRecord);

describe('emocrowd run --conduct on the built-in model', () => {
  it('flags by the heuristic judge, revises, and reports shares and the crowd before and after', async () => {
    const { code, stdout, stderr } = await cli([
      'run',
      '--personas',
      '200',
      '--conduct',
      'default',
      '--subsets',
      '0',
      '--json',
      '--quiet',
      '--out',
      'synthetic',
    ]);
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    const conduct = summary.conduct;
    expect(conduct).toMatchObject({ code: 'wheel-of-virtues', judge: 'synthetic', unjudged: 0 });
    const stored = records('synthetic').filter((r) => r.status === 'ok');
    const flagged = stored.filter((r) => r.conduct?.verdict === 'violation');
    expect(conduct?.judged).toBe(stored.length);
    expect(conduct?.flagged).toBe(flagged.length);
    expect(flagged.length).toBeGreaterThan(0);
    expect(conduct?.revised).toBe(flagged.filter((r) => r.conduct?.revised).length);
    // an angry persona's reasoning always carries a wrath cue
    expect(conduct?.byEmotion.find((g) => g.label === 'anger')?.flaggedShare).toBe(1);
    // before = first answers, after = the answers the crowd uses
    const before = stored.map((r) =>
      r.conduct?.revised ? (r.conduct.original?.estimate as number) : (r.estimate as number),
    );
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(conduct?.before.aggregates.mean?.estimate).toBeCloseTo(mean(before), 9);
    expect(conduct?.after.aggregates.mean?.estimate).toBeCloseTo(
      summary.aggregates?.mean?.estimate as number,
      9,
    );
    const manifest = JSON.parse(readFileSync(join(dir, 'synthetic', 'run.json'), 'utf8')) as RunManifest;
    expect(manifest.descriptor.conduct?.code.name).toBe('wheel-of-virtues');
    expect(manifest.descriptor.conduct?.judge.id).toBe('synthetic');
    const text = await cli([
      'run',
      '--resume',
      'synthetic',
      '--personas',
      '200',
      '--conduct',
      'default',
      '--subsets',
      '0',
      '--quiet',
    ]);
    expect(text.stdout).toContain('conduct check');
    expect(text.stdout).toMatch(/before revision +[\d,.]+/);
  });

  it('refuses a judge without --conduct, a bad code file, and a changed code on resume', async () => {
    const judge = await cli(['run', '--judge', 'synthetic', '--quiet']);
    expect(judge.code).toBe(2);
    expect(judge.stderr).toBe('emocrowd: --judge needs --conduct default|FILE\n');
    writeFileSync(
      join(dir, 'bad-code.yaml'),
      'virtues:\n  - virtue: patience\n    between: [wrath]\n    description: x\n',
    );
    const bad = await cli(['run', '--conduct', 'bad-code.yaml', '--quiet']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'emocrowd: --conduct: bad-code.yaml: virtues[0].between: expected the two vices, [excess, deficiency]\n',
    );
    writeFileSync(
      join(dir, 'calm.yaml'),
      'virtues:\n  - { virtue: patience, between: [wrath, docility], description: Calm., cues: { wrath: [ugh] } }\n',
    );
    const changed = await cli([
      'run',
      '--resume',
      'synthetic',
      '--personas',
      '200',
      '--conduct',
      'calm.yaml',
      '--subsets',
      '0',
      '--quiet',
    ]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toBe(
      'emocrowd: --resume synthetic: the run was made with --conduct default; a resumed run keeps every setting that changes its answers (drop --conduct, or start a new run with --out)\n',
    );
    const batch = await cli([
      'run',
      '--model',
      'openai:qwen',
      '--conduct',
      'default',
      '--out',
      'batched',
      '--batch-out',
      'requests.jsonl',
      '--quiet',
    ]);
    expect(batch.code).toBe(2);
    expect(batch.stderr).toBe(
      "emocrowd: --batch-out: batch files carry the personas' answers, not the conduct check's judge and revision turns; run with --conduct online (without --batch-out)\n",
    );
    expect(existsSync(join(dir, 'requests.jsonl'))).toBe(false);
  });
});

describe('a resumed conduct run', () => {
  it('keeps the code its run.json holds, even when the file has changed since', async () => {
    writeFileSync(
      join(dir, 'kept.yaml'),
      'virtues:\n  - { virtue: patience, between: [wrath, docility], description: Calm., cues: { wrath: [ugh, annoyed, irritated] } }\n',
    );
    const first = await cli([
      'run',
      '--personas',
      '60',
      '--conduct',
      'kept.yaml',
      '--subsets',
      '0',
      '--json',
      '--quiet',
      '--out',
      'kept',
    ]);
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(join(dir, 'kept.yaml'), 'virtues: []\n');
    const lines = readFileSync(join(dir, 'kept', 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n');
    writeFileSync(join(dir, 'kept', 'responses.jsonl'), `${lines.slice(0, 20).join('\n')}\n`);
    const resumed = await cli(['run', '--resume', 'kept', '--json', '--quiet']);
    expect(resumed.code, resumed.stderr).toBe(0);
    const { timing: _a, ...before } = JSON.parse(first.stdout) as RunSummary;
    const { timing: _b, ...after } = JSON.parse(resumed.stdout) as RunSummary;
    expect(after.conduct).toEqual(before.conduct);
    expect(after.aggregates).toEqual(before.aggregates);
  });
});

describe('emocrowd run --conduct against the Ollama test server, and the review', () => {
  let srv: OllamaTestServer;
  const prompts: { judge: string[] } = { judge: [] };
  /** A persona model that is rude on odd seeds, a judge that flags rudeness, a calm revision. */
  const respond = (p: OllamaTestServerPrompt): string => {
    const last = p.messages.at(-1)?.content ?? '';
    if (last.startsWith('You check the reasoning')) {
      prompts.judge.push(last);
      const rude = /Answer: Ugh/.test(last);
      return JSON.stringify(
        rude
          ? { verdict: 'violation', virtue: 'patience', vice: 'wrath', note: 'Answer without contempt.' }
          : { verdict: 'ok', virtue: 'none', vice: 'none', note: '' },
      );
    }
    if (p.messages.some((m) => m.role === 'assistant'))
      return JSON.stringify({
        estimate: 1200,
        confidence: 0.6,
        reasoning: 'Calmly, from the map, about 1,200.',
      });
    const seed = Number(p.options.seed ?? 0);
    return JSON.stringify(
      seed % 2 === 1
        ? { estimate: 700, confidence: 0.4, reasoning: 'Ugh, whatever, about 700.' }
        : { estimate: 1000 + (seed % 7) * 50, confidence: 0.7, reasoning: 'From the map, roughly.' },
    );
  };
  const runArgs = (out: string, extra: string[] = []) => [
    'run',
    '--model',
    'ollama:llama3.2:1b',
    '--host',
    srv.url,
    '--personas',
    '24',
    '--conduct',
    'default',
    '--cache',
    'cache.sqlite',
    '--subsets',
    '0',
    '--concurrency',
    '4',
    '--json',
    '--quiet',
    '--out',
    out,
    ...extra,
  ];

  beforeAll(async () => {
    srv = await startOllamaTestServer({ models: ['llama3.2:1b'], respond });
  });
  afterAll(async () => {
    await srv.close();
  });

  it('stores the original and the revised answer, and reports flagged shares and the crowd before and after', async () => {
    const { code, stdout, stderr } = await cli(runArgs('llm'));
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout) as RunSummary;
    const stored = records('llm');
    const rude = stored.filter((r) => (r.conduct?.original?.raw ?? r.raw ?? '').includes('Ugh'));
    expect(rude.length).toBeGreaterThan(0);
    for (const r of rude) {
      expect(r.conduct).toMatchObject({
        verdict: 'violation',
        virtue: 'patience',
        vice: 'wrath',
        note: 'Answer without contempt.',
        judge: 'ollama:llama3.2:1b',
        revised: true,
        original: { status: 'ok', estimate: 700 },
        revision: { status: 'ok' },
      });
      expect(r.estimate).toBe(1200);
      expect(r.raw).toContain('Calmly');
    }
    expect(summary.conduct).toMatchObject({ judged: 24, flagged: rude.length, revised: rude.length });
    // Every call counts: 24 first answers and the revisions of the run's model, 24 judge calls apart.
    expect(summary.counts.modelCalls).toBe(24 + rude.length);
    const personaTokens = stored.reduce(
      (sum, r) => sum + r.tokens.prompt + (r.conduct?.revised ? (r.conduct.original?.tokens.prompt ?? 0) : 0),
      0,
    );
    expect(summary.usage.promptTokens).toBe(personaTokens);
    expect(summary.usage.promptTokens).toBeGreaterThan(stored.reduce((sum, r) => sum + r.tokens.prompt, 0));
    const judgeTokens = stored.reduce((sum, r) => sum + (r.conduct?.judgeTokens?.prompt ?? 0), 0);
    expect(judgeTokens).toBeGreaterThan(0);
    expect(summary.judgeUsage).toMatchObject({
      model: 'ollama:llama3.2:1b',
      calls: 24,
      modelCalls: 24,
      promptTokens: judgeTokens,
      modelPromptTokens: judgeTokens,
    });
    expect(summary.conduct?.before.aggregates.median?.estimate).not.toBe(
      summary.conduct?.after.aggregates.median?.estimate,
    );
    // The judge got the code, the answer, the schema and temperature 0; the revision the whole conversation.
    const chats = srv.requests
      .filter((r) => r.path === '/api/chat')
      .map((r) => r.body as Record<string, unknown>);
    const judgeCall = chats.find((b) => JSON.stringify(b.messages).includes('You check the reasoning')) as {
      format: { properties: { verdict: { enum: string[] } } };
      options: { temperature: number };
    };
    expect(judgeCall.format.properties.verdict.enum).toEqual(['ok', 'violation']);
    expect(judgeCall.options.temperature).toBe(0);
    const revisionCall = chats.find((b) =>
      (b.messages as { role: string }[]).some((m) => m.role === 'assistant'),
    ) as {
      messages: { role: string; content: string }[];
    };
    expect(revisionCall.messages.at(-1)?.content).toContain(
      'Answer without contempt. (patience lies between wrath and docility.)',
    );
    expect(prompts.judge[0]).not.toContain('Examples judged before');
  });

  it('answers a rerun from the cache, judge and revision included, and resumes to the same summary', async () => {
    const rerun = await cli(runArgs('llm-again'));
    const again = JSON.parse(rerun.stdout) as RunSummary;
    expect(again.counts.modelCalls).toBe(0);
    expect(records('llm-again').every((r) => r.cached && (r.conduct?.judgeCached ?? true))).toBe(true);
    // Cut the answers in half and resume: only the missing ones are asked, the summary is the same.
    const lines = readFileSync(join(dir, 'llm', 'responses.jsonl'), 'utf8')
      .trim()
      .split('\n');
    writeFileSync(join(dir, 'llm', 'responses.jsonl'), `${lines.slice(0, 10).join('\n')}\n`);
    const resumed = await cli(['run', '--resume', 'llm', ...runArgs('llm').slice(1, -2)]);
    expect(resumed.code, resumed.stderr).toBe(0);
    const {
      timing: _a,
      counts: _b,
      judgeUsage: judgedFirst,
      ...first
    } = JSON.parse(readFileSync(join(dir, 'llm-again', 'summary.json'), 'utf8')) as RunSummary;
    const {
      timing: _c,
      counts: _d,
      judgeUsage: judgedSecond,
      ...second
    } = JSON.parse(resumed.stdout) as RunSummary;
    expect({ ...second, runId: 'x' }).toEqual({ ...first, runId: 'x' });
    // The rerun's judge calls all came from the cache; the resumed run keeps its first 10 as made.
    expect(again.judgeUsage?.modelCalls).toBe(0);
    expect(judgedSecond?.modelCalls).toBe(10);
    expect(judgedSecond?.promptTokens).toBe(judgedFirst?.promptTokens);
  });

  it('writes a review, reads the decisions back with the agreement, and the refined code changes the judge prompt', async () => {
    const first = await cli(['conduct', 'review', 'llm', '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: true, file: 'llm/conduct-review.yaml' });
    const file = join(dir, 'llm', 'conduct-review.yaml');
    const review = parse(readFileSync(file, 'utf8')) as { answers: Record<string, unknown>[] };
    const flagged = review.answers.filter((a) => a.verdict === 'violation');
    const controls = review.answers.filter((a) => a.verdict === 'ok');
    expect(flagged.length).toBeGreaterThan(0);
    expect(controls.length).toBe(flagged.length);
    // The reviewer agrees with every flag but one, and finds one "ok" answer smug.
    flagged.forEach((a, i) => {
      a.decision = i === 0 ? 'reject' : 'accept';
    });
    controls.forEach((a, i) => {
      a.decision = i === 0 ? 'reject' : 'accept';
      if (i === 0) {
        a.reviewerVice = 'pride';
        a.comment = 'Too sure of itself.';
      }
    });
    writeFileSync(file, JSON.stringify(review));
    const second = await cli(['conduct', 'review', 'llm', '--out', 'refined.yaml', '--json']);
    expect(second.code, second.stderr).toBe(0);
    const agreement = JSON.parse(second.stdout) as {
      decided: number;
      kappa: { observed: number; kappa: number; table: number[][] };
    };
    const n = review.answers.length;
    expect(agreement.decided).toBe(n);
    // judge violation/ok x reviewer: two disagreements out of n; kappa = (p_o - p_e)/(1 - p_e) with balanced margins
    expect(agreement.kappa.observed).toBeCloseTo((n - 2) / n, 12);
    expect(agreement.kappa.kappa).toBeCloseTo(((n - 2) / n - 0.5) / 0.5, 12);
    const refined = parse(readFileSync(join(dir, 'refined.yaml'), 'utf8')) as {
      examples: { text: string; verdict: string; note?: string }[];
    };
    expect(refined.examples).toContainEqual(
      expect.objectContaining({ text: controls[0]?.answer, verdict: 'pride', note: 'Too sure of itself.' }),
    );
    prompts.judge.length = 0;
    const next = await cli([
      ...runArgs('llm-refined').slice(0, 8),
      'refined.yaml',
      ...runArgs('llm-refined').slice(9),
    ]);
    expect(next.code, next.stderr).toBe(0);
    expect(prompts.judge.length).toBeGreaterThan(0);
    expect(prompts.judge[0]).toContain('Examples judged before:');
    expect(prompts.judge[0]).toContain(
      `- "${controls[0]?.answer}" -> violation of self-respect (pride): Too sure of itself.`,
    );
    // Another review call leaves the decided file as it was, and --out never overwrites.
    const again = await cli(['conduct', 'review', 'llm', '--out', 'refined.yaml']);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('emocrowd: --out refined.yaml already exists; choose a new file\n');
  });

  it('names the path of a bad decision, and refuses a run without the check', async () => {
    const file = join(dir, 'llm', 'conduct-review.yaml');
    const review = JSON.parse(readFileSync(file, 'utf8')) as { answers: Record<string, unknown>[] };
    (review.answers[1] as Record<string, unknown>).decision = 'maybe';
    writeFileSync(join(dir, 'bad-review.json'), JSON.stringify(review));
    const bad = await cli(['conduct', 'review', 'llm', '--file', 'bad-review.json']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      'emocrowd: bad-review.json: answers[1].decision: expected accept, reject, or nothing (not decided yet)\n',
    );
    const ok = review.answers.find((a) => a.verdict === 'ok') as Record<string, unknown>;
    (review.answers[1] as Record<string, unknown>).decision = null;
    ok.decision = 'reject';
    ok.reviewerVice = null;
    writeFileSync(join(dir, 'bad-review.json'), JSON.stringify(review));
    const noVice = await cli(['conduct', 'review', 'llm', '--file', 'bad-review.json']);
    expect(noVice.stderr).toMatch(
      /^emocrowd: bad-review\.json: answers\[\d+\]\.reviewerVice: name the vice this answer shows \(one of wrath, docility, pride/,
    );
    await cli(['run', '--personas', '5', '--subsets', '0', '--quiet', '--out', 'plain']);
    const plain = await cli(['conduct', 'review', 'plain']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      'emocrowd: conduct review: run plain has no conduct check; start one with emocrowd run --conduct default\n',
    );
    expect(existsSync(join(dir, 'plain', 'conduct-review.yaml'))).toBe(false);
  });
});

describe('emocrowd conduct show', () => {
  it('prints the shipped code with its templates, and checks a file', async () => {
    const { code, stdout } = await cli(['conduct', 'show']);
    expect(code).toBe(0);
    const shown = parse(stdout) as { name: string; judgePrompt: string; virtues: { virtue: string }[] };
    expect(shown.name).toBe('wheel-of-virtues');
    expect(shown.judgePrompt).toContain('{answer}');
    expect(shown.virtues.map((v) => v.virtue)).toEqual([
      'patience',
      'self-respect',
      'truthfulness',
      'courage',
    ]);
    writeFileSync(
      join(dir, 'typo.yaml'),
      'virtues:\n  - { virtue: patience, between: [wrath, docility], description: x, cue: {} }\n',
    );
    const typo = await cli(['conduct', 'show', 'typo.yaml']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('emocrowd: typo.yaml: virtues[0]: unknown key "cue"\n');
  });
});
