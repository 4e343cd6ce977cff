import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * A code block whose info string names a source file (```ts source=packages/models/src/...) shows
 * that file whole and verbatim: the file is compiled, type-checked and tested with the rest of the
 * code, so the documentation cannot show code that does not work.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DOCS = join(REPO, 'docs');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The blocks of a document that name a source file, with their text. */
function sourceBlocks(markdown: string): { source: string; text: string }[] {
  const out: { source: string; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const source = /^```\w*\s.*\bsource=(\S+)/.exec(lines[i] as string)?.[1];
    if (source === undefined) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== '```'; i++) body.push(lines[i] as string);
    out.push({ source, text: `${body.join('\n')}\n` });
  }
  return out;
}

describe('documentation code blocks that show a source file', () => {
  const blocks = markdownFiles(DOCS).flatMap((file) =>
    sourceBlocks(readFileSync(file, 'utf8')).map((b) => ({ ...b, doc: file.slice(REPO.length) })),
  );

  it('exist (the backend guide shows its example and its test)', () => {
    expect(blocks.map((b) => b.source)).toEqual(
      expect.arrayContaining([
        'packages/models/src/backends/examples/llamacpp.ts',
        'packages/models/src/backends/examples/llamacpp.test.ts',
      ]),
    );
  });

  for (const block of blocks) {
    it(`${block.doc} shows ${block.source} verbatim`, () => {
      expect(block.text).toBe(readFileSync(join(REPO, block.source), 'utf8'));
    });
  }
});
