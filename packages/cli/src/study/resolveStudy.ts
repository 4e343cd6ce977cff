import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DefinitionFileError } from '@emocrowd/agents';
import {
  designStudy,
  loadStudyFile,
  parseScale,
  type StudyCell,
  type StudyDesign,
  type StudyManifest,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';
import { resolveShard } from '../run/resolveShard.js';
import { VERSION } from '../version.js';

/** The study flags shared by `study plan` and `study run`. */
export interface StudyFlags {
  set: readonly string[];
  scale?: string;
  shard?: string;
  shards?: number;
  cells?: string;
  out?: string;
  runs: string;
}

/** A study resolved from its file and flags: the design, the manifest to store, the directory, the cells to run now. */
export interface ResolvedStudy {
  design: StudyDesign;
  manifest: StudyManifest;
  /** The study directory (absolute). */
  dir: string;
  /** The cells `--cells` selects (all by default), in the order they run: cells of one model together. */
  cells: StudyCell[];
  /** With `--shard auto`: which shard the scheduler's variables gave, to say on stderr. */
  shardNote?: string;
}

/**
 * Reads a study file, applies `--set`, `--scale`, `--shard` and `--cells`, and says where the study
 * lives: `--out DIR`, else `<runs>/<name>` with a suffix for each flag that changes the answers
 * (`-scale1of56`, `-set-<hash>`, `-shard1of2`), so running the same command again continues the
 * same directory and a rehearsal never mixes with the real study. Errors are one line naming the
 * file (and the path inside it) or the flag.
 *
 * @param file the study file as given
 * @param flags the flags
 * @param cwd where relative paths start
 * @param env the environment (`--shard auto` reads the scheduler's variables, see `resolveShard`)
 * @returns the resolved study
 */
export function resolveStudy(
  file: string,
  flags: StudyFlags,
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = {},
): ResolvedStudy {
  const path = resolve(cwd, file);
  if (!existsSync(path)) throw usageError(`study: no such file ${file}; give a study file (YAML or JSON)`);
  let design: StudyDesign;
  let scale: StudyManifest['scale'];
  try {
    design = designStudy(file, loadStudyFile(path, file), flags.set);
    if (flags.scale !== undefined) scale = parseScale(flags.scale);
  } catch (error) {
    if (error instanceof DefinitionFileError || error instanceof RangeError) throw usageError(error.message);
    throw error;
  }
  if (flags.shard === undefined && flags.shards !== undefined)
    throw usageError('--shards goes with --shard auto');
  const resolved =
    flags.shard === undefined
      ? undefined
      : resolveShard(flags.shard, { ...(flags.shards !== undefined ? { shards: flags.shards } : {}), env });
  const shard = resolved?.shard;
  const manifest: StudyManifest = {
    schemaVersion: 1,
    design,
    source: { file, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') },
    ...(scale && scale.numerator < scale.denominator ? { scale } : {}),
    ...(shard && shard.count > 1 ? { shard } : {}),
    createdAt: new Date().toISOString(),
    versions: { emocrowd: VERSION, node: process.version },
  };
  const suffix = [
    manifest.scale ? `-scale${manifest.scale.numerator}of${manifest.scale.denominator}` : '',
    design.overrides.length > 0
      ? `-set-${createHash('sha256').update(design.overrides.join('\n')).digest('hex').slice(0, 8)}`
      : '',
    manifest.shard ? `-shard${manifest.shard.index + 1}of${manifest.shard.count}` : '',
  ].join('');
  const dir = resolve(cwd, flags.out ?? join(flags.runs, `${design.name}${suffix}`));
  const shardNote =
    resolved && flags.shard?.trim() === 'auto'
      ? `shard ${resolved.shard.index + 1}/${resolved.shard.count} (from ${resolved.source})`
      : undefined;
  return {
    design,
    manifest,
    dir,
    cells: selectCells(design, flags.cells),
    ...(shardNote ? { shardNote } : {}),
  };
}

function selectCells(design: StudyDesign, list: string | undefined): StudyCell[] {
  let cells = [...design.cells];
  if (list !== undefined) {
    const names = list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = names.filter((name) => !design.cells.some((c) => c.name === name));
    if (names.length === 0 || unknown.length > 0)
      throw usageError(
        `--cells: ${unknown.length > 0 ? `no cell ${unknown.join(', ')}` : 'no cell named'}; cells of ${design.name}: ${design.cells.map((c) => c.name).join(', ')}`,
      );
    cells = cells.filter((c) => names.includes(c.name));
  }
  // One model after the other: a server loads each model once instead of switching back and forth.
  const models = [...new Set(cells.map((c) => c.settings.model ?? ''))];
  return models.flatMap((model) => cells.filter((c) => (c.settings.model ?? '') === model));
}
