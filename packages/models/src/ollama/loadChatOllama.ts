/** What the LangChain chat path needs: the chat model and the three message classes. */
export interface LangChainOllama {
  ChatOllama: typeof import('@langchain/ollama').ChatOllama;
  AIMessage: typeof import('@langchain/core/messages').AIMessage;
  HumanMessage: typeof import('@langchain/core/messages').HumanMessage;
  SystemMessage: typeof import('@langchain/core/messages').SystemMessage;
}

let langChain: Promise<LangChainOllama> | undefined;

/**
 * Imports LangChain's `ChatOllama` and message classes the first time a call needs them (see
 * `loadOllamaClient`: naming the backend, listing flags or printing help imports nothing).
 *
 * @returns the classes, the same objects on every call
 */
export function loadChatOllama(): Promise<LangChainOllama> {
  langChain ??= Promise.all([import('@langchain/ollama'), import('@langchain/core/messages')]).then(
    ([ollama, messages]) => ({
      ChatOllama: ollama.ChatOllama,
      AIMessage: messages.AIMessage,
      HumanMessage: messages.HumanMessage,
      SystemMessage: messages.SystemMessage,
    }),
  );
  return langChain;
}
