const SMALL: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = { thousand: 1e3, million: 1e6, billion: 1e9 };

const WORD = /[a-z]+(?:-[a-z]+)?/gy;

/**
 * Replaces spelled-out English numbers with digits: "one thousand two hundred and ninety-four
 * miles" -> "1294 miles", "twelve hundred" -> "1200", "a thousand" -> "1000".
 *
 * Intuition: models sometimes write numbers in words; turning them into digits lets one
 * numeric reader handle every answer.
 *
 * Behaviour:
 * 1. A run of number words (units, teens, tens, hyphenated tens-units, "hundred", "thousand",
 *    "million", "billion", with "and" between number words, "a" before a scale word) becomes
 *    its value by the usual grouping (current group x scale, summed).
 * 2. Runs worth less than 10 with no scale word ("two cities", "one of") stay words, so
 *    counting words do not become stray numbers.
 * 3. Matching is case-insensitive; everything else is left as it is.
 *
 * @param text - any text
 * @returns the text with number phrases as digits
 */
export function replaceSpelledNumbers(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let i = 0;
  while (i < text.length) {
    const boundary = i === 0 || !/[a-z0-9]/i.test(text[i - 1] ?? '');
    if (boundary && /[a-z]/i.test(text[i] ?? '')) {
      const run = readRun(lower, i);
      if (run !== undefined) {
        out += String(run.value);
        i = run.end;
        continue;
      }
      WORD.lastIndex = i;
      const m = WORD.exec(lower);
      const len = m?.[0].length ?? 1;
      out += text.slice(i, i + len);
      i += len;
      continue;
    }
    out += text[i];
    i++;
  }
  return out;
}

function readRun(lower: string, start: number): { value: number; end: number } | undefined {
  let pos = start;
  let total = 0;
  let current = 0;
  let words = 0;
  let scaled = false;
  let end = start;
  let pendingA = false;
  while (pos < lower.length) {
    WORD.lastIndex = pos;
    const m = WORD.exec(lower);
    if (m === null) break;
    const word = m[0];
    const after = pos + word.length;
    const next = nextWord(lower, after);
    let consumed = true;
    if (word === 'a' && words === 0 && next !== undefined && (next === 'hundred' || next in SCALES)) {
      current = 1;
      pendingA = true;
    } else if (
      word === 'and' &&
      words > 0 &&
      next !== undefined &&
      (next in SMALL || (next.split('-')[0] ?? '') in SMALL)
    ) {
      // "two hundred and five": keep going
    } else if (word in SMALL) {
      current += SMALL[word] as number;
      words++;
    } else if (word.includes('-') && word.split('-').every((w) => w in SMALL)) {
      const [tens, unit] = word.split('-') as [string, string];
      current += (SMALL[tens] as number) + (SMALL[unit] as number);
      words++;
    } else if (word === 'hundred' && (words > 0 || pendingA)) {
      current = (current === 0 ? 1 : current) * 100;
      words++;
      scaled = true;
    } else if (word in SCALES && (words > 0 || pendingA)) {
      total += (current === 0 ? 1 : current) * (SCALES[word] as number);
      current = 0;
      words++;
      scaled = true;
    } else {
      consumed = false;
    }
    if (!consumed) break;
    if (word !== 'and' && word !== 'a') end = after;
    pos = skipSpaces(lower, after);
    // "one thousand, two hundred": a comma after a scale word continues the number.
    if (word in SCALES && lower[pos] === ',') {
      const following = nextWord(lower, pos + 1);
      if (following !== undefined && (following in SMALL || (following.split('-')[0] ?? '') in SMALL))
        pos = skipSpaces(lower, pos + 1);
    }
  }
  if (words === 0) return undefined;
  const value = total + current;
  if (!scaled && value < 10) return undefined;
  return { value, end };
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && (text[p] === ' ' || text[p] === '\t')) p++;
  return p;
}

function nextWord(text: string, pos: number): string | undefined {
  WORD.lastIndex = skipSpaces(text, pos);
  return WORD.exec(text)?.[0];
}
