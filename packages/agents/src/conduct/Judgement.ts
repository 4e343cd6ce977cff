/** What a judge said of one answer. */
export interface Judgement {
  /** `ok`: keeps to the code; `violation`: shows a vice. */
  verdict: 'ok' | 'violation';
  /** The virtue concerned (violations). */
  virtue?: string;
  /** The vice shown (violations; absent when the judge named none of the code's). */
  vice?: string;
  /** The judge's note to the answerer (the revision turn quotes it). */
  note: string;
}
