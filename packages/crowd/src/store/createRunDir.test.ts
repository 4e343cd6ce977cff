import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunDescriptor } from '../events/RunDescriptor.js';
import { createRunDir } from './createRunDir.js';
import { describeDifference } from './describeDifference.js';
import type { RunManifest } from './RunManifest.js';
import { RunStoreError } from './RunStoreError.js';
import { reopenRunDir } from './reopenRunDir.js';

const descriptor: RunDescriptor = {
  runId: 'r',
  task: { id: 't', question: 'q?', unit: 'mi', truth: 100, truthSource: 's' },
  model: {
    id: 'ollama:m',
    backend: 'ollama',
    model: 'm',
    digest: 'sha256:a',
    isLanguageModel: true,
    hosts: ['h1'],
  },
  personas: { spec: '10', space: 'default', condition: 'emotion', count: 10 },
  seed: 1,
  replicates: 1,
  rounds: 1,
  influence: { kind: 'none' },
  generation: { temperature: 0.8, keepAlive: '30m' },
  strategies: [],
};
const manifest: RunManifest = {
  schemaVersion: 1,
  descriptor,
  request: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  versions: { emocrowd: '0', node: 'v20' },
};
const { runId: _runId, ...expected } = descriptor;

function refusal(f: () => unknown): RunStoreError {
  try {
    f();
  } catch (error) {
    if (error instanceof RunStoreError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('run directories', () => {
  it('creates a run only where there is no run and no other file, writing nothing when refused', () => {
    const root = mkdtempSync(join(tmpdir(), 'emocrowd-rundir-'));
    const dir = join(root, 'a', 'b');
    createRunDir(dir, manifest);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'))).toEqual(manifest);
    expect(refusal(() => createRunDir(dir, manifest)).kind).toBe('exists');
    const other = join(root, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'x');
    expect(refusal(() => createRunDir(other, manifest)).kind).toBe('not-empty');
    expect(readdirSync(other)).toEqual(['notes.txt']);
  });

  it('reopens a run only with the same descriptor, keeping complete lines and where they end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'emocrowd-rundir-'));
    expect(refusal(() => reopenRunDir(dir, expected)).kind).toBe('no-run');
    createRunDir(dir, manifest);
    const line = `${JSON.stringify({ personaIndex: 0, round: 0, replicate: 0, status: 'ok', estimate: 1 })}\n`;
    writeFileSync(join(dir, 'responses.jsonl'), `${line}{"personaIndex": 1, "sta`);
    const reopened = reopenRunDir(dir, { ...expected, model: { ...expected.model, hosts: ['h2'] } });
    expect(reopened.completed).toHaveLength(1);
    expect(reopened.validBytes).toBe(Buffer.byteLength(line));
    const other = refusal(() => reopenRunDir(dir, { ...expected, seed: 2 }));
    expect(other.kind).toBe('different');
    expect(other.message).toMatch(/different seed/);
    expect(existsSync(join(dir, 'summary.json'))).toBe(false);
  });

  it('compares what changes the answers: not the hosts nor the keep-alive, but the digest', () => {
    expect(describeDifference(expected, { ...expected, generation: { temperature: 0.8 } })).toBeUndefined();
    expect(
      describeDifference(expected, { ...expected, model: { ...expected.model, hosts: [] } }),
    ).toBeUndefined();
    expect(
      describeDifference(expected, { ...expected, model: { ...expected.model, digest: 'sha256:b' } }),
    ).toBe('model');
    expect(describeDifference(expected, { ...expected, generation: { temperature: 0.7 } })).toBe(
      'generation',
    );
    expect(describeDifference(expected, { ...expected, personas: { ...expected.personas, count: 11 } })).toBe(
      'persona selection',
    );
  });
});
