import type { CommandDef, FlagDef } from './defineCommand.js';

/** Help text for a command: synopsis, description, sub-commands, flags with defaults, examples. */
export function renderHelp(path: string, def: CommandDef): string {
  const lines: string[] = [];
  const subs = Object.keys(def.subCommands ?? {});
  const synopsis = [`emocrowd ${path}`];
  if (subs.length > 0) synopsis.push(def.run ? '[COMMAND]' : 'COMMAND');
  if (def.meta.usage) synopsis.push(def.meta.usage);
  synopsis.push('[flags]');
  lines.push(`Usage: ${synopsis.join(' ')}`, '', def.meta.description, '');
  if (subs.length > 0) {
    lines.push('Commands:');
    for (const name of subs) lines.push(`  ${name}`);
    lines.push('');
  }
  const flags = Object.entries(def.flags);
  lines.push('Flags:');
  const rows = flags.map(([name, flag]) => [flagSynopsis(name, flag), flagDescription(flag)] as const);
  rows.push(['-h, --help', 'Show this help.']);
  const width = Math.max(...rows.map(([left]) => left.length));
  for (const [left, right] of rows) lines.push(`  ${left.padEnd(width)}  ${right}`);
  if (def.meta.examples && def.meta.examples.length > 0) {
    lines.push('', 'Examples:');
    for (const example of def.meta.examples) lines.push(`  ${example}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `-s, --name VALUE` as shown in help. */
export function flagSynopsis(name: string, flag: FlagDef): string {
  const short = flag.short ? `-${flag.short}, ` : '    ';
  const value =
    flag.type === 'boolean' ? '' : ` ${flag.valueName ?? (flag.type === 'string' ? 'TEXT' : 'N')}`;
  return `${short}--${name}${value}`;
}

/** The description with choices, repetition and default appended. */
export function flagDescription(flag: FlagDef): string {
  const parts = [flag.description];
  if (flag.choices) parts.push(`One of: ${flag.choices.join(', ')}.`);
  if (flag.multiple) parts.push('Repeatable.');
  if (flag.default !== undefined && flag.default !== false) parts.push(`Default: ${String(flag.default)}.`);
  return parts.join(' ');
}
