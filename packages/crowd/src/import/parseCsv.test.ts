import { describe, expect, it } from 'vitest';
import { csvField, formatCsv } from './formatCsv.js';
import { parseCsv } from './parseCsv.js';
import { parseCsvTable } from './parseCsvTable.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and a BOM', () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",\n';
    expect(parseCsv(text).rows).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', ''],
    ]);
  });

  it('gives each record the line it starts on', () => {
    expect(parseCsv('h\n"a\nb"\nc\n').lines).toEqual([1, 2, 4]);
  });

  it('refuses an unterminated quote, text after a closing quote and a bare quote, naming the line', () => {
    expect(() => parseCsv('a\n"open\n', 'f.csv')).toThrow(/f\.csv:2: a quoted field is never closed/);
    expect(() => parseCsv('a\n"x"y\n', 'f.csv')).toThrow(/f\.csv:2: text after a closing quote/);
    expect(() => parseCsv('a\nx"y\n', 'f.csv')).toThrow(/f\.csv:2: a quote inside an unquoted field/);
  });

  it('reads back what formatCsv writes, whatever the text', () => {
    const awkward = ['plain', 'a,b', 'he said "no"', 'line\nbreak', 'cr\r\nlf', ' padded ', '', '"', ',,,'];
    const rows = awkward.map((text, i) => [i, text, i % 2 === 0, null]);
    const csv = formatCsv(['n', 'text', 'even', 'none'], rows);
    const parsed = parseCsv(csv).rows;
    expect(parsed[0]).toEqual(['n', 'text', 'even', 'none']);
    expect(parsed.slice(1)).toEqual(
      awkward.map((text, i) => [String(i), text, i % 2 === 0 ? 'true' : 'false', '']),
    );
  });

  it('writes non-finite numbers as empty fields and quotes only when needed', () => {
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(1194.5)).toBe('1194.5');
    expect(csvField('abc')).toBe('abc');
    expect(csvField('a"b')).toBe('"a""b"');
  });
});

describe('parseCsvTable', () => {
  it('names an empty header (R row names), skips blank lines and refuses ragged rows', () => {
    const table = parseCsvTable('"","x"\n"1",5\n\n"2",6\n', 'r.csv');
    expect(table.columns).toEqual(['column1', 'x']);
    expect(table.rows).toEqual([
      ['1', '5'],
      ['2', '6'],
    ]);
    expect(table.lines).toEqual([2, 4]);
    expect(() => parseCsvTable('a,b\n1,2\n3\n', 'r.csv')).toThrow(
      /r\.csv:3: 1 fields where the header has 2/,
    );
    expect(() => parseCsvTable('a,a\n1,2\n', 'r.csv')).toThrow(/column "a" appears twice/);
    expect(() => parseCsvTable('', 'r.csv')).toThrow(/empty file/);
  });
});
