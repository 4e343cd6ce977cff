import type { Io } from './Io.js';

/** How one flag is parsed. */
export interface FlagDef {
  type: 'string' | 'boolean' | 'number' | 'integer';
  description: string;
  /** Shown in help, e.g. "N", "FILE", "URL". */
  valueName?: string;
  short?: string;
  /** The flag may be given several times (values collected in order). */
  multiple?: boolean;
  default?: string | number | boolean;
  /** Allowed values for string flags. */
  choices?: readonly string[];
  /** Inclusive bounds for numeric flags. */
  min?: number;
  max?: number;
}

export type FlagDefs = Record<string, FlagDef>;

type FlagValue<F extends FlagDef> = F['type'] extends 'boolean'
  ? boolean
  : F['type'] extends 'number' | 'integer'
    ? number
    : string;

/** The parsed flags of a command, typed from its definitions. */
export type ParsedFlags<D extends FlagDefs> = {
  [K in keyof D]: D[K]['multiple'] extends true
    ? FlagValue<D[K]>[]
    : D[K]['default'] extends string | number | boolean
      ? FlagValue<D[K]>
      : FlagValue<D[K]> | undefined;
};

/** What a command's `run` receives. */
export interface CommandContext<D extends FlagDefs> {
  flags: ParsedFlags<D>;
  /** Positional arguments after the command (and sub-command) names. */
  positionals: string[];
  /** Which flags the user set explicitly (as opposed to defaults or config). */
  explicit: ReadonlySet<string>;
  io: Io;
}

/** A command: its help text and flags, and what it does. Returns the exit code. */
export interface CommandDef<D extends FlagDefs = FlagDefs> {
  meta: {
    name: string;
    description: string;
    /** Positional argument synopsis, e.g. "DIR" or "[FILE]". */
    usage?: string;
    examples?: readonly string[];
  };
  flags: D;
  /** Sub-commands, e.g. `tasks validate`; chosen by the first positional. */
  subCommands?: Readonly<Record<string, () => Promise<CommandDef>>>;
  /**
   * What the command does. Import the implementation here, not at the top of the definition:
   * `run: async (context) => (await import('../actions/xAction.js')).xAction(context)`.
   */
  run?: (ctx: CommandContext<D>) => Promise<number>;
}

/** Declares a command with typed flags (nuxt/cli style `defineCommand({ meta, flags, run })`). */
export function defineCommand<D extends FlagDefs>(def: CommandDef<D>): CommandDef<D> {
  return def;
}
