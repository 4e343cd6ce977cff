import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { runCli } from '../testing/runCli.js';
import { CliError } from './CliError.js';
import type { CommandDef, FlagDef } from './defineCommand.js';
import { parseFlags } from './parseFlags.js';

/** Every command and sub-command with its flags, as `emocrowd` loads them. */
async function everyCommand(): Promise<[string, CommandDef][]> {
  const out: [string, CommandDef][] = [];
  for (const [name, load] of Object.entries(commands)) {
    const def = await load();
    out.push([name, def]);
    for (const [sub, loadSub] of Object.entries(def.subCommands ?? {}))
      out.push([`${name} ${sub}`, await loadSub()]);
  }
  return out;
}

function usageMessage(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    return (error as CliError).message;
  }
  throw new Error('accepted');
}

/** Malformed values for a numeric flag: never a number, or out of its bounds. */
function malformed(def: FlagDef): string[] {
  const values = ['abc', '0x10', 'Infinity', '1,000', '', '12abc', 'NaN'];
  if (def.type === 'integer') values.push('2.5');
  if (def.min !== undefined) values.push(String(def.min - 3));
  if (def.max !== undefined) values.push(String(def.max * 10 + 1));
  return values;
}

describe('number flags', () => {
  it('every malformed number of every command names the flag, what it takes and what it got', async () => {
    let checked = 0;
    for (const [name, def] of await everyCommand()) {
      for (const [flag, spec] of Object.entries(def.flags)) {
        if (spec.type !== 'number' && spec.type !== 'integer') continue;
        for (const value of malformed(spec)) {
          // as two arguments (negative numbers included) and as --flag=value
          for (const argv of [[`--${flag}`, value], [`--${flag}=${value}`]]) {
            const message = usageMessage(() => parseFlags(name, def.flags, argv));
            expect(message, `${name} ${argv.join(' ')}`).toContain(
              `--${flag} takes ${spec.type === 'integer' ? 'a whole number' : 'a number'}`,
            );
            expect(message, `${name} ${argv.join(' ')}`).toContain(`(got "${value}")`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('states the bounds, and reads negative numbers as values', () => {
    const defs = {
      seed: { type: 'integer', description: 's', min: 0 },
      concurrency: { type: 'integer', description: 'c', min: 1, max: 4096 },
      shift: { type: 'number', description: 'x' },
      name: { type: 'string', description: 'n' },
    } as const satisfies Record<string, FlagDef>;
    expect(usageMessage(() => parseFlags('run', defs, ['--seed', '-1']))).toBe(
      'run: --seed takes a whole number of at least 0 (got "-1")',
    );
    expect(usageMessage(() => parseFlags('run', defs, ['--concurrency', '0']))).toBe(
      'run: --concurrency takes a whole number from 1 to 4096 (got "0")',
    );
    expect(parseFlags('run', defs, ['--shift', '-2.5e1', '--name', '-7']).flags).toMatchObject({
      shift: -25,
      name: '-7',
    });
    expect(parseFlags('run', defs, ['--seed', ' 3 ']).flags.seed).toBe(3);
    expect(usageMessage(() => parseFlags('run', defs, ['--name', '-x']))).toMatch(
      /--name needs a value; write a value that starts with "-" as --name=VALUE/,
    );
  });

  it('emocrowd run --personas -3 names the flag, the forms it takes and what it got', async () => {
    for (const value of ['-3', '0', '2.5', '1e3']) {
      const r = await runCli(['run', '--personas', value, '--subsets', '0']);
      expect(r.code, value).toBe(2);
      expect(r.stderr.trim().split('\n'), value).toHaveLength(1);
      expect(r.stderr, value).toContain(
        `--personas takes N (a whole number of personas, at least 1), all, paper or a JSON/YAML persona file (got "${value}")`,
      );
    }
  });
});
