import type { ChatMessage, JsonSchema } from '@emocrowd/models';
import {
  CONDUCT_OK,
  type CodeOfConduct,
  conductExamples,
  conductVices,
  virtueOfVice,
} from './CodeOfConduct.js';
import { DEFAULT_JUDGE_TEMPLATE } from './defaultCodeOfConduct.js';
import { fillPromptTemplate } from './fillPromptTemplate.js';

/** What the judge is asked about: one answer to one question. */
export interface JudgedAnswer {
  /** The question as the persona was asked it. */
  question: string;
  /** The answer's reasoning (a JSON answer's `reasoning`, else its text). */
  answer: string;
  /** The number read from the answer. */
  estimate?: number;
}

/**
 * The code's virtues as the judge reads them: "- patience, between wrath and docility: <description>".
 *
 * @param code - the code
 * @returns one line per virtue
 */
export function renderCode(code: CodeOfConduct): string {
  return code.virtues
    .map((v) => `- ${v.virtue}, between ${v.between[0]} and ${v.between[1]}: ${v.description}`)
    .join('\n');
}

/**
 * The code's judged examples as the judge reads them, or "" when there are none:
 * "Examples judged before:\n- "<text>" -> violation of patience (wrath): <note>\n- "<text>" -> ok\n\n".
 *
 * @param code - the code
 * @returns the block, ending in a blank line
 */
export function renderExamples(code: CodeOfConduct): string {
  const examples = conductExamples(code);
  if (examples.length === 0) return '';
  const lines = examples.map((e) => {
    const virtue = virtueOfVice(code, e.verdict);
    const verdict = virtue === undefined ? CONDUCT_OK : `violation of ${virtue.virtue} (${e.verdict})`;
    return `- "${e.text}" -> ${verdict}${e.note ? `: ${e.note}` : ''}`;
  });
  return `Examples judged before:\n${lines.join('\n')}\n\n`;
}

/**
 * The judge's prompt for one answer: the code's template (default DEFAULT_JUDGE_TEMPLATE) filled
 * with the code, its examples, the vices, the question, the answer and its estimate, as one
 * user message.
 *
 * @param code - the code of conduct
 * @param judged - the question and the answer
 * @returns the messages
 */
export function buildJudgePrompt(code: CodeOfConduct, judged: JudgedAnswer): ChatMessage[] {
  const content = fillPromptTemplate(code.judgePrompt ?? DEFAULT_JUDGE_TEMPLATE, {
    code: renderCode(code),
    examples: renderExamples(code),
    vices: conductVices(code).join(', '),
    question: judged.question,
    answer: judged.answer,
    estimate: judged.estimate === undefined ? 'none' : String(judged.estimate),
  });
  return [{ role: 'user', content }];
}

/**
 * The structured-output schema of a judgement: `{ verdict: "ok" | "violation", virtue, vice,
 * note }`, virtue and vice limited to the code's names and "none".
 *
 * @param code - the code
 * @returns the JSON schema
 */
export function judgeSchema(code: CodeOfConduct): JsonSchema {
  return {
    type: 'object',
    properties: {
      verdict: { type: 'string', enum: [CONDUCT_OK, 'violation'] },
      virtue: { type: 'string', enum: [...code.virtues.map((v) => v.virtue), 'none'] },
      vice: { type: 'string', enum: [...conductVices(code), 'none'] },
      note: { type: 'string' },
    },
    required: ['verdict', 'virtue', 'vice', 'note'],
  };
}
