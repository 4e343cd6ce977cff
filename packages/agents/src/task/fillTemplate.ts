/** One row of a template table: column name -> value. */
export type TemplateRow = Readonly<Record<string, string | number | boolean>>;

/** Named records a row may point at (`{from.name}` reads field `name` of the place `row.from`). */
export type TemplateLookup = Readonly<Record<string, object>>;

const PLACEHOLDER = /\{([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?\}/g;
const WHOLE = /^\{([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?\}$/;

/**
 * Fills the placeholders of a template with one row of a table, in every string of a JSON-like
 * value (objects and arrays are copied, other values kept).
 *
 * Behaviour:
 * 1. `{col}` is replaced by the row's value of column `col`; `{col.field}` by field `field` of
 *    the record `lookup[row.col]` (e.g. the name of the place a row names).
 * 2. A string that is exactly one placeholder takes the value's own type, so `value: "{count}"`
 *    becomes a number when the row holds a number.
 * 3. A placeholder naming a column the row lacks, or a record or field that does not exist,
 *    throws an Error that names it and what there is.
 *
 * @param value - the template (parsed JSON / YAML)
 * @param row - the row
 * @param lookup - records rows may name (e.g. places)
 * @returns the filled copy
 */
export function fillTemplate(value: unknown, row: TemplateRow, lookup: TemplateLookup = {}): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return resolve(whole[1] as string, whole[2], row, lookup);
    return value.replace(PLACEHOLDER, (_m, column: string, field: string | undefined) =>
      String(resolve(column, field, row, lookup)),
    );
  }
  if (Array.isArray(value)) return value.map((v) => fillTemplate(v, row, lookup));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, row, lookup)]));
  }
  return value;
}

function resolve(
  column: string,
  field: string | undefined,
  row: TemplateRow,
  lookup: TemplateLookup,
): unknown {
  if (!(column in row)) {
    throw new Error(
      `placeholder {${column}} names no column of the row (it has ${Object.keys(row).join(', ')})`,
    );
  }
  const cell = row[column];
  if (field === undefined) return cell;
  const record = lookup[String(cell)];
  if (record === undefined) {
    throw new Error(
      `placeholder {${column}.${field}}: "${String(cell)}" is not a known name (known: ${Object.keys(lookup).join(', ') || 'none'})`,
    );
  }
  if (!(field in record)) {
    throw new Error(`placeholder {${column}.${field}}: "${String(cell)}" has no field ${field}`);
  }
  return (record as Record<string, unknown>)[field];
}
