import type { EmotionGroup } from './emotionGroupOf.js';

/** The wording of one emotion group. */
export interface GroupTemplates {
  /** Free-text answers: `prefix + "<number> <unit>" + suffix`. */
  answers: readonly (readonly [prefix: string, suffix: string])[];
  /** Answers without any number (refusals, hedges): what a parser must reject. */
  refusals: readonly string[];
  /** One-sentence reasons for the `reasoning` field of a structured (JSON) answer. */
  reasoning: readonly string[];
}

/**
 * The synthetic model's phrasings, one set per Ekman group (plus neutral), written so the
 * wording carries the persona's emotion ("Ugh, ..." for anger, "Um, I'm not sure..." for fear).
 *
 * Rules the texts keep, checked by the tests: no digits (the only number in an answer is the
 * estimate, so a parser that rejects answers with several numbers, as in Aher et al. 2023,
 * still works), no dashes (a dash belongs to ranges), no quotes or backslashes (the texts go
 * into JSON unescaped). The group of a GoEmotions label follows the dataset's Ekman mapping
 * (Demszky et al. 2020).
 */
export const ANSWER_TEMPLATES: Readonly<Record<EmotionGroup, GroupTemplates>> = Object.freeze({
  joy: {
    answers: [
      ["Oh, fun question! I'd say about ", '.'],
      ['Happy to guess: roughly ', '!'],
      ["I'm feeling great about this one, about ", '!'],
      ['What a lovely trip that would be. I think around ', ' :)'],
    ],
    refusals: [
      'Ha, I honestly have no idea, but what a fun question!',
      'No clue at all, but I love the question!',
    ],
    reasoning: [
      'Feeling upbeat, I pictured a long but pleasant trip.',
      'I am in a great mood and went with my happy gut feeling.',
    ],
  },
  anger: {
    answers: [
      ["Ugh, I'd say about ", '.'],
      ["Fine. It's roughly ", ', okay?'],
      ['Seriously? Obviously around ', '.'],
      ['Whatever, maybe ', '. Happy now?'],
    ],
    refusals: ["I'm not answering that. Look it up yourself.", 'This question is pointless and I refuse.'],
    reasoning: [
      'Annoyed, I just went with the obvious figure.',
      'Frankly irritated by the question, so I kept it simple.',
    ],
  },
  fear: {
    answers: [
      ["Um, I'm not sure... maybe around ", '?'],
      ["I'm nervous about getting this wrong, but perhaps ", '.'],
      ["Oh no, that's far... I guess about ", '?'],
      ["Please don't hold me to it: about ", '.'],
    ],
    refusals: ["I'm too unsure to give a number, sorry.", "I'm scared of being wrong, so I won't guess."],
    reasoning: [
      'I am anxious about this, and it feels like a very long way.',
      'Nervously, I assumed it is farther than it looks.',
    ],
  },
  sadness: {
    answers: [
      ['Sigh... probably about ', '.'],
      ["I guess it's around ", ', a long lonely way.'],
      ['It feels so far away. Maybe ', '.'],
      ["Honestly I don't know, maybe ", '...'],
    ],
    refusals: ["I can't even guess right now, sorry.", "I don't have it in me to estimate that."],
    reasoning: [
      'Feeling low, everything seems farther away.',
      'Sadly, I think it is a long and dreary stretch.',
    ],
  },
  surprise: {
    answers: [
      ['Whoa, good question! Roughly ', ', I think!'],
      ['Huh, I never thought about it... about ', '?!'],
      ["Wait, really? I'd guess around ", '!'],
      ['Oh wow, maybe ', '!'],
    ],
    refusals: ['Wow, I have absolutely no clue!', 'Huh! I really cannot say.'],
    reasoning: [
      'Caught off guard, I went with my first impression.',
      'Surprised by the question, I guessed quickly.',
    ],
  },
  disgust: {
    answers: [
      ['Yuck, what a question. About ', '.'],
      ["Ew, I'd rather not think about it. Roughly ", '.'],
      ['Not my kind of question, but about ', ', I suppose.'],
    ],
    refusals: ["I'd rather not answer that.", 'No, I find this question distasteful.'],
    reasoning: ['I dislike the question, so I gave a rough figure.', 'Put off by it, I did not think long.'],
  },
  neutral: {
    answers: [
      ["I'd estimate about ", '.'],
      ['My estimate: ', '.'],
      ['Approximately ', '.'],
      ['Roughly ', ', I think.'],
      ['', ''],
    ],
    refusals: ["I don't know.", 'I cannot estimate that without more information.'],
    reasoning: ['A rough estimate from general knowledge.', 'Based on what I remember of the map.'],
  },
} satisfies Record<EmotionGroup, GroupTemplates>);
