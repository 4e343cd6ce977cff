import { ModelError } from '../ModelError.js';

/** `initChatModel` of the `langchain` package, as this module uses it. */
export type InitChatModel = (model: string, fields: Record<string, unknown>) => Promise<object>;

/**
 * Loads `initChatModel` from the `langchain` package, an optional install (with the provider
 * packages it loads: `@langchain/openai`, `@langchain/anthropic`, ...).
 *
 * @param spec the `--model` value, for the message
 * @returns `initChatModel`
 * @throws ModelError('bad-request') of one line naming the packages to install
 */
export async function loadInitChatModel(spec: string): Promise<InitChatModel> {
  try {
    const langchain = (await import('langchain')) as unknown as { initChatModel: InitChatModel };
    return langchain.initChatModel;
  } catch (error) {
    throw missingPackage(error, spec) ?? error;
  }
}

/**
 * The one-line error for a package that is not installed, or undefined when `error` is not one.
 *
 * Behaviour: a module-not-found error for `langchain` or a provider package (also in LangChain's
 * own wording, "Unable to import @langchain/x") becomes "run: npm install PACKAGE", naming
 * `langchain` too when it is the one missing.
 *
 * @param error what loading threw
 * @param spec the `--model` value
 * @param providerPackage the provider's package, when known
 * @returns the error, or undefined
 */
export function missingPackage(
  error: unknown,
  spec: string,
  providerPackage?: string,
): ModelError | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | undefined)?.code;
  const named =
    /Unable to import (@?[\w./-]+)/.exec(message)?.[1] ??
    /Cannot find (?:package|module) '(@?[\w./-]+)'/.exec(message)?.[1];
  if (named === undefined && code !== 'ERR_MODULE_NOT_FOUND') return undefined;
  const pkg = packageName(named ?? providerPackage ?? 'langchain');
  const install = pkg === 'langchain' && providerPackage ? `langchain ${providerPackage}` : pkg;
  return new ModelError(
    'bad-request',
    `--model ${spec} needs the package ${pkg}, which is not installed — run: npm install ${install}`,
    { cause: error },
  );
}

/** "@langchain/openai/dist/x.js" -> "@langchain/openai"; "langchain/chat_models" -> "langchain". */
function packageName(specifier: string): string {
  const parts = specifier.replace(/\.+$/, '').split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}
