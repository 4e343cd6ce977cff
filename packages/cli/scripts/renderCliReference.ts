import { backendRegistry, type BackendDefinition } from '@emocrowd/models';
import type { CommandDef, FlagDef } from '../src/command/defineCommand.js';
import { modelForm } from '../src/run/describeBackends.js';
import { flagSynopsis } from '../src/command/renderHelp.js';
import { commands } from '../src/commands/index.js';

/** A command found by walking the command table, with its full path (`tasks validate`). */
export interface ReferencedCommand {
  path: string;
  def: CommandDef;
}

/**
 * Every command and sub-command the CLI has, in the order `emocrowd --help` lists them, depth first.
 *
 * Intuition: the reference must come from the same definitions the parser uses, so it cannot
 * describe a flag that does not exist. Behaviour: loads each lazy command; a command whose module
 * is not there (a command still being written) is left out and named in `missing`.
 *
 * @returns the commands found and the names of those that could not be loaded
 */
export async function collectCommands(): Promise<{ found: ReferencedCommand[]; missing: string[] }> {
  const found: ReferencedCommand[] = [];
  const missing: string[] = [];
  const visit = async (path: string, load: () => Promise<CommandDef>): Promise<void> => {
    let def: CommandDef;
    try {
      def = await load();
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module|Failed to load url|Does the file exist/.test(String(error))) {
        missing.push(path);
        return;
      }
      throw error;
    }
    if (def === undefined) {
      missing.push(path);
      return;
    }
    found.push({ path, def });
    for (const [name, sub] of Object.entries(def.subCommands ?? {})) await visit(`${path} ${name}`, sub);
  };
  for (const [name, load] of Object.entries(commands)) await visit(name, load);
  return { found, missing };
}

/** `|` and line breaks escaped for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The type column: what the flag takes. */
function flagType(flag: FlagDef): string {
  const base =
    flag.type === 'boolean'
      ? 'switch'
      : flag.type === 'string'
        ? flag.choices
          ? 'choice'
          : 'text'
        : flag.type;
  const range =
    flag.min !== undefined && flag.max !== undefined
      ? ` ${flag.min}..${flag.max}`
      : flag.min !== undefined
        ? ` >= ${flag.min}`
        : flag.max !== undefined
          ? ` <= ${flag.max}`
          : '';
  return `${base}${range}${flag.multiple ? ', repeatable' : ''}`;
}

/** The default column: the definition's default, or a dash. */
function flagDefault(flag: FlagDef): string {
  if (flag.default === undefined || flag.default === false) return '–';
  return `\`${String(flag.default)}\``;
}

/** The anchor GitHub gives a `## \`emocrowd x y\`` heading. */
export function commandAnchor(path: string): string {
  return `emocrowd-${path.replace(/ /g, '-')}`;
}

/** One command's section: synopsis, description, sub-commands, flags table, examples. */
function renderCommand({ path, def }: ReferencedCommand): string {
  const subs = Object.keys(def.subCommands ?? {});
  const synopsis = [`emocrowd ${path}`];
  if (subs.length > 0) synopsis.push(def.run ? '[COMMAND]' : 'COMMAND');
  if (def.meta.usage) synopsis.push(def.meta.usage);
  synopsis.push('[flags]');
  const out: string[] = [`## \`emocrowd ${path}\``, '', '```text', synopsis.join(' '), '```', '', def.meta.description, ''];
  if (subs.length > 0) {
    out.push('Sub-commands: ' + subs.map((s) => `[\`${s}\`](#${commandAnchor(`${path} ${s}`)})`).join(', ') + '.', '');
  }
  const flags = Object.entries(def.flags);
  if (flags.length > 0) {
    out.push('| flag | takes | default | description |', '|---|---|---|---|');
    for (const [name, flag] of flags) {
      const desc = [flag.description];
      if (flag.choices) desc.push(`One of: ${flag.choices.map((c) => `\`${c}\``).join(', ')}.`);
      out.push(`| \`${cell(flagSynopsis(name, flag).trim())}\` | ${flagType(flag)} | ${flagDefault(flag)} | ${cell(desc.join(' '))} |`);
    }
    out.push('| `-h, --help` | switch | – | Show the help of this command. |', '');
  } else {
    out.push('Flags: only `-h, --help`.', '');
  }
  if (def.meta.examples && def.meta.examples.length > 0) {
    out.push('Examples:', '', '```sh', ...def.meta.examples, '```', '');
  }
  return out.join('\n');
}

/** Where a backend's servers come from, for the backends table. */
function hostCell(d: BackendDefinition): string {
  const policy = d.hosts;
  if (policy.kind === 'none') return 'in-process (no `--host`)';
  const sources = [policy.env ? `\`$${policy.env}\`` : undefined, policy.fallback ? `\`${policy.fallback}\`` : undefined].filter(Boolean);
  const fallback =
    policy.kind === 'required'
      ? `required${sources.length > 0 ? ` (or ${sources.join(', ')})` : ''}`
      : sources.length > 0
        ? `default ${sources.join(', else ')}`
        : "default: the provider's own endpoint";
  return `\`--host\` (repeatable), ${fallback}`;
}

/** The section listing the model backends, from the backend registry. */
function renderBackends(): string {
  const out = [
    '## Model backends',
    '',
    'What `--model` accepts (in `emocrowd run` and `emocrowd eval emotions`), from the backend registry',
    '(`packages/models/src/backends/registry.ts`; see [add a backend](guides/add-a-backend.md)). Every',
    'backend gets the same stack around its calls: `--timeout` (a call that does not complete in time is',
    'cut off, whatever the backend does), `--retries` with back-off, an endpoint pool over several',
    '`--host` values (`--max-per-host`), and the response cache.',
    '',
    '| `--model` | what | servers | its flags | ready when |',
    '|---|---|---|---|---|',
  ];
  for (const d of backendRegistry.definitions) {
    const flags = Object.keys(d.flags).map((f) => `\`--${f}\``).join(', ') || '–';
    out.push(
      `| \`${modelForm(d)}\` (e.g. \`${d.example}\`) | ${cell(d.summary)} | ${cell(hostCell(d))} | ${flags} | ${cell(d.readiness)} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

/**
 * The Markdown of docs/cli.md, generated from the command definitions.
 *
 * Intuition: a hand-written CLI reference drifts from the code the day a flag is added; this one
 * is rebuilt from `packages/cli/src/commands/index.ts` and checked by docs/test/cliReference.test.ts.
 * Behaviour: a header (global flags, exit codes, config file), a table of contents, then one section
 * per command and sub-command with its synopsis, description, flags (type, range, default, choices)
 * and examples. Output is deterministic (no dates, no environment).
 *
 * @returns the Markdown text, ending in a newline
 */
export async function renderCliReference(): Promise<string> {
  const { found } = await collectCommands();
  const head = [
    '# CLI reference',
    '',
    '<!-- GENERATED by packages/cli/scripts/generateCliReference.ts from the command definitions; do not edit.',
    '     Regenerate: npx tsx --conditions=@emocrowd/source packages/cli/scripts/generateCliReference.ts -->',
    '',
    'Every command of `emocrowd`, generated from the definitions the parser itself uses, so what is',
    'listed here is exactly what the command line accepts. `emocrowd COMMAND --help` prints the same.',
    '',
    '```text',
    'emocrowd COMMAND [SUB-COMMAND] [flags]',
    '```',
    '',
    '**Global flags:** `--debug` (show stack traces on errors), `--version`, `-h, --help`,',
    '`--config FILE` (flag defaults per command from a JSON file; `emocrowd.config.json` in the working',
    'directory is read when present, e.g. `{"run": {"personas": 200, "seed": 7}}`; flags on the command',
    'line win, and a flag the command does not have is an error).',
    '',
    '**Flags** are strict: an unknown flag, a missing value, a number that is not a number or out of',
    'range, or a value outside the choices is a usage error. A switch `--x` can be turned off with `--no-x`.',
    '',
    '**Exit codes:** `0` success; `1` runtime failure (a server went away, a disk filled up); `2` usage',
    'or input error (one line on stderr naming the fix, nothing written); `130` stopped by Ctrl-C.',
    '',
    '- [Model backends](#model-backends): what `--model` accepts.',
    '',
    '## Commands',
    '',
    ...found.map(({ path, def }) => {
      const depth = path.split(' ').length - 1;
      const summary = (def.meta.description.split(/(?<=\.)\s/)[0] ?? '').trim();
      return `${'  '.repeat(depth)}- [\`emocrowd ${path}\`](#${commandAnchor(path)}) — ${summary}`;
    }),
    '',
  ];
  return `${[...head, renderBackends(), ...found.map(renderCommand)].join('\n').trimEnd()}\n`;
}
