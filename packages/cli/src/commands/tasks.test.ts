import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listTasks } from '@emocrowd/agents';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/runCli.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'emocrowd-tasks-'));

const VALID_YAML = `tasks:
  - id: marbles
    question: How many marbles are in the jar?
    unit: marbles
    truth: { value: 412, source: counted by hand, kind: count }
    plausibleRange: [10, 5000]
  - id: tower
    question: How tall is the tower?
    unit: m
    truth: { value: 324, source: official height, kind: length }
    plausibleRange: [10, 2000]
`;

describe('emocrowd tasks', () => {
  it('lists every built-in task with its truth, unit, kind and source', async () => {
    const { code, stdout, stderr } = await runCli(['tasks']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/fargo-seattle\s+1,194 mi\s+great-circle\s+What is the straight-line/);
    expect(stdout).toContain('driving (unconfirmed)');
    for (const task of listTasks()) {
      expect(stdout).toContain(task.id);
      expect(stdout).toContain(`${task.id}: ${task.truth.source}`);
    }
  });

  it('prints stable JSON with --json', async () => {
    const { code, stdout } = await runCli(['tasks', '--json']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout) as { tasks: Array<Record<string, unknown>> };
    expect(data.tasks.map((t) => t.id)).toEqual(listTasks().map((t) => t.id));
    const fargo = data.tasks[0] as { truth: Record<string, unknown> };
    expect(Object.keys(fargo)).toEqual([
      'id',
      'question',
      'unit',
      'unitName',
      'truth',
      'plausibleRange',
      'units',
      'subject',
    ]);
    expect(fargo.truth).toMatchObject({ value: 1194, unit: 'mi', kind: 'great-circle', confirmed: true });
  });

  it('shows one task, and names the known ids for an unknown one', async () => {
    const shown = await runCli(['tasks', 'show', 'planet-money-cow']);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/truth\s+1,355 lb \(weight\)/);
    expect(shown.stdout).toContain('accepts     lb, kg (x2.20462)');
    const json = await runCli(['tasks', 'show', 'fargo-seattle', '--json']);
    expect((JSON.parse(json.stdout) as { truth: { value: number } }).truth.value).toBe(1194);
    const unknown = await runCli(['tasks', 'show', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown task "nope"');
    expect(unknown.stderr).toContain('fargo-seattle');
    expect((await runCli(['tasks', 'show'])).code).toBe(2);
  });

  it('validates a task file relative to the working directory and lists its tasks', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'mine.yaml'), VALID_YAML);
    const { code, stdout } = await runCli(['tasks', 'validate', 'mine.yaml'], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toContain('mine.yaml: valid, 2 tasks');
    expect(stdout).toMatch(/marbles\s+412 marbles\s+count/);
    expect(stdout).toContain('tower: official height');
    const json = await runCli(['tasks', 'validate', 'mine.yaml', '--json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toMatchObject({
      file: 'mine.yaml',
      valid: true,
      tasks: [{ id: 'marbles' }, { id: 'tower' }],
    });
  });

  it('rejects an invalid file with one line naming the file, the path inside and what was expected', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.yaml'), VALID_YAML.replace('value: 324', 'value: tall'));
    const { code, stdout, stderr } = await runCli(['tasks', 'validate', 'bad.yaml'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^emocrowd: bad\.yaml: tasks\[1\]\.truth\.value: expected .*number/);

    writeFileSync(join(dir, 'broken.json'), '{"id": ');
    const syntax = await runCli(['tasks', 'validate', 'broken.json'], { cwd: dir });
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/^emocrowd: broken\.json: invalid JSON/);

    const missing = await runCli(['tasks', 'validate', 'absent.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('absent.yaml: cannot read the file (ENOENT)');
  });
});
