import type { ResponseRecord } from '@emocrowd/crowd/analysis';

/** Answers read from a file, with the truth when the file says it. */
export interface ParsedResponses {
  records: ResponseRecord[];
  /** From a `truth` column (CSV) or undefined. */
  truth?: number;
  /** Which column held the estimates (CSV). */
  estimateColumn?: string;
}

const ESTIMATE_COLUMNS = [
  'estimate',
  'value',
  'guess',
  'guess_lb',
  'response',
  'response_1',
  'e1',
  'pre_influence',
];
const TRUTH_COLUMNS = ['truth', 'correct', 'true_value', 'calgold'];

/**
 * Reads a dropped file of answers: emocrowd's `responses.jsonl` (one `ResponseRecord` per line),
 * or a CSV of estimates such as the human crowd data sets (a header row; the estimate column is
 * `estimate`, `value`, `guess`, `response`, ... or else the first numeric column; a `truth`
 * column gives the truth; `emotion`, `confidence`, `round` are used when present; other columns
 * with few distinct values become attributes to break down by).
 *
 * @param name the file name (its extension picks the format; otherwise the content does).
 * @param text the file's text.
 * @returns the answers, and the truth if the file has one.
 * @throws Error with one line naming the line or column that is wrong.
 */
export function parseResponsesFile(name: string, text: string): ParsedResponses {
  const trimmed = text.trimStart();
  const isJsonl = /\.jsonl?$/i.test(name) || (!/\.csv$/i.test(name) && trimmed.startsWith('{'));
  return isJsonl ? parseJsonl(text) : parseCsv(text);
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

/** Splits CSV text into rows of fields (RFC 4180: quotes, doubled quotes, newlines in quotes). */
function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function parseCsv(text: string): ParsedResponses {
  const rows = csvRows(text);
  const header = rows.shift()?.map((h) => h.trim());
  if (!header || rows.length === 0) throw new Error('the CSV needs a header row and at least one answer');
  const lower = header.map((h) => h.toLowerCase());
  const numeric = (col: number): boolean =>
    rows
      .slice(0, 50)
      .filter((r) => (r[col] ?? '').trim() !== '')
      .every((r) => Number.isFinite(Number(r[col])));
  let estimateCol = ESTIMATE_COLUMNS.map((name) => lower.indexOf(name)).find((i) => i >= 0) ?? -1;
  const truthCol = TRUTH_COLUMNS.map((name) => lower.indexOf(name)).find((i) => i >= 0) ?? -1;
  if (estimateCol < 0) estimateCol = header.findIndex((_, i) => i !== truthCol && numeric(i));
  if (estimateCol < 0) throw new Error(`no column of numbers found (columns: ${header.join(', ')})`);
  const emotionCol = lower.indexOf('emotion');
  const confidenceCol = lower.indexOf('confidence');
  const roundCol = lower.indexOf('round');
  const attributeCols = header
    .map((_, i) => i)
    .filter((i) => ![estimateCol, truthCol, emotionCol, confidenceCol, roundCol].includes(i))
    .filter((i) => {
      const distinct = new Set(rows.map((r) => r[i] ?? ''));
      return distinct.size >= 2 && distinct.size <= 30 && !numeric(i);
    });
  const truthText =
    truthCol >= 0 ? rows.find((r) => (r[truthCol] ?? '').trim() !== '')?.[truthCol] : undefined;
  const truth = truthText === undefined ? undefined : Number(truthText);
  const records = rows.map((r, i): ResponseRecord => {
    const raw = (r[estimateCol] ?? '').trim();
    const value = raw === '' ? Number.NaN : Number(raw);
    const confidence = confidenceCol >= 0 ? Number(r[confidenceCol]) : Number.NaN;
    const attributes: Record<string, string> = {};
    for (const col of attributeCols) attributes[header[col] as string] = (r[col] ?? '').trim() || 'unknown';
    return {
      personaId: `row${i + 1}`,
      personaIndex: i,
      ...(emotionCol >= 0 && (r[emotionCol] ?? '').trim() !== ''
        ? { emotion: (r[emotionCol] as string).trim() }
        : {}),
      attributes,
      replicate: 0,
      round: roundCol >= 0 && Number.isInteger(Number(r[roundCol])) ? Number(r[roundCol]) : 0,
      status: Number.isFinite(value) ? 'ok' : 'unparsed',
      ...(Number.isFinite(value) ? { estimate: value } : {}),
      ...(Number.isFinite(confidence) ? { confidence: confidence > 1 ? confidence / 100 : confidence } : {}),
      raw,
      latencyMs: 0,
      tokens: { prompt: 0, completion: 0 },
      cached: false,
      model: 'file',
    };
  });
  return {
    records,
    ...(truth !== undefined && Number.isFinite(truth) ? { truth } : {}),
    estimateColumn: header[estimateCol] as string,
  };
}
