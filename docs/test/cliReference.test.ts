import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collectCommands, renderCliReference } from '../../packages/cli/scripts/renderCliReference.js';
import { runCli } from '../../packages/cli/src/testing/runCli.js';

const CLI_MD = fileURLToPath(new URL('../cli.md', import.meta.url));
const REGENERATE = 'npx tsx --conditions=@emocrowd/source packages/cli/scripts/generateCliReference.ts';

describe('docs/cli.md', () => {
  it('is what the generator makes of the current command definitions', async () => {
    const fresh = await renderCliReference();
    const current = readFileSync(CLI_MD, 'utf8');
    expect(current === fresh, `docs/cli.md is stale; regenerate it with: ${REGENERATE}`).toBe(true);
  });

  it('documents every command main.ts dispatches to, and every flag of each', async () => {
    const { found, missing } = await collectCommands();
    expect(missing).toEqual([]);
    const text = readFileSync(CLI_MD, 'utf8');
    for (const { path, def } of found) {
      expect(text).toContain(`## \`emocrowd ${path}\``);
      // Each flag row, and the help the binary prints names the same flags.
      const help = await runCli([...path.split(' '), '--help']);
      expect(help.code, `emocrowd ${path} --help`).toBe(0);
      for (const name of Object.keys(def.flags)) {
        expect(text).toContain(`--${name}`);
        expect(help.stdout).toContain(`--${name}`);
      }
    }
  });
});
