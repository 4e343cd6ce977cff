import {
  createRunDir,
  type ResponseRecord,
  RUN_FILES,
  type RunDescriptor,
  type RunManifest,
  RunStoreError,
  reopenRunDir,
} from '@emocrowd/crowd';
import { usageError } from '../command/CliError.js';

/** A run directory ready for the run's answers. */
export interface OpenedRunDir {
  descriptor: RunDescriptor;
  /** Answers already there (a resumed run). */
  completed: ResponseRecord[];
  /** Where responses.jsonl's complete lines end (a resumed run). */
  validBytes?: number;
}

/**
 * Creates the directory of a new run (writing run.json) or reopens the one of a run to continue,
 * through the run store's rules (`createRunDir`, `reopenRunDir`), and says in the command line's
 * terms how to fix a refusal: `--resume` for a directory holding a run, another `--out` for one
 * holding other files, and why a run cannot be continued.
 *
 * @param dir the run directory.
 * @param resume continue the run in `dir` rather than start one.
 * @param manifest the manifest of a new run (its descriptor is also what a resumed run must match).
 * @returns the descriptor in force (a resumed run keeps its own, with its id) and the answers so far.
 * @throws CliError (exit 2), nothing written.
 */
export function openRunDir(dir: string, resume: boolean, manifest: RunManifest): OpenedRunDir {
  try {
    if (!resume) {
      createRunDir(dir, manifest);
      return { descriptor: manifest.descriptor, completed: [] };
    }
    const { runId: _runId, ...expected } = manifest.descriptor;
    const reopened = reopenRunDir(dir, expected);
    return {
      descriptor: reopened.manifest.descriptor,
      completed: reopened.completed,
      validBytes: reopened.validBytes,
    };
  } catch (error) {
    if (!(error instanceof RunStoreError)) throw error;
    throw usageError(fixFor(error, dir));
  }
}

function fixFor(error: RunStoreError, dir: string): string {
  switch (error.kind) {
    case 'exists':
      return `${dir} already holds a run; continue it with --resume ${dir}, or choose another --out`;
    case 'not-empty':
      return `--out ${dir} is not empty and holds no run; choose a new or empty directory`;
    case 'no-run':
      return `--resume ${dir}: no run there (no ${RUN_FILES.manifest}); start it without --resume`;
    case 'different':
      return `--resume ${error.message}: new answers would not match those already there; start a new run with --out`;
    case 'unreadable':
      return `${error.message}; move the damaged file aside or choose another --out`;
  }
}
