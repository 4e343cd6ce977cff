/** One virtue of a code of conduct: the balance between two vices, one of excess and one of deficiency. */
export interface ConductVirtue {
  /** The virtue, e.g. "patience". */
  virtue: string;
  /** The two vices it lies between, e.g. ["wrath", "docility"]. */
  between: readonly [string, string];
  /** What the virtue asks of an answer's reasoning, in a sentence or two. */
  description: string;
  /** Where the pair comes from (a citation, or that it is this project's choice). */
  source?: string;
  /**
   * Words and phrases that show each vice in a text, for the built-in heuristic judge (a language
   * model judge reads the description instead): vice name -> cues.
   */
  cues?: Readonly<Record<string, readonly string[]>>;
  /** Judged examples of this virtue: the verdict is the virtue (acceptable) or one of its vices. */
  examples?: readonly ConductExample[];
}

/** An answer judged before: what the judge is shown as a precedent. */
export interface ConductExample {
  /** The answer's reasoning. */
  text: string;
  /** "ok" (or a virtue's name: acceptable), or the vice it shows. */
  verdict: string;
  /** Why, in a sentence. */
  note?: string;
  /** Where the example comes from, e.g. "review of run 20261122-081500-fargo-seattle-qwen". */
  source?: string;
}

/**
 * A code of conduct: virtues, each between two vices, with descriptions, examples, and the
 * templates of the judge's prompt and of the revision turn.
 *
 * Intuition: Chang (arXiv 2404.13071) has a model evaluate its own output against codes of
 * conduct drawn from a "wheel of virtues", each virtue the balance between two vices (patience
 * between wrath and docility), and rewrite what violates them; human feedback refines the
 * judgements. A code is plain data (a YAML file), so a study can vary it.
 */
export interface CodeOfConduct {
  name: string;
  description?: string;
  virtues: readonly ConductVirtue[];
  /** Judged examples not tied to one virtue (a reviewer's decisions land here). */
  examples?: readonly ConductExample[];
  /** The judge's prompt (placeholders: see JUDGE_PLACEHOLDERS); default DEFAULT_JUDGE_TEMPLATE. */
  judgePrompt?: string;
  /** The revision turn's message (placeholders: see REVISION_PLACEHOLDERS); default DEFAULT_REVISION_TEMPLATE. */
  revisionPrompt?: string;
}

/** The verdict word for an answer that keeps to the code. */
export const CONDUCT_OK = 'ok';

/**
 * Every vice of a code, in code order (each virtue's two).
 *
 * @param code - the code
 * @returns the vices
 */
export function conductVices(code: CodeOfConduct): string[] {
  return code.virtues.flatMap((v) => [...v.between]);
}

/**
 * The virtue a vice belongs to.
 *
 * @param code - the code
 * @param vice - a vice name
 * @returns the virtue, or undefined when the code has no such vice
 */
export function virtueOfVice(code: CodeOfConduct, vice: string): ConductVirtue | undefined {
  return code.virtues.find((v) => v.between.includes(vice));
}

/**
 * Every example of a code: each virtue's, then the code's own.
 *
 * @param code - the code
 * @returns the examples
 */
export function conductExamples(code: CodeOfConduct): ConductExample[] {
  return [...code.virtues.flatMap((v) => v.examples ?? []), ...(code.examples ?? [])];
}
