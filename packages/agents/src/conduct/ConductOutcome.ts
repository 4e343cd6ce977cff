/** What the conduct check did to one answer (the `conduct` field of an answer and its record). */
export interface ConductOutcome {
  /** `ok` / `violation` as the judge said; `unjudged` when the judge failed or gave no verdict. */
  verdict: 'ok' | 'violation' | 'unjudged';
  /** The virtue concerned (violations). */
  virtue?: string;
  /** The vice the judge found (violations; absent when it named none of the code's). */
  vice?: string;
  /** The judge's note (the revision turn quotes it). */
  note?: string;
  /** The judge: the model's id; "synthetic" is the built-in heuristic judge. */
  judge: string;
  /** Why there is no verdict. */
  reason?: string;
  /** The judge's text (language-model judges). */
  judgeRaw?: string;
  /** The judge's answer came from the response cache. */
  judgeCached?: boolean;
  /** The judge call's tokens as its model reported them (language-model judges whose call returned). */
  judgeTokens?: { prompt: number; completion: number };
  /** True when the answer's estimate, confidence and text are the revision's. */
  revised: boolean;
  /** The first answer, kept when a revision was asked. */
  original?: {
    status: 'ok' | 'unparsed' | 'failed';
    estimate?: number;
    confidence?: number;
    isRange?: boolean;
    raw?: string;
    /** The first call's tokens. */
    tokens: { prompt: number; completion: number };
    /** The first answer came from the response cache. */
    cached: boolean;
  };
  /**
   * The revision turn, when one was asked: its status (and why it gave no number), whether the
   * cache served it, and its tokens.
   */
  revision?: {
    status: 'ok' | 'unparsed' | 'failed';
    reason?: string;
    cached: boolean;
    tokens: { prompt: number; completion: number };
  };
}
