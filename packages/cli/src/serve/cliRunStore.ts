import { listRuns, readRun } from '@emocrowd/crowd';
import { startRun } from '../run/startRun.js';
import type { ServeRunStore } from './ServeRunStore.js';

/**
 * The run store of `emocrowd run`, as the serve server uses it: runs started from the browser
 * go through the same `startRun` as the command line (same directories, same files), listing
 * and reading use the crowd package's store functions.
 *
 * Run ids carry the start time to the second; two runs of the same task and model started in
 * the same second would share an id, so each start's clock is moved on to a second no earlier
 * run of this server has used.
 *
 * @param env the server's environment (OLLAMA_HOST, cache location).
 * @param cwd where relative paths are resolved (default the process's).
 * @returns the store.
 */
export function cliRunStore(
  env: Readonly<Record<string, string | undefined>>,
  cwd = process.cwd(),
): ServeRunStore {
  let lastSecond = 0;
  return {
    async startRun(request, runsDir) {
      const second = Math.max(Math.floor(Date.now() / 1000), lastSecond + 1);
      lastSecond = second;
      const started = new Date(second * 1000);
      return startRun(request, { runsDir, env, cwd, now: () => started });
    },
    async listRuns(runsDir) {
      return listRuns(runsDir).map(({ dir: _dir, ...row }) => row);
    },
    async readRun(dir) {
      const stored = readRun(dir);
      const { descriptor, createdAt } = stored.manifest;
      return {
        run: { descriptor, createdAt },
        ...(stored.summary ? { summary: stored.summary } : {}),
        records: stored.records,
      };
    },
  };
}
