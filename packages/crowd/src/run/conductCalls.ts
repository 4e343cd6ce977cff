import type { ConductOutcome } from '@emocrowd/agents';

/** One model call's tokens and whether the response cache served it. */
export interface CallUse {
  prompt: number;
  completion: number;
  cached: boolean;
}

/**
 * The calls the conduct check made for an answer besides the one whose tokens the answer carries.
 *
 * Behaviour:
 * 1. `persona`: the persona's other turn. When the answer was revised, its own tokens are the
 *    revision's and this is the first answer (`original`); when a revision was asked but gave no
 *    number, its own tokens are the first answer's and this is the revision. Absent when no
 *    revision was asked.
 * 2. `judge`: the judge's call (language-model judges whose call returned); the heuristic judge of
 *    the built-in model makes none.
 * 3. Records written before tokens were kept count 0 tokens for these calls.
 *
 * @param conduct - the answer's `conduct`
 * @returns the other persona call and the judge call, where there were any
 */
export function conductCalls(conduct: ConductOutcome): { persona?: CallUse; judge?: CallUse } {
  const calls: { persona?: CallUse; judge?: CallUse } = {};
  const other = conduct.revised ? conduct.original : conduct.revision;
  if (other !== undefined) calls.persona = use(other.tokens, other.cached ?? false);
  if (conduct.judgeTokens !== undefined) calls.judge = use(conduct.judgeTokens, conduct.judgeCached === true);
  return calls;
}

function use(tokens: { prompt: number; completion: number } | undefined, cached: boolean): CallUse {
  return { prompt: tokens?.prompt ?? 0, completion: tokens?.completion ?? 0, cached };
}
