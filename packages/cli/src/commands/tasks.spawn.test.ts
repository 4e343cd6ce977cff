import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/repoRoot.js';

describe('the emocrowd entry point, spawned', () => {
  it('runs `emocrowd tasks` as a real process', () => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
    delete env.NODE_OPTIONS; // vitest's loader hooks must not leak into the child
    const child = spawnSync(
      process.execPath,
      ['--conditions=@emocrowd/source', '--import', 'tsx', 'packages/cli/src/cli.ts', 'tasks'],
      { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^id\s+truth\s+kind\s+question$/m);
    expect(child.stdout).toMatch(/^fargo-seattle\s+1,194 mi\s+great-circle/m);
  });

  it('exits 2 with a one-line error for a bad sub-command', () => {
    const env: Record<string, string | undefined> = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawnSync(
      process.execPath,
      ['--conditions=@emocrowd/source', '--import', 'tsx', 'packages/cli/src/cli.ts', 'tasks', 'frobnicate'],
      { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.status).toBe(2);
    expect(child.stderr).toBe(
      'emocrowd: tasks: unknown command "frobnicate"; one of: show, validate (see: emocrowd tasks --help)\n',
    );
  });
});
