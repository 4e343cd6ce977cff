import { describe, expect, it } from 'vitest';
import { commands } from './commands/index.js';
import { runCli } from './testing/runCli.js';

describe('emocrowd (the command line)', () => {
  it('--help lists every command with its summary and exits 0', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const name of Object.keys(commands)) expect(stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('with no command prints the help and exits 2', async () => {
    const { code, stdout } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toContain('Usage: emocrowd COMMAND');
  });

  it('run --help describes every flag with its default', async () => {
    const { code, stdout } = await runCli(['run', '--help']);
    expect(code).toBe(0);
    for (const flag of [
      '--personas',
      '--model',
      '--host',
      '--concurrency',
      '--rounds',
      '--resume',
      '--json',
      '--seed',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('Default: fargo-seattle.');
  });

  it('an unknown flag or command is one line on stderr naming it, exit 2, nothing on stdout', async () => {
    for (const args of [['run', '--frobnicate'], ['runn'], ['tasks', 'frob']]) {
      const { code, stdout, stderr } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/frobnicate|runn|frob/);
    }
  });

  it('--version prints the version', async () => {
    const { code, stdout } = await runCli(['--version']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^emocrowd \d+\.\d+\.\d+\n$/);
  });
});
