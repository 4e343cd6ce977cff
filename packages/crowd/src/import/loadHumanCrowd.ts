import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { HumanCrowd } from '@emocrowd/agents';
import { crowdDataPath } from '@emocrowd/data';
import type { DataTable } from './DataTable.js';
import { type ExtractedCrowd, extractCrowds } from './extractCrowds.js';
import { parseCsvTable } from './parseCsvTable.js';

/**
 * Where a human crowd's file is: a name of the shipped crowds (packages/data/crowds, found
 * wherever the command runs) or an absolute path.
 *
 * @param file - `lorenz_2011.csv`, `clulab_calorie/responses.csv`, or an absolute path
 * @returns the absolute path
 */
export function humanCrowdPath(file: string): string {
  return isAbsolute(file) ? file : crowdDataPath(file);
}

/**
 * Reads the human answers to one question: one column of a CSV file, filtered to the question's
 * rows, with rows that are not numbers skipped and counted (`extractCrowds`).
 *
 * @param human - where the answers are and how to read them
 * @param truth - the question's truth (used when the file has no truth column)
 * @param tables - parsed files by path, shared between the items of one file (filled as read)
 * @returns the crowd; its `truth` is the file's own when `human.truthColumn` names one
 * @throws Error naming the file and the problem (unreadable, unknown column, no matching row)
 */
export function loadHumanCrowd(
  human: HumanCrowd,
  truth: number,
  tables: Map<string, DataTable> = new Map(),
): ExtractedCrowd {
  const path = humanCrowdPath(human.file);
  let table = tables.get(path);
  if (!table) {
    table = parseCsvTable(readFileSync(path, 'utf8'), human.file);
    tables.set(path, table);
  }
  const extracted = extractCrowds(table, {
    column: human.column,
    ...(human.truthColumn ? { truthColumn: human.truthColumn } : { truth }),
    filters: Object.entries(human.filter ?? {}).map(([column, value]) => ({ column, value })),
  });
  const crowd = extracted.crowds[0];
  if (!crowd || extracted.crowds.length !== 1) {
    throw new Error(`${human.file}: the human crowd of column ${human.column} is not one question`);
  }
  return crowd;
}
