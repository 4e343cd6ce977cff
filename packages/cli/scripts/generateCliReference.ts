/**
 * Writes docs/cli.md from the command definitions (see renderCliReference.ts).
 *
 * Usage (from the repository root):
 *   npx tsx --conditions=@emocrowd/source packages/cli/scripts/generateCliReference.ts          # write
 *   npx tsx --conditions=@emocrowd/source packages/cli/scripts/generateCliReference.ts --check  # exit 1 if stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { collectCommands, renderCliReference } from './renderCliReference.js';

const target = fileURLToPath(new URL('../../../docs/cli.md', import.meta.url));
const text = await renderCliReference();
const { missing } = await collectCommands();
if (missing.length > 0) process.stderr.write(`not documented (module not found): ${missing.join(', ')}\n`);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file is stale
  }
  if (current !== text) {
    process.stderr.write('docs/cli.md is stale; regenerate it without --check\n');
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${target}\n`);
}
