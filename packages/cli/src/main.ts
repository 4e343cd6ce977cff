import { CliError } from './command/CliError.js';
import type { CommandDef } from './command/defineCommand.js';
import { type Io, processIo } from './command/Io.js';
import { parseFlags } from './command/parseFlags.js';
import { renderHelp } from './command/renderHelp.js';
import { commands } from './commands/index.js';
import { loadConfig } from './config/loadConfig.js';

const ROOT_HELP = (rows: [string, string][]): string =>
  [
    'Usage: emocrowd COMMAND [flags]',
    '',
    'Simulate crowds of emotional LLM personas answering estimation questions, and measure',
    'how wise the crowd is. Without --model, runs on the built-in synthetic model (not an LLM).',
    '',
    'Commands:',
    ...rows.map(
      ([name, summary]) => `  ${name.padEnd(Math.max(...rows.map(([n]) => n.length)))}  ${summary}`,
    ),
    '',
    'Global flags:',
    '  --debug       Show stack traces on errors.',
    '  --version     Print the version.',
    '  -h, --help    Show help (also: emocrowd COMMAND --help).',
    '',
    'Start with: emocrowd run',
    '',
  ].join('\n');

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code:
 * 0 success, 1 runtime failure, 2 usage or input error, 130 interrupted before anything ran.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  const args = argv.filter((arg) => arg !== '--debug');
  try {
    const [name, ...rest] = args;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout.write(ROOT_HELP(await commandSummaries()));
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === '-v') {
      io.stdout.write('emocrowd 0.1.0\n');
      return 0;
    }
    const load = commands[name];
    if (!load) {
      throw new CliError(
        `unknown command "${name}"; commands: ${Object.keys(commands).join(', ')} (see: emocrowd --help)`,
      );
    }
    let def = await load();
    let path = name;
    let restArgs = rest;
    while (def.subCommands && restArgs[0] !== undefined && def.subCommands[restArgs[0]]) {
      const sub = restArgs[0];
      def = await (def.subCommands[sub] as () => Promise<CommandDef>)();
      path = `${path} ${sub}`;
      restArgs = restArgs.slice(1);
    }
    const config = await loadConfig(io, restArgs);
    const parsed = parseFlags(
      path,
      def.flags,
      config.argv,
      config.defaults[path.split(' ')[0] ?? path] ?? {},
    );
    if (parsed.help) {
      io.stdout.write(renderHelp(path, def));
      return 0;
    }
    if (!def.run) {
      const subs = Object.keys(def.subCommands ?? {});
      const got = parsed.positionals[0];
      throw new CliError(
        `${path}: ${got ? `unknown command "${got}"` : 'needs a command'}; one of: ${subs.join(', ')} (see: emocrowd ${path} --help)`,
      );
    }
    return await def.run({
      flags: parsed.flags,
      positionals: parsed.positionals,
      explicit: parsed.explicit,
      io,
    });
  } catch (error) {
    return reportError(error, io, debug);
  }
}

/** Each command's name and the first sentence of its description, for the root help. */
async function commandSummaries(): Promise<[string, string][]> {
  return Promise.all(
    Object.entries(commands).map(async ([name, load]): Promise<[string, string]> => {
      const description = (await load()).meta.description;
      return [name, /^.*?\.(?=\s|$)/.exec(description)?.[0] ?? description];
    }),
  );
}

/** Prints an error as one line (plus the stack with --debug) and returns its exit code. */
export function reportError(error: unknown, io: Io, debug: boolean): number {
  if (error instanceof CliError) {
    io.stderr.write(`emocrowd: ${error.message}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`emocrowd: ${message.split('\n')[0]} (run again with --debug for details)\n`);
  if (debug && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}

/** Entry point of the `emocrowd` binary. */
export async function run(argv: readonly string[]): Promise<void> {
  const io = processIo();
  // Libraries may warn on the console (the ollama client prints "invalid json" for a cut-off
  // stream, which emocrowd already reports as a failed answer): keep such noise out of the
  // progress line and the tables unless --debug asks for everything.
  if (!argv.includes('--debug')) console.warn = () => {};
  const code = await main(argv, io);
  process.exitCode = code;
}
