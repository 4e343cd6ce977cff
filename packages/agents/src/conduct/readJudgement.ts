import type { ModelResponse } from '@emocrowd/models';
import { CONDUCT_OK, type CodeOfConduct, conductVices, virtueOfVice } from './CodeOfConduct.js';
import type { Judgement } from './Judgement.js';

/**
 * Reads a judge model's answer: the structured object when the server returned one, else the
 * first JSON object in the text.
 *
 * Behaviour: `verdict` must be "ok" or "violation" (any case). A named vice must be one of the
 * code's (its virtue is then the vice's, whatever the judge wrote); an unknown or "none" vice
 * leaves the violation without a vice, with the named virtue when it is the code's. A missing note
 * becomes "" for ok and a plain sentence naming the vice for a violation.
 *
 * @param response - the judge's response
 * @param code - the code it judged against
 * @returns the judgement, or a reason why none could be read
 */
export function readJudgement(
  response: ModelResponse,
  code: CodeOfConduct,
): Judgement | { unreadable: string } {
  const object = response.structured ?? firstJsonObject(response.text);
  if (typeof object !== 'object' || object === null) return { unreadable: 'the judge gave no JSON object' };
  const o = object as Record<string, unknown>;
  const verdict = typeof o.verdict === 'string' ? o.verdict.trim().toLowerCase() : '';
  if (verdict !== CONDUCT_OK && verdict !== 'violation')
    return { unreadable: `the judge's verdict is not "ok" or "violation" (${JSON.stringify(o.verdict)})` };
  const note = typeof o.note === 'string' ? o.note.trim() : '';
  if (verdict === CONDUCT_OK) return { verdict: 'ok', note };
  const vice = typeof o.vice === 'string' ? o.vice.trim().toLowerCase() : '';
  const named = conductVices(code).includes(vice) ? vice : undefined;
  const virtueName = typeof o.virtue === 'string' ? o.virtue.trim().toLowerCase() : '';
  const virtue =
    (named === undefined ? undefined : virtueOfVice(code, named)?.virtue) ??
    code.virtues.find((v) => v.virtue === virtueName)?.virtue;
  const judgement: Judgement = {
    verdict: 'violation',
    note: note !== '' ? note : `The reasoning shows ${named ?? 'a vice of the code'}.`,
  };
  if (virtue !== undefined) judgement.virtue = virtue;
  if (named !== undefined) judgement.vice = named;
  return judgement;
}

function firstJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return undefined;
  }
}
