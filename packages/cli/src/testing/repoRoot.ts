import { fileURLToPath } from 'node:url';

/** The repository root (three levels above packages/cli/src/testing), for tests that read shared data. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
