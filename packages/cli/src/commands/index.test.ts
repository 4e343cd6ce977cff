import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandDef } from '../command/defineCommand.js';
import { REPO_ROOT } from '../testing/repoRoot.js';
import { commands } from './index.js';

const COMMANDS_DIR = join(REPO_ROOT, 'packages/cli/src/commands');

/**
 * The modules a source file imports when it is loaded: `import ... from` and `export ... from`
 * statements, without `import type` / `export type` (erased by the compiler) and without
 * `import()` expressions (loaded only when called).
 */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?(?:[^;'"]*?\s+from\s+)?['"]([^'"]+)['"];?/gm)) {
    if (m[2] === undefined) found.push(m[3] as string);
  }
  return found;
}

/** The source file a workspace package's export resolves to (its `@emocrowd/source` condition). */
function workspaceSource(specifier: string): string {
  const [scope, name, ...sub] = specifier.split('/');
  const dir = join(REPO_ROOT, 'packages', name as string);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    exports: Record<string, Record<string, string>>;
  };
  const entry = pkg.exports[sub.length > 0 ? `./${sub.join('/')}` : '.'];
  if (scope !== '@emocrowd' || entry?.['@emocrowd/source'] === undefined)
    throw new Error(`no source entry for ${specifier}`);
  return join(dir, entry['@emocrowd/source']);
}

/**
 * Walks every module a file loads, following relative and workspace imports; returns each
 * third-party package reached, with the chain of files that reached it.
 */
function thirdPartyReach(start: string): { pkg: string; chain: string[] }[] {
  const reached: { pkg: string; chain: string[] }[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(file)) {
      const here = [...chain, relative(REPO_ROOT, file)];
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')), here);
      else if (spec.startsWith('@emocrowd/')) visit(workspaceSource(spec), here);
      else reached.push({ pkg: spec, chain: here });
    }
  };
  visit(start, []);
  return reached;
}

const definitionFiles = readdirSync(COMMANDS_DIR).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts',
);

describe('the command table', () => {
  it('finds the definition modules to check', () => {
    expect(definitionFiles).toContain('run.ts');
    expect(definitionFiles.length).toBeGreaterThanOrEqual(Object.keys(commands).length);
  });

  it.each(
    definitionFiles,
  )('commands/%s loads no third-party package: its action and dependencies load only when it runs', (file) => {
    // `emocrowd --help` loads every definition and `emocrowd run --help` one: they must cost
    // no more than reading flags (rxjs, LangChain, the ollama client, SQLite stay unloaded).
    const reached = thirdPartyReach(join(COMMANDS_DIR, file));
    expect(reached.map((r) => `${r.pkg} <- ${r.chain.join(' <- ')}`)).toEqual([]);
  });

  it('the walker sees a third-party package when one is imported (so the check above can fail)', () => {
    const reached = thirdPartyReach(join(REPO_ROOT, 'packages/cli/src/actions/runAction.ts'));
    expect(reached.map((r) => r.pkg)).toContain('rxjs');
  });

  it('a run loads the YAML parser, SQLite and LangChain only when a YAML file, a cache or a LangChain client needs one', () => {
    // `emocrowd run --model ollama:... --no-cache` reads no YAML file, opens no cache and uses
    // the ollama client: these packages would only lengthen its start.
    const reached = thirdPartyReach(join(REPO_ROOT, 'packages/cli/src/actions/runAction.ts'));
    const lazy = ['yaml', 'better-sqlite3', 'langchain', '@langchain/core', '@langchain/ollama'];
    expect(reached.filter((r) => lazy.some((p) => r.pkg === p || r.pkg.startsWith(`${p}/`)))).toEqual([]);
  });

  it('every command and sub-command has its flags and help without running', async () => {
    const visit = async (path: string, load: () => Promise<CommandDef>): Promise<void> => {
      const def = await load();
      expect(def.meta.description.length, path).toBeGreaterThan(0);
      expect(typeof def.flags, path).toBe('object');
      for (const [name, sub] of Object.entries(def.subCommands ?? {})) await visit(`${path} ${name}`, sub);
    };
    for (const [name, load] of Object.entries(commands)) await visit(name, load);
    expect(existsSync(join(REPO_ROOT, 'packages/cli/src/actions/runAction.ts'))).toBe(true);
  });
});
