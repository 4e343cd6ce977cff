import type { BackendFlag } from './BackendDefinition.js';

/** `--api-key`, shared by the backends that call APIs with a bearer token. */
export const apiKeyFlag: BackendFlag = {
  type: 'string',
  valueName: 'KEY',
  description:
    "API key for openai: servers (default: $OPENAI_API_KEY) and langchain: providers (default: the provider's own variable, e.g. $ANTHROPIC_API_KEY).",
  secret: true,
};
