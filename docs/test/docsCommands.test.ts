import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../packages/cli/src/testing/runCli.js';

/**
 * Every command a document shows in a ```sh block is run, so the documentation cannot describe a
 * command that does not work.
 *
 * Rules (also told to readers in docs/README.md):
 * - Lines `emocrowd ...` and `npx emocrowd ...` run through the real CLI in-process, in order, in one
 *   fresh directory per document; they must exit 0 (or the code a trailing `# exits N` names).
 *   `> FILE` writes stdout to FILE. A trailing `\` continues a command on the next line.
 * - A command ending in `# needs: WHAT` (ollama, vllm, a GPU, time) is checked to parse instead:
 *   `emocrowd ARGS --help` must exit 0, which fails for an unknown command or flag and for a value
 *   that is not a number, out of range or not among the choices.
 * - Blocks whose info string names a file (```yaml file=marbles.yaml) are written to that file in
 *   the document's directory before its commands run; the repository's `studies/` directory is
 *   there too, as in a checkout.
 * - Other lines (npm, ollama, pip, curl, python3, vllm) are not run; the test reports them skipped.
 * - docs/cli.md is generated from the command definitions, whose examples reference files a reader
 *   would have; README.md (the repository's front page) likewise: both are checked to parse only.
 */

const DOCS = fileURLToPath(new URL('..', import.meta.url));
const REPO = join(DOCS, '..');
/** Documents whose commands are checked to parse only, with the reason. */
const PARSE_ONLY: Readonly<Record<string, string>> = {
  'docs/cli.md': 'generated: examples from the command definitions name files a reader would have',
  'README.md': 'front page: its examples name files and servers a reader would have',
  'docs/guides/fine-tune.md': 'needs GoEmotions downloaded, a CUDA GPU and Ollama throughout',
};

/** Documents whose commands take longer than the default 30 s, with their limit in ms. */
const SLOW_DOCUMENTS: Readonly<Record<string, number>> = {
  // The paper rehearsal: six cells of 269 personas, 1,000 subset permutations, 42 tests.
  'docs/guides/reproduce-the-paper.md': 400_000,
  'docs/guides/studies.md': 200_000,
};

interface DocCommand {
  line: number;
  args: string[];
  stdoutTo?: string;
  mode: 'run' | 'parse';
  expectCode: number;
  why?: string;
}

interface DocFile {
  name: string;
  text: string;
}

interface ParsedDoc {
  files: DocFile[];
  commands: DocCommand[];
  skipped: Array<{ line: number; text: string; reason: string }>;
}

/** Splits a shell command line into words: single and double quotes, backslash escapes. */
function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unclosed quote in: ${text}`);
  if (inWord) words.push(word);
  return words;
}

/** The comment of a shell line (outside quotes), and the line without it. */
function splitComment(text: string): { code: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      return { code: text.slice(0, i).trimEnd(), comment: text.slice(i + 1).trim() };
    }
  }
  return { code: text, comment: '' };
}

/** Parses a Markdown document's sh blocks and file blocks. */
function parseDoc(markdown: string, parseOnly: boolean): ParsedDoc {
  const lines = markdown.split('\n');
  const doc: ParsedDoc = { files: [], commands: [], skipped: [] };
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\S*)(.*)$/.exec(lines[i] as string);
    if (!open) continue;
    const indent = open[1] as string;
    const lang = open[2] as string;
    const file = /\bfile=(\S+)/.exec(open[3] as string)?.[1];
    const body: Array<{ line: number; text: string }> = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j] as string); j++) {
      body.push({ line: j + 1, text: (lines[j] as string).startsWith(indent) ? (lines[j] as string).slice(indent.length) : (lines[j] as string) });
    }
    i = j;
    if (file) {
      doc.files.push({ name: file, text: `${body.map((b) => b.text).join('\n')}\n` });
      continue;
    }
    if (lang !== 'sh') continue;
    for (let k = 0; k < body.length; k++) {
      const start = body[k] as { line: number; text: string };
      let text = start.text;
      while (text.trimEnd().endsWith('\\') && k + 1 < body.length) text = `${text.trimEnd().slice(0, -1)} ${(body[++k] as { text: string }).text}`;
      const { code, comment } = splitComment(text);
      if (code.trim() === '') continue;
      const words = shellWords(code);
      const at = words[0] === 'npx' && words[1] === 'emocrowd' ? 2 : words[0] === 'emocrowd' ? 1 : -1;
      if (at < 0) {
        doc.skipped.push({ line: start.line, text: code, reason: `not an emocrowd command (${words[0]})` });
        continue;
      }
      let args = words.slice(at);
      let stdoutTo: string | undefined;
      const redirect = args.indexOf('>');
      if (redirect >= 0) {
        stdoutTo = args[redirect + 1];
        args = args.slice(0, redirect);
      }
      if (args.some((a) => a === '|' || a === '&&' || a === ';' || a.startsWith('$'))) {
        throw new Error(`line ${start.line}: pipes, chains and variables are not supported in doc commands: ${code}`);
      }
      const needs = /^needs:\s*(.+)$/.exec(comment)?.[1];
      const exits = /^exits\s+(\d+)$/.exec(comment)?.[1];
      doc.commands.push({
        line: start.line,
        args,
        ...(stdoutTo ? { stdoutTo } : {}),
        mode: parseOnly || needs ? 'parse' : 'run',
        expectCode: exits === undefined ? 0 : Number(exits),
        ...(needs ? { why: `needs ${needs}` } : parseOnly ? { why: 'parse-only document' } : {}),
      });
    }
  }
  return doc;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const documents = [...markdownFiles(DOCS), join(REPO, 'README.md')]
  .map((path) => relative(REPO, path))
  .sort();
const scratch = mkdtempSync(join(tmpdir(), 'emocrowd-docs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('shellWords', () => {
  it('splits on blanks and keeps quoted text together', () => {
    expect(shellWords(`emocrowd models create --system "You are calm." --x 'a b' c\\ d`)).toEqual([
      'emocrowd', 'models', 'create', '--system', 'You are calm.', '--x', 'a b', 'c d',
    ]);
  });
});

describe('commands shown in the docs', () => {
  it('finds documents with commands (the parser is not silently reading nothing)', () => {
    const counted = documents.map((d) => parseDoc(readFileSync(join(REPO, d), 'utf8'), false).commands.length);
    expect(documents).toContain('docs/getting-started.md');
    expect(counted.reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
  });

  it('skips only lines of other tools, never a misspelt emocrowd command', () => {
    // Lines of these tools are shown for the reader to run; everything else must be an emocrowd command.
    const otherTools = /^(npm|npx vitest|npx tsx|ollama|pip|python3|curl|vllm|rsync|scp|apt-get|docker|kubectl|sbatch|[A-Z_]+=\S*)\b/;
    const unknown = documents.flatMap((document) =>
      parseDoc(readFileSync(join(REPO, document), 'utf8'), false)
        .skipped.filter((s) => !otherTools.test(s.text))
        .map((s) => `${document}:${s.line}: ${s.text}`),
    );
    expect(unknown).toEqual([]);
  });

  for (const document of documents) {
    const parsed = parseDoc(readFileSync(join(REPO, document), 'utf8'), document in PARSE_ONLY);
    if (parsed.commands.length === 0) continue;
    it(`${document}: every emocrowd command works as shown`, async () => {
      const cwd = join(scratch, document.replace(/[/.]/g, '_'));
      rmSync(cwd, { recursive: true, force: true });
      for (const file of parsed.files) {
        const path = join(cwd, file.name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.text);
      }
      mkdirSync(cwd, { recursive: true });
      cpSync(join(REPO, 'studies'), join(cwd, 'studies'), { recursive: true });
      for (const command of parsed.commands) {
        const shown = `${document}:${command.line}: emocrowd ${command.args.join(' ')}`;
        if (command.mode === 'parse') {
          const { code, stderr } = await runCli([...command.args, '--help'], { cwd });
          expect(code, `${shown} (${command.why}) does not parse: ${stderr}`).toBe(0);
          continue;
        }
        const { code, stdout, stderr } = await runCli(command.args, { cwd });
        expect(code, `${shown}\n${stderr}`).toBe(command.expectCode);
        if (command.expectCode === 2) expect(stderr.trimEnd().split('\n'), shown).toHaveLength(1);
        if (command.stdoutTo) writeFileSync(join(cwd, command.stdoutTo), stdout);
      }
    }, SLOW_DOCUMENTS[document] ?? 30_000);
  }
});
