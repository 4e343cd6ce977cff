import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands alone: no tracked file (code, tests, docs, config, data) names a path
 * outside it, so a fresh clone with nothing beside it works. Paths such as the folder beside the
 * repository, an absolute path of a development machine (its work tree, its home directory) or
 * the folder this clone sits in would work on one machine and nowhere else.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** What a path outside the repository looks like. Written so this file does not match itself. */
const OUTSIDE: readonly { name: string; pattern: RegExp }[] = [
  { name: 'a folder beside the repository', pattern: /\.\.[\\/]shared\b/ },
  { name: 'a development machine work tree', pattern: /(^|[\s'"`(=:,[])\/work\// },
  { name: 'a home directory', pattern: /(^|[\s'"`(=:,[])(\/home\/[a-z_][\w.-]*\/|\/Users\/\w[\w.-]*\/|\/root\/|[A-Za-z]:\\Users\\)/ },
  ...[dirname(REPO.replace(/\/$/, ''))]
    .filter((parent) => parent.split('/').filter(Boolean).length >= 2)
    .map((parent) => ({
      name: 'the folder this clone sits in',
      pattern: new RegExp(`${parent.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`),
    })),
];

/** Reviewed uses that look like such paths but are not paths of this project's machines. */
const ALLOWED: readonly { file: string; line: RegExp; why: string }[] = [
  {
    file: 'packages/models/src/testing/server/ModelStore.ts',
    line: /\/root\/\.ollama\/models\/blobs\//,
    why: "the Ollama test server answers `show` with the Modelfile Ollama's own server prints (its blob store in its container)",
  },
  {
    file: 'packages/models/src/cache/defaultCachePath.test.ts',
    line: /HOME: '\/home\/me'|'\/home\/me\/\.cache\/emocrowd\/responses\.sqlite'/,
    why: 'a made-up HOME to check how the default cache path is derived from it',
  },
];

/** Files not read: the lock file (registry URLs and hashes only). Binary files are skipped by content. */
const SKIPPED = new Set(['package-lock.json']);

interface Finding {
  file: string;
  line: number;
  text: string;
  what: string;
}

/** Every line of `text` that names a path outside the repository and is not an allowed use. */
function findOutsidePaths(file: string, text: string): Finding[] {
  const found: Finding[] = [];
  text.split('\n').forEach((line, i) => {
    for (const { name, pattern } of OUTSIDE) {
      if (!pattern.test(line)) continue;
      if (ALLOWED.some((a) => a.file === file && a.line.test(line))) continue;
      found.push({ file, line: i + 1, text: line.trim().slice(0, 160), what: name });
    }
  });
  return found;
}

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: REPO, maxBuffer: 64 * 1024 * 1024 });
  return out.toString('utf8').split('\0').filter(Boolean);
}

describe('the repository stands alone', () => {
  it('no tracked file names a path outside the repository', () => {
    const files = trackedFiles();
    let read = 0;
    const findings: Finding[] = [];
    for (const file of files) {
      if (SKIPPED.has(file)) continue;
      const buffer = readFileSync(join(REPO, file));
      if (buffer.includes(0)) continue; // binary
      read++;
      findings.push(...findOutsidePaths(file, buffer.toString('utf8')));
    }
    // not vacuous: the tracked files were found and read, the code, docs and data among them
    expect(read).toBeGreaterThan(400);
    for (const known of ['README.md', 'package.json', '.ci/run', 'docs/metrics.md', 'packages/data/crowds/README.md'])
      expect(files, known).toContain(known);
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.what}: ${f.text}`)).toEqual([]);
  });

  it('recognises each kind of outside path, and allows only the reviewed uses', () => {
    const bad = [
      `const data = '${'..'}/${'shared'}/data/goemotions';`,
      `see ${'/'}work/main/README.md`,
      `cd ${'/'}home/alice/emocrowd`,
      `open("${'/'}Users/bob/runs")`,
      `cache: ${'/'}root/.cache/x`,
      `C:${'\\'}Users${'\\'}carol${'\\'}data.csv`,
    ];
    for (const line of bad) expect(findOutsidePaths('x.ts', line).map((f) => f.what), line).toHaveLength(1);
    for (const line of ['https://example.org/work/x', '~/.cache/emocrowd/responses.sqlite', 'runs/work/x', '/usr/bin/chromium'])
      expect(findOutsidePaths('x.ts', line), line).toEqual([]);
    // every allowed use is still there (a stale entry would allow a path nobody reviewed)
    for (const allowed of ALLOWED) {
      const lines = readFileSync(join(REPO, allowed.file), 'utf8').split('\n');
      const used = lines.filter((line) => allowed.line.test(line) && findOutsidePaths('other.ts', line).length > 0);
      expect(used.length, allowed.file).toBeGreaterThan(0);
    }
  });
});
