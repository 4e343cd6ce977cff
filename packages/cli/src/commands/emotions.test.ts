import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REWRITE_SYSTEM_PROMPT } from '@emocrowd/agents';
import {
  type OllamaTestServer,
  type OllamaTestServerPrompt,
  startOllamaTestServer,
} from '@emocrowd/models/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpressionReport } from '../analysis/expressSpectrum.js';
import { runCli } from '../testing/runCli.js';

const TEXT = 'The train was late again this morning, and I waited on the platform.';

describe('emocrowd emotions spectra', () => {
  it('lists the seven spectra with words, coordinates and counterparts', async () => {
    const { code, stdout } = await runCli(['emotions', 'spectra', '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as {
      levels: number[];
      spectra: {
        id: string;
        levels: { word: string; goemotions: string | null; plutchik: string | null }[];
      }[];
    };
    expect(out.levels).toEqual([-1, -0.6, -0.3, 0, 0.3, 0.6, 1]);
    expect(out.spectra.map((s) => s.id)).toEqual([
      'fear-courage',
      'sadness-joy',
      'distrust-trust',
      'negligence-anticipation',
      'anger-peace',
      'disgust-delight',
      'disinterest-fascination',
    ]);
    const heroism = out.spectra[0]?.levels[6];
    expect(heroism).toMatchObject({ word: 'heroism', goemotions: null, plutchik: null });
    const table = await runCli(['emotions', 'spectra', '--spectrum', 'anger-peace']);
    expect(table.stdout).toContain('tranquility');
    expect(table.stdout).not.toContain('heroism');
  });
});

describe('emocrowd emotions express', () => {
  it('rewrites with a template on the built-in model, and says so', async () => {
    const { code, stdout, stderr } = await runCli(['emotions', 'express', '--text', TEXT, '--json']);
    expect(code).toBe(0);
    expect(stderr).toContain('not a language model');
    const report = JSON.parse(stdout) as ExpressionReport;
    expect(report.rewriter).toBe('template');
    expect(report.levels.map((l) => l.word)).toEqual([
      'grief',
      'sadness',
      'pensiveness',
      'surprise',
      'serenity',
      'joy',
      'ecstasy',
    ]);
    expect(report.levels[1]?.rewrite).toBe(`I feel sadness. ${TEXT}`);
    expect(report.agreement.method).toBe('exact');
    expect(report.agreement.n).toBe(7);
    // The recognizer reads "sadness" and "joy" but not the rarer words: a weak, honest baseline.
    expect(report.levels[1]?.expressesIntended).toBe(true);
    expect(report.manipulationCheck.n).toBe(7);
  });

  describe('against the Ollama test server', () => {
    let srv: OllamaTestServer;
    const dir = mkdtempSync(join(tmpdir(), 'emocrowd-express-'));
    /** A model that does express the level it is asked for, in words the recognizer knows. */
    const graded: Record<string, string> = {
      grief: 'I am heartbroken and devastated, I miss her so much and cannot stop crying.',
      sadness: 'This makes me so sad, I feel down and lonely.',
      pensiveness: 'A little sad and disappointed, a quiet gray morning.',
      surprise: 'The train was late again this morning.',
      serenity: 'A calm morning, that is nice enough.',
      joy: 'I am happy, what a lovely morning!',
      ecstasy: 'I am so happy, this is amazing and wonderful, best day ever!',
    };
    const follows = (p: OllamaTestServerPrompt): string => {
      const word = /expresses (\w+):/.exec(p.messages.at(-1)?.content ?? '')?.[1] ?? '';
      return `Here is the rewritten text:\n"${graded[word] ?? TEXT}"`;
    };
    beforeAll(async () => {
      srv = await startOllamaTestServer({ models: ['writer'] });
    });
    afterAll(async () => {
      await srv.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('asks the model once per level and finds that the expressed level follows the intended one', async () => {
      srv.setRespond(follows);
      srv.clearRequests();
      const { code, stdout, stderr } = await runCli(
        [
          'emotions',
          'express',
          '--model',
          'ollama:writer',
          '--host',
          srv.url,
          '--text',
          TEXT,
          '--no-cache',
          '--json',
        ],
        { cwd: dir },
      );
      expect(code, stderr).toBe(0);
      const report = JSON.parse(stdout) as ExpressionReport;
      expect(report.rewriter).toBe('model');
      expect(report.levels[0]?.rewrite).toBe(graded.grief); // announcement and quotes removed
      expect(report.agreement.rho).toBe(1);
      expect(report.agreement.pValue).toBeCloseTo(1 / 5040, 12);
      expect(report.manipulationCheck).toMatchObject({ n: 7 });
      const chats = srv.requests.filter((r) => r.path === '/api/chat');
      expect(chats).toHaveLength(7);
      const body = chats[2]?.body as {
        messages: { role: string; content: string }[];
        options: { seed: number };
      };
      expect(body.messages[0]).toEqual({ role: 'system', content: REWRITE_SYSTEM_PROMPT });
      expect(body.messages[1]?.content).toBe(
        `Rewrite this text so that it expresses pensiveness: mildly toward sadness on the spectrum from sadness to joy.\n\nText:\n${TEXT}`,
      );
      expect(body.options.seed).toBe(42);
    });

    it('reports no agreement when the model ignores the level, and reads the text from a file', async () => {
      srv.setRespond(() => 'The train was late again this morning.');
      const file = join(dir, 'text.txt');
      writeFileSync(file, `${TEXT}\n`);
      const { code, stdout } = await runCli(
        [
          'emotions',
          'express',
          '--model',
          'ollama:writer',
          '--host',
          srv.url,
          '--file',
          'text.txt',
          '--levels=-1,0,1',
          '--no-cache',
          '--json',
        ],
        { cwd: dir },
      );
      expect(code).toBe(0);
      const report = JSON.parse(stdout) as ExpressionReport;
      expect(report.levels.map((l) => l.level)).toEqual([-1, 0, 1]);
      expect(report.agreement.rho).toBeNull(); // every rewrite the same: nothing to rank (NaN in JSON)
    });

    it('keeps a failed call as a failed level, and fails only when every call failed', async () => {
      srv.setRespond(follows);
      const args = ['emotions', 'express', '--model', 'ollama:writer', '--host', srv.url, '--text', TEXT];
      srv.failNext(1, 'server-error');
      const one = await runCli([...args, '--retries', '0', '--levels=-1,0,1', '--no-cache', '--json'], {
        cwd: dir,
      });
      expect(one.code).toBe(0);
      const report = JSON.parse(one.stdout) as ExpressionReport;
      expect(report.levels.map((l) => l.status)).toEqual(['failed', 'ok', 'ok']);
      expect(report.levels[0]?.reason).toMatch(/500/);
      expect(report.agreement.n).toBe(2);
      srv.failNext(2, 'server-error');
      const all = await runCli([...args, '--retries', '0', '--levels=-1,1', '--no-cache'], { cwd: dir });
      expect(all.code).toBe(1);
      expect(all.stderr).toMatch(/^emocrowd: emotions express: every call failed \(first: .*500/);
    });
  });

  it('refuses missing or doubled text and bad levels with one line and exit 2', async () => {
    const none = await runCli(['emotions', 'express']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      'emocrowd: emotions express: give the text with --text "..." or --file FILE (one of them)\n',
    );
    const both = await runCli(['emotions', 'express', '--text', 'a', '--file', 'b']);
    expect(both.code).toBe(2);
    const far = await runCli(['emotions', 'express', '--text', 'a', '--levels', '2']);
    expect(far.stderr).toBe('emocrowd: --levels: 2 is outside -1 to 1\n');
    const word = await runCli(['emotions', 'express', '--text', 'a', '--levels', 'x']);
    expect(word.stderr).toBe('emocrowd: --levels: "x" is not a number; give e.g. --levels=-1,-0.3,0,0.3,1\n');
    const missing = await runCli(['emotions', 'express', '--file', 'nowhere.txt']);
    expect(missing.stderr).toBe('emocrowd: --file: cannot read nowhere.txt (ENOENT)\n');
  });
});
