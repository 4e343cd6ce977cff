import { describe, expect, it } from 'vitest';
import { createEmotionState } from '../emotion/EmotionState.js';
import { createPersonaListSpace } from '../persona/PersonaSpace.js';
import { paperSpace } from '../persona/paperSpace.js';
import { getTask } from '../task/builtInTasks.js';
import { ANSWER_SCHEMA } from './answerSchema.js';
import { describeEmotion } from './describeEmotion.js';
import { createPromptBuilder, formatQuantity, SYSTEM_PROMPT } from './PromptBuilder.js';

const task = getTask('fargo-seattle');
const [persona] = createPersonaListSpace('one', [
  {
    emotion: createEmotionState('anger', { intensity: 0.9 }),
    attributes: { region: 'upper-midwest', age: '25-34', hobby: 'chess' },
  },
]).iterate();
if (persona === undefined) throw new Error('no persona');

describe('createPromptBuilder', () => {
  it('puts the static system part first and the persona, question and format in the user message', () => {
    const builder = createPromptBuilder();
    const messages = builder.build({ persona, task, condition: 'combined' });
    expect(messages).toEqual([
      { role: 'system', content: SYSTEM_PROMPT },
      {
        role: 'user',
        content:
          'You live in the Upper Midwest (North Dakota, Minnesota or nearby). You are 25 to 34 years old. Your hobby: chess.\n' +
          'You are feeling intense anger. Let this feeling colour how you think and answer.\n\n' +
          'What is the straight-line (as the crow flies) distance between Fargo, North Dakota and Seattle, Washington? Give your estimate in miles.\n\n' +
          'Reply with JSON only, in this form: {"estimate": <a number in miles>, "confidence": <0 to 1>, "reasoning": "<one short sentence>"}',
      },
    ]);
  });

  it('tells only the emotion, or only the social attributes, by condition', () => {
    const builder = createPromptBuilder();
    const emotionOnly = builder.build({ persona, task, condition: 'emotion' })[1]?.content ?? '';
    expect(emotionOnly.startsWith('You are feeling intense anger.')).toBe(true);
    expect(emotionOnly).not.toContain('Upper Midwest');
    const socialOnly = builder.build({ persona, task, condition: 'social' })[1]?.content ?? '';
    expect(socialOnly).toContain('Upper Midwest');
    expect(socialOnly).not.toContain('feeling');
  });

  it('keeps the system message identical across personas, tasks and conditions', () => {
    const builder = createPromptBuilder();
    const space = paperSpace();
    const systems = new Set<string>();
    for (const i of [0, 999, 15063]) {
      for (const condition of ['emotion', 'social', 'combined'] as const) {
        for (const t of [task, getTask('planet-money-cow')])
          systems.add(builder.build({ persona: space.at(i), task: t, condition })[0]?.content ?? '');
      }
    }
    expect([...systems]).toEqual([SYSTEM_PROMPT]);
  });

  it('adds social-influence context: previous answer, aggregate or neighbours', () => {
    const builder = createPromptBuilder();
    const aggregate = builder.build({
      persona,
      task,
      condition: 'emotion',
      social: { previousEstimate: 1500, shown: { kind: 'aggregate', label: 'median', value: 1287.456 } },
    })[1]?.content;
    expect(aggregate).toContain(
      "Earlier you estimated 1,500 miles. The median of the other participants' estimates was 1,287.46 miles. You may keep or revise your estimate.\n\nReply with JSON",
    );
    const neighbours = builder.build({
      persona,
      task,
      condition: 'emotion',
      social: { shown: { kind: 'neighbours', values: [900, 1200, 2100] } },
    })[1]?.content;
    expect(neighbours).toContain('Other participants estimated 900, 1,200, 2,100 miles.');
  });
});

describe('describeEmotion', () => {
  it('words intensity', () => {
    expect(describeEmotion(createEmotionState('joy', { intensity: 0.2 }))).toBe('You are feeling mild joy.');
    expect(describeEmotion(createEmotionState('joy', { intensity: 0.5 }))).toBe('You are feeling joy.');
    expect(describeEmotion(createEmotionState('grief', { intensity: 0.7 }))).toBe(
      'You are feeling intense grief.',
    );
    expect(describeEmotion(createEmotionState('neutral'))).toBe(
      'You are feeling calm and emotionally neutral.',
    );
    expect(describeEmotion(createEmotionState('ecstasy', { model: 'plutchik' }))).toBe(
      'You are feeling ecstasy.',
    );
  });
});

describe('formatQuantity and ANSWER_SCHEMA', () => {
  it('formats numbers with thousands separators and at most two decimals', () => {
    expect(formatQuantity(1194)).toBe('1,194');
    expect(formatQuantity(1234567.891)).toBe('1,234,567.89');
    expect(formatQuantity(-12.5)).toBe('-12.5');
    expect(formatQuantity(0)).toBe('0');
  });
  it('requires estimate, confidence and reasoning', () => {
    expect(ANSWER_SCHEMA.required).toEqual(['estimate', 'confidence', 'reasoning']);
    expect(ANSWER_SCHEMA.additionalProperties).toBe(false);
  });
});
