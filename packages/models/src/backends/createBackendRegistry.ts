import { ModelError } from '../ModelError.js';
import type { BackendDefinition, BackendFlag, BackendSettings } from './BackendDefinition.js';

/** A parsed `--model` value. */
export interface ModelSpec {
  /** The backend's prefix, e.g. "ollama". */
  backend: string;
  /** The model after the prefix, e.g. "llama3.1:8b" ("synthetic" for the synthetic model). */
  model: string;
}

/** A parsed `--model` value with the backend that serves it. */
export interface ResolvedModelSpec extends ModelSpec {
  definition: BackendDefinition;
}

/** The backends a program knows, and what is derived from them (see {@link createBackendRegistry}). */
export interface BackendRegistry {
  /** The backends: in-process ones first, then by prefix. */
  readonly definitions: readonly BackendDefinition[];
  /** @returns the backend with this prefix, if any */
  find(prefix: string): BackendDefinition | undefined;
  /**
   * Parses `--model`: `PREFIX` for a backend without a model name (or whose name is optional;
   * the model is then the prefix), else `PREFIX:MODEL`, where the model may itself contain colons
   * (`ollama:llama3.1:8b`).
   * @throws ModelError('bad-request') naming the accepted forms
   */
  parse(spec: string): ResolvedModelSpec;
  /** Every backend flag, once; a flag shared by several backends appears once. */
  flags(): Readonly<Record<string, BackendFlag>>;
  /** The `--model` forms in words, e.g. "synthetic, ollama:NAME or openai:NAME". */
  forms(): string;
  /**
   * The flag values a backend is built with: the given ones (each must be a flag of this backend)
   * over the flags' defaults.
   * @throws ModelError('bad-request') naming a given flag the backend does not take
   */
  settings(definition: BackendDefinition, given: BackendSettings): BackendSettings;
  /**
   * The servers a backend is built for: `--host` values normalised, else the policy's environment
   * variable, else its fallback; `[undefined]` when the backend picks its own (or is in-process).
   * @throws ModelError('bad-request') when an in-process backend is given hosts, or a required one none
   */
  hosts(
    definition: BackendDefinition,
    given: readonly string[],
    env: Readonly<Record<string, string | undefined>>,
  ): (string | undefined)[];
}

/**
 * How a backend's `--model` values are written in messages: `ollama:NAME`, or the prefix alone
 * for a backend without a model name or whose name is optional (`synthetic`).
 *
 * @param definition the backend
 * @returns the form
 */
export function modelSpecForm(definition: BackendDefinition): string {
  return definition.modelName === undefined || definition.modelOptional
    ? definition.prefix
    : `${definition.prefix}:${definition.modelName}`;
}

/**
 * Builds a registry over backend definitions and checks they fit together.
 *
 * Behaviour:
 * 1. Prefixes are unique and made of lowercase letters, digits and "-".
 * 2. A flag name used by several backends must be the same object in each (so its help text and
 *    default cannot disagree); no backend flag may shadow another's with a different meaning.
 * 3. Order: backends that are not language models first, then by prefix.
 *
 * @param definitions the backends
 * @returns the registry
 * @throws Error when two backends clash (a programming error, caught by the registry's test)
 */
export function createBackendRegistry(definitions: readonly BackendDefinition[]): BackendRegistry {
  // Prefixes are lowercase ASCII (rule 1), so code-unit order is alphabetical order; a
  // localeCompare here would load the ICU collator (tens of ms) on every start of the CLI.
  const sorted = [...definitions].sort(
    (a, b) =>
      Number(a.isLanguageModel) - Number(b.isLanguageModel) ||
      (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0),
  );
  const byPrefix = new Map<string, BackendDefinition>();
  const flags: Record<string, BackendFlag> = {};
  for (const def of sorted) {
    if (!/^[a-z][a-z0-9-]*$/.test(def.prefix))
      throw new Error(`backend prefix "${def.prefix}" is not lowercase`);
    if (byPrefix.has(def.prefix)) throw new Error(`two backends have the prefix "${def.prefix}"`);
    byPrefix.set(def.prefix, def);
    for (const [name, flag] of Object.entries(def.flags)) {
      if (flags[name] !== undefined && flags[name] !== flag)
        throw new Error(`backends define the flag --${name} twice, differently; share one object`);
      flags[name] = flag;
    }
  }
  const form = modelSpecForm;
  const forms = (): string => {
    const all = sorted.map(form);
    return all.length <= 1 ? all.join('') : `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
  };
  const examples = (): string =>
    sorted
      .filter((d) => d.isLanguageModel)
      .slice(0, 2)
      .map((d) => d.example)
      .join(', ');
  const notAModel = (spec: string): ModelError =>
    new ModelError('bad-request', `--model "${spec}" is not a model: use ${forms()} (e.g. ${examples()})`);

  return {
    definitions: sorted,
    find: (prefix) => byPrefix.get(prefix),
    parse(spec) {
      const trimmed = spec.trim();
      const bare = byPrefix.get(trimmed);
      if (bare !== undefined && (bare.modelName === undefined || bare.modelOptional))
        return { backend: bare.prefix, model: bare.prefix, definition: bare };
      const colon = trimmed.indexOf(':');
      const definition = colon > 0 ? byPrefix.get(trimmed.slice(0, colon)) : undefined;
      const model = trimmed.slice(colon + 1);
      if (definition === undefined || definition.modelName === undefined || model.trim() === '')
        throw notAModel(spec);
      definition.checkModel?.(model);
      return { backend: definition.prefix, model, definition };
    },
    flags: () => flags,
    forms,
    settings(definition, given) {
      const out: Record<string, string | number | boolean | undefined> = {};
      for (const [name, flag] of Object.entries(definition.flags)) out[name] = flag.default;
      for (const [name, value] of Object.entries(given)) {
        if (value === undefined) continue;
        if (!(name in definition.flags)) {
          const users = sorted.filter((d) => name in d.flags).map((d) => `${d.prefix}:`);
          throw new ModelError(
            'bad-request',
            `--${name} applies to ${users.join(', ') || 'no'} models, not ${form(definition)}; drop it or pick such a model`,
          );
        }
        out[name] = value;
      }
      return out;
    },
    hosts(definition, given, env) {
      const policy = definition.hosts;
      const listed = given.map((h) => h.trim()).filter((h) => h !== '');
      if (policy.kind === 'none') {
        if (listed.length > 0)
          throw new ModelError(
            'bad-request',
            `--host does not apply to --model ${form(definition)} (it runs in-process); drop --host or pick a served model`,
          );
        return [undefined];
      }
      if (listed.length > 0) return listed.map(policy.normalize);
      const fromEnv = policy.env !== undefined ? env[policy.env]?.trim() : undefined;
      if (fromEnv) return [policy.normalize(fromEnv)];
      if (policy.kind === 'optional')
        return [policy.fallback !== undefined ? policy.normalize(policy.fallback) : undefined];
      throw new ModelError(
        'bad-request',
        `--model ${form(definition)} needs --host URL (e.g. --host ${policy.example})${policy.env ? ` or ${policy.env}` : ''}`,
      );
    },
  };
}
