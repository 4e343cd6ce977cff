import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

/**
 * The viewer is a static app served by `emocrowd serve`. It imports crowd's statistics from
 * TypeScript source through the `@emocrowd/source` condition (no package build needed), and
 * the crowd's one use of `@emocrowd/models` in those files is the seeded RNG, so that import is
 * pointed at the RNG module alone: the bundle carries no Node-only model code.
 * `npm run dev` proxies /api to a running `emocrowd serve` on port 4173.
 */
export default defineConfig({
  resolve: {
    conditions: ['@emocrowd/source', ...defaultClientConditions],
    alias: [
      {
        find: /^@emocrowd\/models$/,
        replacement: fileURLToPath(new URL('../../packages/models/src/Rng.ts', import.meta.url)),
      },
    ],
  },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 300 },
  server: { proxy: { '/api': 'http://127.0.0.1:4173' } },
});
