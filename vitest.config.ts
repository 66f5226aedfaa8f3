import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Integration tests start real servers (sandbox, DynamoDB and SQS stand-ins) on free ports.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
