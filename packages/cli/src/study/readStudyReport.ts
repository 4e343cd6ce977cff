import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildStudyReport,
  cellSamples,
  RUN_FILES,
  readRun,
  readStudy,
  type StudyCellInput,
  type StudyManifest,
  type StudyReport,
  type StudyReportOverrides,
} from '@emocrowd/crowd';
import { runPersonas } from '../analysis/runPersonas.js';
import { usageError } from '../command/CliError.js';

/**
 * The report of the study in `dir`: its study.json and every cell's run directory read, each
 * cell's crowd rebuilt as its summary was (personas from run.json, the run's groupBy and
 * selectCrowd k), then `buildStudyReport`.
 *
 * @param dir the study directory
 * @param cwd where a relative `dir` starts
 * @param overrides report options that replace the study file's
 * @returns the report and the manifest
 * @throws CliError (exit 2) naming the directory and the fix
 */
export function readStudyReport(
  dir: string,
  cwd: string,
  overrides: StudyReportOverrides = {},
): { report: StudyReport; manifest: StudyManifest; dir: string } {
  const root = resolve(cwd, dir);
  let manifest: StudyManifest;
  try {
    manifest = readStudy(root);
  } catch (error) {
    throw usageError((error as Error).message);
  }
  const cells: StudyCellInput[] = manifest.design.cells.map((cell) => {
    const runDir = join(root, cell.name);
    if (!existsSync(join(runDir, RUN_FILES.manifest))) return { cell, runDir: cell.name };
    let run: ReturnType<typeof readRun>;
    try {
      run = readRun(runDir);
    } catch (error) {
      throw usageError(
        `study ${manifest.design.name}, cell ${cell.name}: ${(error as Error).message.split('\n')[0]}`,
      );
    }
    const descriptor = run.manifest.descriptor;
    const request = run.manifest.request;
    const groupBy = Array.isArray(request.groupBy) ? (request.groupBy as string[]) : undefined;
    const personas = runPersonas(descriptor, run.manifest.cwd ?? cwd);
    return {
      cell,
      runDir: cell.name,
      run: {
        descriptor,
        ...(run.summary ? { summary: run.summary } : {}),
        samples: cellSamples({ descriptor, personas, records: run.records, ...(groupBy ? { groupBy } : {}) }),
        ...(typeof request.selectK === 'number'
          ? { strategyOptions: { selectCrowd: { k: request.selectK } } }
          : {}),
      },
    };
  });
  try {
    return { report: buildStudyReport(manifest, cells, overrides), manifest, dir: root };
  } catch (error) {
    if (error instanceof RangeError) throw usageError(`study report: ${error.message}`);
    throw error;
  }
}
