/**
 * Parses CSV text into rows of fields, strictly after RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180).
 *
 * Intuition: published crowd data sets come from R (`write.csv`: every text field quoted,
 * `NA` for missing values), pandas and spreadsheets; a field may hold commas, doubled quotes
 * and line breaks inside quotes. A loose split on commas silently shifts columns, so anything
 * malformed is an error naming the line instead.
 *
 * Behaviour:
 * 1. Fields are separated by `,`, records by LF or CRLF; a UTF-8 byte order mark is ignored.
 * 2. A field starting with `"` is quoted: it ends at the next lone `"`, `""` inside stands for
 *    one quote, and commas and line breaks inside are data. Text after the closing quote
 *    (other than a separator) and an unterminated quote are errors.
 * 3. A quote inside an unquoted field is an error.
 * 4. A final line break does not start an empty record; blank lines elsewhere are records with
 *    one empty field (the caller decides what they mean).
 *
 * @param text the CSV text
 * @param source a name for error messages (a file path)
 * @returns the records, each an array of field texts, with the 1-based line each record starts on
 */
export function parseCsv(text: string, source = 'CSV'): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let line = 1;
  if (i >= n) return { rows, lines };
  let row: string[] = [];
  let rowLine = line;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      const quoteLine = line;
      i++;
      for (;;) {
        if (i >= n) throw new Error(`${source}:${quoteLine}: a quoted field is never closed (missing ")`);
        const c = text[i] as string;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && !(next === '\r' && text[i + 1] === '\n')) {
        throw new Error(
          `${source}:${line}: text after a closing quote; quotes inside a field must be doubled ("")`,
        );
      }
    } else {
      const start = i;
      while (i < n) {
        const c = text[i] as string;
        if (c === ',' || c === '\n' || (c === '\r' && text[i + 1] === '\n')) break;
        if (c === '"')
          throw new Error(
            `${source}:${line}: a quote inside an unquoted field; quote the field and double the quote`,
          );
        i++;
      }
      field = text.slice(start, i);
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      lines.push(rowLine);
      break;
    }
    const c = text[i] as string;
    if (c === ',') {
      i++;
      continue;
    }
    // end of record: \n or \r\n
    i += c === '\r' ? 2 : 1;
    line++;
    rows.push(row);
    lines.push(rowLine);
    if (i >= n) break;
    row = [];
    rowLine = line;
  }
  return { rows, lines };
}
