import type { ModelBackend } from '../ModelBackend.js';

/** The value of a backend flag, as parsed from the command line or a run request. */
export type BackendSetting = string | number | boolean;

/** A backend's flag values by flag name (e.g. `{ 'ollama-client': 'native' }`). */
export type BackendSettings = Readonly<Record<string, BackendSetting | undefined>>;

/**
 * A command-line flag a backend adds to `emocrowd run` (and every command that builds a backend
 * stack). The shape of the CLI's own flag definitions, so the CLI spreads them in unchanged.
 */
export interface BackendFlag {
  type: 'string' | 'boolean' | 'number' | 'integer';
  /** One sentence for `--help` and docs/cli.md; name the backend it applies to. */
  description: string;
  /** Shown in help, e.g. "KEY". */
  valueName?: string;
  default?: BackendSetting;
  /** Allowed values of a string flag. */
  choices?: readonly string[];
  /** Inclusive bounds of a numeric flag. */
  min?: number;
  max?: number;
  /** Never written to run.json as given (API keys): recorded as "(set)". */
  secret?: boolean;
}

/** Where a backend's servers are, and how `--host` values are read. */
export type HostPolicy =
  /** In-process (the synthetic model): `--host` is refused. */
  | { kind: 'none' }
  | {
      /** `required`: a run needs a server address; `optional`: the backend has a default. */
      kind: 'optional' | 'required';
      /** Turns an address as users write it into a base URL. */
      normalize: (host: string) => string;
      /** Environment variable read when no `--host` is given, e.g. "OLLAMA_HOST". */
      env?: string;
      /**
       * The address used when neither `--host` nor `env` gives one (`optional` only); leave it
       * out when the backend's client has its own default (a hosted provider's API).
       */
      fallback?: string;
      /** An address for messages, e.g. "http://127.0.0.1:8000". */
      example: string;
    };

/** What a backend's factory receives, once per server. */
export interface BackendContext {
  /** The spec after "PREFIX:" (e.g. "llama3.1:8b"); the prefix itself for a spec that is the prefix alone. */
  model: string;
  /** This adapter's server, normalised; undefined in-process or when the client picks its default. */
  host?: string;
  /** The backend's flag values, defaults applied. */
  settings: BackendSettings;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * The per-request timeout in milliseconds. The stack enforces it around every call
   * (`withTimeout`), so a backend need not; one that can also cut its socket may pass it on.
   */
  timeoutMs: number;
}

/** An adapter as a backend builds it: the port with its readiness check, which is not optional here. */
export type BackendAdapter = ModelBackend & { ready(): Promise<void> };

/** A model the viewer's run panel may offer. */
export interface ListedModel {
  /** The model name after the prefix, e.g. "llama3.1:8b". */
  name: string;
  /** What the panel shows, e.g. "llama3.1:8b (8.0B)". */
  label: string;
}

/**
 * One kind of model backend: everything the CLI, the viewer server, the docs and the backend
 * stack need to know about it, in one file under `packages/models/src/backends/`, registered by
 * one line in `registry.ts`.
 *
 * The stack (`createBackendStack`) builds one adapter per server with `create`, and puts the
 * per-request deadline, retries, the call counter, the endpoint pool and the response cache
 * around it, so a backend implements only its protocol.
 */
export interface BackendDefinition {
  /** The spec prefix: `--model PREFIX:NAME` (or `--model PREFIX` without `modelName`). */
  readonly prefix: string;
  /** How the model is written after the prefix, e.g. "NAME" or "PROVIDER:MODEL"; none: the prefix alone. */
  readonly modelName?: string;
  /**
   * With `modelName`: the prefix alone is a complete spec too (its model is then the prefix), as
   * `synthetic` is beside `synthetic:emotional`. Forms in messages show the prefix alone.
   */
  readonly modelOptional?: boolean;
  /** One line for `--help` and docs/cli.md. */
  readonly summary: string;
  /** A complete `--model` value, e.g. "ollama:llama3.1:8b". */
  readonly example: string;
  /** False for the synthetic model: no response cache by default, and runs say it is not an LLM. */
  readonly isLanguageModel: boolean;
  readonly hosts: HostPolicy;
  /** Flags the backend adds; a flag shared by several backends is the same object in each. */
  readonly flags: Readonly<Record<string, BackendFlag>>;
  /** What the readiness check (`ready()` of the adapters) verifies, in words. */
  readonly readiness: string;
  /**
   * True when `generate` computes its answer without waiting on anything (no I/O, no timer): the
   * promise it returns is settled before any timer could fire, so a deadline could never cut it
   * off, and the stack adds none (it would only cost an abort signal per call). Leave it unset
   * for anything that talks to a server, a process or a thread.
   */
  readonly synchronous?: boolean;
  /** First back-off before a retry in milliseconds (default 500; 0 for in-process models). */
  readonly retryDelayMs?: number;
  /** Checks the model part of the spec; throws `ModelError('bad-request')` naming the fix. */
  checkModel?(model: string): void;
  /** Builds the adapter for one server. */
  create(context: BackendContext): BackendAdapter;
  /** Lists the models a server has, for the viewer's run panel (backends a page may start runs on). */
  listModels?(host: string, timeoutMs: number): Promise<ListedModel[]>;
}

/**
 * Declares a backend (an identity function that gives the object literal its type).
 *
 * @param definition the backend
 * @returns the same definition
 */
export function defineBackend(definition: BackendDefinition): BackendDefinition {
  return definition;
}
