import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

describe('runCli', () => {
  it('returns the exit code and what the CLI wrote to each stream', async () => {
    const ok = await runCli(['--version']);
    expect(ok).toEqual({ code: 0, stdout: 'emocrowd 0.1.0\n', stderr: '' });
    const bad = await runCli(['no-such-command']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^emocrowd: unknown command "no-such-command"/);
  });

  it('gives the commands only the environment it is passed', async () => {
    // With OLLAMA_HOST pointing at a closed port, the error must name that host, not the caller's.
    const { code, stderr } = await runCli(['models'], { env: { OLLAMA_HOST: '127.0.0.1:9' } });
    expect(code).toBe(1);
    expect(stderr).toContain('http://127.0.0.1:9');
  });
});
