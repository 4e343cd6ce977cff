import { describe, expect, it } from 'vitest';
import { ANSWER_TEMPLATES } from './answerTemplates.js';

describe('ANSWER_TEMPLATES', () => {
  const pieces = Object.values(ANSWER_TEMPLATES).flatMap((g) => [
    ...g.answers.flat(),
    ...g.refusals,
    ...g.reasoning,
  ]);

  it('has no digits, dashes, quotes or backslashes (only the estimate is a number; JSON stays unescaped)', () => {
    for (const piece of pieces) {
      expect(piece).not.toMatch(/[\d\-–"\\]/);
      expect(JSON.stringify(piece)).toBe(`"${piece}"`);
    }
  });

  it('gives every group answers, refusals and reasons', () => {
    for (const group of Object.values(ANSWER_TEMPLATES)) {
      expect(group.answers.length).toBeGreaterThan(1);
      expect(group.refusals.length).toBeGreaterThan(0);
      expect(group.reasoning.length).toBeGreaterThan(0);
    }
  });
});
