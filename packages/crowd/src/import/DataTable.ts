/** One cell of a `DataTable`: text from a file, or a typed value from a run's answers. */
export type TableCell = string | number | boolean | null;

/**
 * A rectangular table with a header: a CSV file of human estimates, or a run's answers
 * flattened by `flattenRecords`. The common input of `extractCrowds` and `emocrowd export`.
 */
export interface DataTable {
  /** Where it came from (a file path), for messages. */
  readonly source: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly TableCell[])[];
  /** The 1-based line of each row in the source file, when it has lines. */
  readonly lines?: readonly number[];
}
