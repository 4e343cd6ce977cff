import type { ResponseRecord } from '@emocrowd/crowd/analysis';
import { recordsFromCsv } from './recordsFromCsv.js';

/** Answers read from a file, with the truth when the file says it. */
export interface ParsedResponses {
  records: ResponseRecord[];
  /** From a `truth` column (CSV) or undefined. */
  truth?: number;
  /** Which column held the estimates (CSV). */
  estimateColumn?: string;
}

/**
 * Reads a dropped file of answers: emocrowd's `responses.jsonl` (one `ResponseRecord` per line),
 * or a CSV of estimates such as the human crowd data sets, read by crowd's strict CSV parser
 * exactly as the command line reads it (see `recordsFromCsv`).
 *
 * @param name the file name (its extension picks the format; otherwise the content does).
 * @param text the file's text.
 * @returns the answers, and the truth if the file has one.
 * @throws Error with one line naming the line or column that is wrong.
 */
export function parseResponsesFile(name: string, text: string): ParsedResponses {
  const trimmed = text.trimStart();
  const isJsonl = /\.jsonl?$/i.test(name) || (!/\.csv$/i.test(name) && trimmed.startsWith('{'));
  return isJsonl ? parseJsonl(text) : recordsFromCsv(name, text);
}

function parseJsonl(text: string): ParsedResponses {
  const records: ResponseRecord[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1} is not JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error(`line ${i + 1} is not a response record`);
    const r = value as Partial<ResponseRecord>;
    const estimate = typeof r.estimate === 'number' && Number.isFinite(r.estimate) ? r.estimate : undefined;
    const status =
      r.status === 'ok' || r.status === 'unparsed' || r.status === 'failed'
        ? r.status
        : estimate === undefined
          ? 'unparsed'
          : 'ok';
    records.push({
      ...(r as ResponseRecord),
      personaId: typeof r.personaId === 'string' ? r.personaId : `p${records.length}`,
      personaIndex: typeof r.personaIndex === 'number' ? r.personaIndex : records.length,
      attributes: typeof r.attributes === 'object' && r.attributes !== null ? r.attributes : {},
      replicate: typeof r.replicate === 'number' ? r.replicate : 0,
      round: typeof r.round === 'number' ? r.round : 0,
      status: status === 'ok' && estimate === undefined ? 'unparsed' : status,
      ...(estimate === undefined ? {} : { estimate }),
      latencyMs: typeof r.latencyMs === 'number' ? r.latencyMs : 0,
      tokens: r.tokens ?? { prompt: 0, completion: 0 },
      cached: r.cached === true,
      model: typeof r.model === 'string' ? r.model : 'unknown',
    });
  });
  if (records.length === 0) throw new Error('the file has no answers');
  return { records };
}
