import type { ChatMessage } from '@emocrowd/models';
import { type BeamSpectrumId, beamWord } from '../emotion/beamSpectra.js';
import { beamPlace } from '../prompt/beamPlace.js';

/** The system message of a rewrite: what to keep and what to change. */
export const REWRITE_SYSTEM_PROMPT =
  'You rewrite texts so that they express a given emotion. Keep what the text says, its length and its form; ' +
  'change the vocabulary, the tone and the imagery. Reply with the rewritten text only, without a title, quotes or comments.';

/**
 * The chat messages that ask a model to rewrite a text at one level of a BEAM spectrum.
 *
 * Intuition: Chang's experiments had a model rewrite one text (a poem, a scene) across levels
 * of an emotion and looked at the linguistic features it used (vocabulary, tone, imagery,
 * theme); the level is named by its word and its place on the spectrum, as personas are told
 * their emotion (`describeEmotion`).
 *
 * @example
 * buildRewritePrompt('The train was late.', 'sadness-joy', -0.3)[1].content
 * // "Rewrite this text so that it expresses pensiveness: mildly toward sadness on the spectrum
 * //  from sadness to joy.\n\nText:\nThe train was late."
 *
 * @param text - the text to rewrite
 * @param spectrum - the spectrum
 * @param signedIntensity - the level, -1 .. +1
 * @returns system and user message
 */
export function buildRewritePrompt(
  text: string,
  spectrum: BeamSpectrumId,
  signedIntensity: number,
): ChatMessage[] {
  const word = beamWord(spectrum, signedIntensity);
  return [
    { role: 'system', content: REWRITE_SYSTEM_PROMPT },
    {
      role: 'user',
      content: `Rewrite this text so that it expresses ${word}: ${beamPlace(spectrum, signedIntensity)}.\n\nText:\n${text.trim()}`,
    },
  ];
}

/**
 * The rewritten text out of a model's answer: surrounding whitespace, a code fence, a leading
 * announcement line ending in a colon ("Here is the rewritten text:") and quotes around the
 * whole text are removed; anything else is kept as written.
 *
 * @param answer - the model's text
 * @returns the rewrite ("" when the model said nothing)
 */
export function cleanRewrite(answer: string): string {
  let text = answer.trim();
  const fenced = /^```[a-z]*\n([\s\S]*?)\n```$/i.exec(text);
  if (fenced) text = (fenced[1] as string).trim();
  const firstBreak = text.indexOf('\n');
  if (firstBreak > 0 && /^(here|sure|rewritten|okay|ok)\b.*:$/i.test(text.slice(0, firstBreak).trim()))
    text = text.slice(firstBreak + 1).trim();
  const quoted = /^["“'](.*)["”']$/s.exec(text);
  return quoted ? (quoted[1] as string).trim() : text;
}

/**
 * The built-in model's rewrite: a template, not a language model. It puts "I feel <word>." in
 * front of the text and changes nothing else, so the recognizer can find the level's word and
 * nothing more: a baseline that shows what the scoring sees when the emotion is only named.
 *
 * @param text - the text
 * @param spectrum - the spectrum
 * @param signedIntensity - the level
 * @returns "I feel pensiveness. <text>"
 */
export function templateRewrite(text: string, spectrum: BeamSpectrumId, signedIntensity: number): string {
  return `I feel ${beamWord(spectrum, signedIntensity)}. ${text.trim()}`;
}
