import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    // Each library test works in its own temp folder; two workers suit a two-core machine.
    maxWorkers: 2,
    // CI is a busy two-core machine: a fresh import or catalog thread alone can take 5 s to start
    // there. A test that hangs still fails, a minute later; none asserts on time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
