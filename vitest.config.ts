import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': import.meta.dirname };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        // `server-only` throws outside Next; integration tests call server actions directly.
        resolve: { alias: { ...alias, 'server-only': path.join(import.meta.dirname, 'tests/helpers/empty-module.ts') } },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/helpers/integration-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/helpers/e2e-global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // One browser-driven file at a time: the machine has two cores and one app server.
          fileParallelism: false,
        },
      },
    ],
  },
});
