import { fileURLToPath } from 'node:url';

/**
 * Where the built viewer is: `apps/viewer/dist` of the repository, found from this module's
 * own location. The module sits at `packages/cli/src/serve/` when the CLI runs from source
 * (tsx, tests) and at `packages/cli/dist/serve/` when built, both four levels below the root.
 *
 * @returns the absolute path of apps/viewer/dist (it may not exist yet; run `npm run build`).
 */
export function viewerDistDir(): string {
  return fileURLToPath(new URL('../../../../apps/viewer/dist/', import.meta.url));
}
