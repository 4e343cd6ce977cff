/**
 * One persona's answer as it is stored and streamed: a line of `responses.jsonl`, the payload
 * of `estimateSubmitted` / `estimateFailed` events. Flat and JSON-safe, so a run can be
 * analysed with pandas or R without emocrowd.
 */
export interface ResponseRecord {
  personaId: string;
  personaIndex: number;
  /** The persona's emotion label at the time of this answer (after updates in later rounds). */
  emotion?: string;
  emotionModel?: 'goemotions' | 'plutchik';
  intensity?: number;
  /** Social attributes shown to the model (empty in the emotion-only condition). */
  attributes: Record<string, string>;
  replicate: number;
  round: number;
  status: 'ok' | 'unparsed' | 'failed';
  /** The parsed estimate in the task's unit (status ok only). */
  estimate?: number;
  confidence?: number;
  /** The answer was a range; `estimate` is its midpoint. */
  isRange?: boolean;
  /** The model's raw text. */
  raw?: string;
  /** Why the answer is unparsed or failed. */
  reason?: string;
  latencyMs: number;
  tokens: { prompt: number; completion: number };
  cached: boolean;
  model: string;
  host?: string;
}

/** The identity of an answer within a run: at most one record per key. */
export function recordKey(record: Pick<ResponseRecord, 'round' | 'replicate' | 'personaIndex'>): string {
  return `${record.round}:${record.replicate}:${record.personaIndex}`;
}
