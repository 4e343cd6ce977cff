import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in the documentation (and the repository README) leads somewhere: the file
 * exists and, for `file.md#anchor`, the file has a heading with that anchor (GitHub's slugs).
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors of a Markdown file's headings (outside code blocks), with GitHub's -1, -2 suffixes. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    const heading = inCode ? null : /^#{1,6}\s+(.*)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1] as string);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

/** Relative Markdown links `[text](target)` outside code blocks. */
function links(markdown: string): string[] {
  const out: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) inCode = !inCode;
    if (inCode) continue;
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1] as string;
      if (!/^[a-z]+:/i.test(target)) out.push(target);
    }
  }
  return out;
}

const documents = [...markdownFiles(join(REPO, 'docs')), join(REPO, 'README.md')];

describe('links in the documentation', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('`emocrowd tasks validate`')).toBe('emocrowd-tasks-validate');
    expect(slug('Metrics (`metrics/`)')).toBe('metrics-metrics');
    expect(slug('5. Check what the fine-tune did to emotion recognition')).toBe(
      '5-check-what-the-fine-tune-did-to-emotion-recognition',
    );
  });

  it.each(documents.map((d) => [relative(REPO, d), d]))('%s: every relative link resolves', (_name, document) => {
    const text = readFileSync(document, 'utf8');
    const broken: string[] = [];
    for (const target of links(text)) {
      const [path = '', anchor] = target.split('#');
      const file = path === '' ? document : resolve(dirname(document), path);
      if (!existsSync(file)) {
        broken.push(`${target} (no such file)`);
        continue;
      }
      if (anchor && file.endsWith('.md') && !anchors(readFileSync(file, 'utf8')).has(anchor)) {
        broken.push(`${target} (no heading with that anchor)`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('links every page of docs/ from docs/README.md, and docs/README.md from README.md', () => {
    const index = readFileSync(join(REPO, 'docs', 'README.md'), 'utf8');
    const linked = new Set(links(index).map((l) => l.split('#')[0]));
    const pages = markdownFiles(join(REPO, 'docs'))
      .map((d) => relative(join(REPO, 'docs'), d))
      .filter((d) => d !== 'README.md');
    expect(pages.filter((p) => !linked.has(p))).toEqual([]);
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain('docs/README.md');
  });
});
