import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  describeStudyDifference,
  RUN_FILES,
  readStudy,
  STUDY_FILES,
  type StudyManifest,
  writeJsonAtomic,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import { type MergedRun, mergeRuns } from '../run/mergeRuns.js';
import { VERSION } from '../version.js';

/** What `mergeStudies` wrote. */
export interface MergedStudy {
  manifest: StudyManifest;
  /** Each cell merged, or why not (no shard holds it). */
  cells: { name: string; merged?: MergedRun }[];
  /** Shards of the split not among the directories (`2/4` style). */
  missingShards: string[];
}

/**
 * Merges the shards of one study (`study run --shard I/N`) into one study directory: study.json
 * without the shard, and each cell's shard runs merged into `<out>/<cell>` by `mergeRuns`.
 * Refuses directories that are not studies, that hold different studies (cells, settings or
 * scale; `describeStudyDifference`) or shards of different splits. The caller checks `out` may be
 * written; nothing is written before the studies are found to match.
 *
 * @param dirs the study directories (absolute)
 * @param shown how the user named them (for errors)
 * @param out the merged study directory (absolute)
 * @param cwd where relative persona files start
 * @returns what was merged
 * @throws CliError (exit 2) naming the directory and what differs
 */
export function mergeStudies(
  dirs: readonly string[],
  shown: readonly string[],
  out: string,
  cwd: string,
): MergedStudy {
  const manifests = dirs.map((dir, i) => {
    try {
      return readStudy(dir);
    } catch (error) {
      throw usageError(`study merge: ${shown[i]}: ${(error as Error).message}`);
    }
  });
  const first = manifests[0] as StudyManifest;
  const whole = (m: StudyManifest): StudyManifest => {
    const { shard: _shard, ...rest } = m;
    return rest;
  };
  manifests.forEach((m, i) => {
    const difference = describeStudyDifference(whole(first), whole(m), {
      wanted: `in ${shown[i]}`,
      stored: `in ${shown[0]}`,
    });
    if (difference)
      throw usageError(`study merge: ${shown[i]} is not a shard of the study in ${shown[0]} (${difference})`);
    if ((m.shard?.count ?? 1) !== (first.shard?.count ?? 1))
      throw usageError(
        `study merge: ${shown[i]} is a shard of ${m.shard?.count ?? 1} where ${shown[0]} is one of ${first.shard?.count ?? 1}; merge shards of one split`,
      );
  });
  mkdirSync(out, { recursive: true });
  const manifest: StudyManifest = {
    ...whole(first),
    createdAt: new Date().toISOString(),
    versions: { emocrowd: VERSION, node: process.version },
  };
  const cells = manifest.design.cells.map((cell) => {
    const parts = dirs.map((dir, i) => ({ dir: join(dir, cell.name), shown: `${shown[i]}/${cell.name}` }));
    const present = parts.filter((p) => existsSync(join(p.dir, RUN_FILES.manifest)));
    if (present.length === 0) return { name: cell.name };
    return {
      name: cell.name,
      merged: mergeRuns(
        present.map((p) => p.dir),
        present.map((p) => p.shown),
        join(out, cell.name),
        cwd,
      ),
    };
  });
  writeJsonAtomic(join(out, STUDY_FILES.manifest), manifest);
  const here = new Set(manifests.map((m) => m.shard?.index ?? 0));
  const count = first.shard?.count ?? 1;
  const missingShards = Array.from({ length: count }, (_, i) => i)
    .filter((i) => !here.has(i))
    .map((i) => `${i + 1}/${count}`);
  return { manifest, cells, missingShards };
}
