import type { JsonSchema } from '../../ModelBackend.js';
import type { OllamaTestServerPrompt } from '../OllamaTestServerAnswer.js';
import { isRecord } from './httpIo.js';

/** Translates any of the three inference bodies into one prompt with Ollama option names. */
export function toPrompt(
  endpoint: OllamaTestServerPrompt['endpoint'],
  model: string,
  b: Record<string, unknown>,
): OllamaTestServerPrompt {
  const messages: { role: string; content: string }[] = [];
  if (endpoint === 'generate') {
    if (typeof b.system === 'string' && b.system) messages.push({ role: 'system', content: b.system });
    if (typeof b.prompt === 'string' && b.prompt) messages.push({ role: 'user', content: b.prompt });
  } else if (Array.isArray(b.messages)) {
    for (const m of b.messages) {
      if (isRecord(m)) messages.push({ role: String(m.role ?? 'user'), content: contentText(m.content) });
    }
  }
  const { format, options } = endpoint === 'openai' ? openAiOptions(b) : ollamaOptions(b);
  return { endpoint, model, messages, ...(format !== undefined ? { format } : {}), options, body: b };
}

type Translated = { format: 'json' | JsonSchema | undefined; options: Record<string, unknown> };

function ollamaOptions(b: Record<string, unknown>): Translated {
  const options = isRecord(b.options) ? { ...b.options } : {};
  const format = b.format === 'json' ? 'json' : isRecord(b.format) ? b.format : undefined;
  return { format, options };
}

/** OpenAI fields under their Ollama names, as Ollama's /v1 layer maps them. */
function openAiOptions(b: Record<string, unknown>): Translated {
  const options: Record<string, unknown> = {};
  const map: [string, string][] = [
    ['seed', 'seed'],
    ['temperature', 'temperature'],
    ['top_p', 'top_p'],
    ['max_tokens', 'num_predict'],
    ['max_completion_tokens', 'num_predict'],
    ['frequency_penalty', 'frequency_penalty'],
    ['presence_penalty', 'presence_penalty'],
    ['stop', 'stop'],
  ];
  for (const [from, to] of map) if (b[from] !== undefined && b[from] !== null) options[to] = b[from];
  const rf = b.response_format;
  let format: Translated['format'];
  if (isRecord(rf) && rf.type === 'json_object') format = 'json';
  if (
    isRecord(rf) &&
    rf.type === 'json_schema' &&
    isRecord(rf.json_schema) &&
    isRecord(rf.json_schema.schema)
  )
    format = rf.json_schema.schema;
  return { format, options };
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('');
  return '';
}
