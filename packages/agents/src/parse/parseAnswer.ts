import type { EstimationTask, TaskUnit } from '../task/EstimationTask.js';
import { replaceSpelledNumbers } from './spelledNumbers.js';

/** A read answer: an estimate in the task's unit, or why none could be read. */
export type ParsedAnswer =
  | {
      status: 'ok';
      /** In the task's unit (converted when the answer named another accepted unit). */
      estimate: number;
      /** 0..1 when the answer stated one (percentages are divided by 100). */
      confidence?: number;
      /** True when the answer was a range and `estimate` is its midpoint. */
      isRange?: boolean;
      /** The unit the answer was stated in, when it named one. */
      unit?: string;
    }
  | { status: 'unparsed'; reason: string };

interface Candidate {
  start: number;
  end: number;
  /** In the task's unit. */
  value: number;
  unit: string | undefined;
  isRange: boolean;
  /** After an answer marker or in bold. */
  marked: boolean;
  /** The number as written, before multiplier and unit. */
  raw: number;
  /** The k / thousand / million multiplier, when written. */
  rawMult: number | undefined;
  /** The unit's factor, when a unit was written. */
  unitFactor: number | undefined;
}

const NO_ESTIMATE = 'structured answer has no estimate';
const ESTIMATE_KEYS = [
  'estimate',
  'answer',
  'value',
  'distance',
  'weight',
  'count',
  'number',
  'result',
  'guess',
  'final_answer',
];
const REFUSAL =
  /\b(i\s*(?:can(?:no|')t|am\s+(?:not\s+able|unable)|'m\s+(?:not\s+able|unable)|won'?t|will\s+not|do\s*n[o']t\s+know)|as\s+an\s+ai\b|i'?m\s+sorry|cannot\s+(?:provide|answer|estimate|determine)|unable\s+to\s+(?:provide|answer|estimate|determine)|not\s+(?:able|possible)\s+to\s+(?:provide|answer|estimate|know))/i;
const MARKER =
  /(?:final\s+answer|final\s+estimate|best\s+(?:guess|estimate)|my\s+(?:estimate|guess|answer)|estimated?|answer|i\s+(?:would|'d)\s+(?:say|guess|estimate)|i\s+(?:think|believe|estimate|guess))\W{0,6}(?:is|of|would\s+be|:|=|-)?\W{0,4}(?:about|around|approximately|roughly|nearly|close\s+to|some|~)?\W{0,3}$/i;
const NON_QUANTITY_PREFIX =
  /(?:\b(?:i|interstate|us|u\.s\.|route|highway|hwy|sr|exit|no\.|number|#)\s*-?\s*|#)$/i;
const CONFIDENCE =
  /\bconfiden(?:ce|t)\b\W{0,4}(?:level|score|of|is|:|=)?\W{0,4}(\d+(?:\.\d+)?)\s*(%|percent)?/gi;
const PERCENT = /(\d+(?:\.\d+)?)\s*(?:%|percent\b)/gi;
const NUMBER = /(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s*(k\b|thousand\b|million\b|billion\b))?/gi;
const MULTIPLIER: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, million: 1e6, billion: 1e9 };
const FILLERS = [
  'people',
  'inhabitants',
  'persons',
  'residents',
  'jelly beans',
  'jellybeans',
  'beans',
  'murders',
  'cases',
  'road',
  'driving',
  'air',
  'straight-line',
];

/**
 * Reads a model's answer to an estimation task.
 *
 * Intuition: models answer in JSON when asked, but also in prose, with units, ranges, words and
 * markdown; the parser recovers one number in the task's unit, and refuses to guess when the
 * answer holds several different numbers (as Aher et al. 2023 reject multi-number answers).
 *
 * Behaviour:
 * 1. Markdown fences are stripped; a JSON object in the text is read with
 *    {@link parseStructuredAnswer} (estimate / answer / value / distance ... keys); when it has
 *    an estimate key its verdict stands, so numbers inside "reasoning" never replace it.
 * 2. Otherwise the prose is read: thousands separators (1,194; 1 194 with thin or no-break
 *    spaces), decimals, k / thousand / million suffixes ("about 1.2k"), spelled-out numbers
 *    ("one thousand two hundred"), units after the number converted to the task's unit (km ->
 *    mi), ranges ("1,100-1,300", "1100 to 1300", "between 1100 and 1300") as their midpoint with
 *    isRange, confidences ("confidence: 0.8", "80% sure") taken out as confidence.
 * 3. Numbers that are not quantities are ignored: road names (I-94), and numbers that appear in
 *    the question itself (a year) when other numbers exist.
 * 4. Several numbers: a number after an answer marker ("final answer:", "I'd estimate") or in
 *    bold wins; numbers that agree within 3 % after unit conversion ("1,194 miles (1,921 km)")
 *    are one answer; otherwise the answer is unparsed with reason "conflicting numbers: ...".
 * 5. No number: unparsed with reason "refusal" when the text declines, else "no number found".
 *
 * @param text - the model's raw text
 * @param task - the task, for units and the question
 * @returns the parsed answer
 */
export function parseAnswer(text: string, task: EstimationTask): ParsedAnswer {
  const unfenced = text.replace(/```[a-zA-Z]*\s*\n?/g, '').trim();
  const json = findJsonObject(unfenced);
  if (json !== undefined) {
    const structured = parseStructuredAnswer(json, task);
    // An object that names an estimate decides; only objects without one fall back to the prose,
    // so numbers in a "reasoning" field never stand in for an unreadable estimate.
    if (structured.status === 'ok' || structured.reason !== NO_ESTIMATE) return structured;
  }
  return parseProse(unfenced, task);
}

/**
 * Reads a structured answer (the object a model returned for ANSWER_SCHEMA, or any JSON object).
 *
 * Behaviour: the estimate is the first present key among estimate, answer, value, distance,
 * weight, count, number, result, guess, final_answer (case-insensitive), else any key containing
 * "estimate", else the only numeric value. A number is taken as is (converted when a `unit`
 * key names another accepted unit); a string is read as prose; { low, high } / { min, max } or a
 * two-number array is a range. `confidence` in 0..1 is kept, 1 < c <= 100 is divided by 100,
 * "80%" strings are read; anything else is dropped.
 *
 * @param value - the structured answer
 * @param task - the task
 * @returns the parsed answer
 */
export function parseStructuredAnswer(value: unknown, task: EstimationTask): ParsedAnswer {
  if (typeof value === 'number')
    return finite(value)
      ? { status: 'ok', estimate: value }
      : { status: 'unparsed', reason: 'not a finite number' };
  if (typeof value === 'string') return parseProse(value, task);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { status: 'unparsed', reason: 'structured answer is not an object' };
  }
  const entries = new Map(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v] as const));
  let raw: unknown;
  for (const key of ESTIMATE_KEYS) {
    if (entries.has(key)) {
      raw = entries.get(key);
      break;
    }
  }
  if (raw === undefined) raw = [...entries].find(([k]) => k.includes('estimate'))?.[1];
  if (raw === undefined) {
    const numeric = [...entries].filter(([k, v]) => typeof v === 'number' && k !== 'confidence');
    if (numeric.length === 1) raw = numeric[0]?.[1];
  }
  if (raw === undefined || raw === null)
    return { status: 'unparsed', reason: 'structured answer has no estimate' };
  const unitName = entries.get('unit') ?? entries.get('units');
  const unit = typeof unitName === 'string' ? findUnit(task, unitName.trim().toLowerCase()) : undefined;
  const factor = unit?.factor ?? 1;

  let result: ParsedAnswer;
  const range = readRange(raw);
  if (typeof raw === 'number') {
    result = finite(raw)
      ? { status: 'ok', estimate: raw * factor }
      : { status: 'unparsed', reason: 'estimate is not a finite number' };
  } else if (range !== undefined) {
    result = { status: 'ok', estimate: ((range[0] + range[1]) / 2) * factor, isRange: true };
  } else if (typeof raw === 'string') {
    result = parseProse(unit === undefined ? raw : `${raw} ${unit.aliases[0] ?? unit.unit}`, task);
  } else {
    return { status: 'unparsed', reason: 'estimate is not a number' };
  }
  if (result.status !== 'ok') return result;
  if (unit !== undefined && unit.unit !== '') result.unit = unit.unit;
  const confidence = readConfidence(entries.get('confidence'));
  if (confidence !== undefined) result.confidence = confidence;
  return result;
}

function finite(x: number): boolean {
  return Number.isFinite(x);
}

function readRange(raw: unknown): [number, number] | undefined {
  if (Array.isArray(raw) && raw.length === 2 && raw.every((x) => typeof x === 'number' && finite(x)))
    return [raw[0], raw[1]];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const o = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
    const lo = o.low ?? o.min ?? o.lower ?? o.from;
    const hi = o.high ?? o.max ?? o.upper ?? o.to;
    if (typeof lo === 'number' && typeof hi === 'number' && finite(lo) && finite(hi)) return [lo, hi];
  }
  return undefined;
}

function readConfidence(raw: unknown): number | undefined {
  let c: number | undefined;
  if (typeof raw === 'number') c = raw;
  else if (typeof raw === 'string') {
    const m = /(\d+(?:\.\d+)?)\s*(%)?/.exec(raw);
    if (m?.[1] !== undefined) c = Number(m[1]) / (m[2] === '%' ? 100 : 1);
  }
  if (c === undefined || !finite(c) || c < 0) return undefined;
  if (c > 1 && c <= 100) c /= 100;
  return c <= 1 ? c : undefined;
}

function findJsonObject(text: string): unknown {
  const first = text.indexOf('{');
  if (first < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = first; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) {
        try {
          return JSON.parse(text.slice(first, i + 1)) as unknown;
        } catch {
          return undefined;
        }
      }
    }
  }
  return undefined;
}

function findUnit(task: EstimationTask, word: string): TaskUnit | undefined {
  if (word === '') return undefined;
  return task.units.find((u) => u.unit.toLowerCase() === word || u.aliases.includes(word));
}

/** Longest alias of any accepted unit at the start of `after` (one filler word allowed before it). */
function unitAt(task: EstimationTask, after: string): { unit: TaskUnit; length: number } | undefined {
  const lower = after.toLowerCase();
  const lead = /^\s*/.exec(lower)?.[0].length ?? 0;
  const starts = [lead];
  for (const filler of FILLERS) {
    if (lower.startsWith(filler, lead))
      starts.push(lead + filler.length + (/^\s*/.exec(lower.slice(lead + filler.length))?.[0].length ?? 0));
  }
  let best: { unit: TaskUnit; length: number } | undefined;
  for (const start of starts) {
    for (const unit of task.units) {
      for (const alias of unit.aliases) {
        if (alias === '' || !lower.startsWith(alias, start)) continue;
        const next = lower[start + alias.length];
        if (next !== undefined && /[a-z0-9²]/.test(next)) continue;
        const length = start + alias.length;
        if (best === undefined || alias.length > best.length - start) best = { unit, length };
      }
    }
  }
  return best;
}

function parseProse(original: string, task: EstimationTask): ParsedAnswer {
  let text = original
    .replace(/[\u2013\u2014\u2212]/g, '-')
    .replace(/(\d)[\u00a0\u202f\u2009](?=\d{3}\b)/g, '$1,')
    .replace(/(\d)\s+(?=\d{3}\s*(?:mi|km|miles|kilomet|lb|pounds|kg)\b)/gi, '$1,');
  text = replaceSpelledNumbers(text);

  let confidence: number | undefined;
  text = text.replace(CONFIDENCE, (match, num: string, pct: string | undefined) => {
    confidence = readConfidence(pct === undefined ? Number(num) : `${num}%`);
    return ' '.repeat(match.length);
  });
  text = text.replace(PERCENT, (match, num: string) => {
    confidence ??= readConfidence(`${num}%`);
    return ' '.repeat(match.length);
  });

  const candidates: Candidate[] = [];
  const boldSpans = [...text.matchAll(/\*\*([^*]+)\*\*/g)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const prev = text[start - 1];
    // Digits glued to a word ("I94", "v2") or after a decimal point are not quantities.
    if (prev !== undefined && /[a-z0-9.]/i.test(prev)) continue;
    if (NON_QUANTITY_PREFIX.test(text.slice(Math.max(0, start - 12), start))) continue;
    const base = Number((m[1] ?? '').replace(/,/g, '') + (m[2] ?? ''));
    const mult = m[3] === undefined ? 1 : (MULTIPLIER[m[3].toLowerCase()] ?? 1);
    let end = start + m[0].length;
    const unit = unitAt(task, text.slice(end, end + 48));
    if (unit !== undefined) end += unit.length;
    const before = text.slice(Math.max(0, start - 48), start);
    const marked = MARKER.test(before) || boldSpans.some(([a, b]) => start >= a && start < b);
    candidates.push({
      start,
      end,
      value: base * mult * (unit?.unit.factor ?? 1),
      unit: unit === undefined || unit.unit.unit === '' ? undefined : unit.unit.unit,
      isRange: false,
      marked,
      raw: base,
      rawMult: m[3] === undefined ? undefined : mult,
      unitFactor: unit?.unit.factor,
    });
  }

  const merged = mergeRanges(text, candidates);
  let pool = merged;
  if (pool.length > 1) {
    const questionNumbers = new Set(
      [...task.question.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, ''))),
    );
    const filtered = pool.filter((c) => !questionNumbers.has(c.value));
    if (filtered.length > 0) pool = filtered;
  }
  if (pool.length === 0) {
    return { status: 'unparsed', reason: REFUSAL.test(original) ? 'refusal' : 'no number found' };
  }
  const marked = pool.filter((c) => c.marked);
  if (marked.length > 0) pool = marked;
  const chosen = agreeing(pool, task);
  if (chosen === undefined) {
    const shown = pool
      .slice(0, 5)
      .map((c) => `${formatNumber(c.value)}${task.unit === '' ? '' : ` ${task.unit}`}`);
    return { status: 'unparsed', reason: `conflicting numbers: ${shown.join(', ')}` };
  }
  const out: ParsedAnswer = { status: 'ok', estimate: chosen.value };
  if (chosen.isRange) out.isRange = true;
  if (chosen.unit !== undefined) out.unit = chosen.unit;
  if (confidence !== undefined) out.confidence = confidence;
  return out;
}

function mergeRanges(text: string, candidates: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i] as Candidate;
    const b = candidates[i + 1];
    if (b !== undefined) {
      const between = text.slice(a.end, b.start);
      const isDash = /^\s*(?:-|to|or)\s*$/i.test(between);
      const isBetween =
        /^\s*and\s*$/i.test(between) &&
        /\b(?:between|from)\s+(?:about\s+|around\s+|roughly\s+)?$/i.test(
          text.slice(Math.max(0, a.start - 24), a.start),
        );
      if (isDash || isBetween) {
        // "1,100-1,300 miles": the second number's unit and multiplier apply to a bare first number.
        let lo = a.raw * (a.rawMult ?? 1);
        if (a.rawMult === undefined && b.rawMult !== undefined && a.raw < b.raw) lo = a.raw * b.rawMult;
        lo *= a.unitFactor ?? b.unitFactor ?? 1;
        const hi = b.value;
        out.push({
          ...b,
          start: a.start,
          value: (lo + hi) / 2,
          unit: a.unit ?? b.unit,
          isRange: true,
          marked: a.marked || b.marked,
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The answer when all candidates agree within 3 %; prefers one stated in the task's unit. */
function agreeing(pool: Candidate[], task: EstimationTask): Candidate | undefined {
  const first = pool[0];
  if (first === undefined) return undefined;
  const agree = pool.every(
    (c) => Math.abs(c.value - first.value) <= 0.03 * Math.max(Math.abs(c.value), Math.abs(first.value)),
  );
  if (!agree) return undefined;
  return pool.find((c) => c.unit === undefined || c.unit === task.unit) ?? first;
}

function formatNumber(x: number): string {
  return Number.isInteger(x)
    ? x.toLocaleString('en-US')
    : x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
