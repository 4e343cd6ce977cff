import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../command/Io.js';
import { main } from '../main.js';

describe('emocrowd serve', () => {
  it('prints its URL on the first line, serves the API, and exits 0 on Ctrl-C with the port closed', async () => {
    const runs = mkdtempSync(join(tmpdir(), 'emocrowd-serve-cmd-'));
    const interrupt = new AbortController();
    let stdout = '';
    let stderr = '';
    const io: Io = {
      stdout: {
        write: (text: string) => {
          stdout += text;
        },
      },
      stderr: {
        write: (text: string) => {
          stderr += text;
        },
      },
      env: { OLLAMA_HOST: 'http://127.0.0.1:9' },
      cwd: runs,
      interrupt: interrupt.signal,
    };
    try {
      const exit = main(['serve', '--port', '0', '--runs', '.'], io);
      while (!stdout.includes('\n')) await new Promise((resolve) => setTimeout(resolve, 20));
      const url = stdout.split('\n')[0] as string;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(stderr).toContain(runs);
      const started = await fetch(new URL('/api/runs', url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ personas: 25, subsets: 0 }),
      });
      expect(started.status).toBe(201);
      const { runs: listed } = (await (await fetch(new URL('/api/runs', url))).json()) as {
        runs: { runId: string }[];
      };
      expect(listed).toHaveLength(1);
      interrupt.abort('SIGINT');
      expect(await exit).toBe(0);
      await expect(fetch(new URL('/api/runs', url))).rejects.toThrow();
    } finally {
      rmSync(runs, { recursive: true, force: true });
    }
  });

  it('refuses a bad port with a usage error', async () => {
    let stderr = '';
    const io: Io = {
      stdout: { write: () => true },
      stderr: {
        write: (text: string) => {
          stderr += text;
        },
      },
      env: {},
      cwd: tmpdir(),
      interrupt: new AbortController().signal,
    };
    expect(await main(['serve', '--port', '70000'], io)).toBe(2);
    expect(stderr).toMatch(/--port/);
  });
});
