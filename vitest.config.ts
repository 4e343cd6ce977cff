import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * One root config, one project per workspace package. Tests import the other packages'
 * TypeScript sources through the `@emocrowd/source` export condition, so no build is needed
 * to test a change. Tests that need a real Ollama are `*.int.test.ts` and skip themselves
 * unless OLLAMA_HOST is set.
 */
const conditions = ['@emocrowd/source', ...defaultServerConditions];

const project = (name: string, root: string, extra: Record<string, unknown> = {}) => ({
  extends: true as const,
  test: { name, include: [`${root}/**/*.test.ts`], ...extra },
});

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@emocrowd/source'] } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      project('data', 'packages/data/src'),
      project('models', 'packages/models/src'),
      project('agents', 'packages/agents/src'),
      project('crowd', 'packages/crowd/src'),
      project('cli', 'packages/cli/src'),
      project('viewer', 'apps/viewer/test'),
      project('docs', 'docs/test'),
    ],
  },
});
