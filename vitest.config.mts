import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    // Each library test works in its own temp folder; two workers suit a two-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          // Pure code: the domain, the page's stores and editor, Electron's glue over fakes.
          name: 'unit',
          include: [
            'shared/**/*.test.ts',
            'renderer/**/*.test.{ts,tsx}',
            'electron/main/**/*.test.ts',
          ],
          // Property tests run hundreds of cases; on a loaded two-core machine a few take
          // seconds. A test that hangs still fails.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // Real files in temp libraries, worker threads, hosts on loopback ports, the CLI.
          name: 'integration',
          include: ['electron/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['electron/main/**'],
          // CI is a busy two-core machine: a fresh import or catalog thread alone can take 5 s
          // to start there. A test that hangs still fails, a minute later; none asserts on time.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
