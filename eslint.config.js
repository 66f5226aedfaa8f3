import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', 'hubspot-app/app/cards/dist/', '.sandbox-data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The domain stays pure: no adapters, AWS, HubSpot client, React, HTTP or the sandbox.
    files: ['src/handover/**', 'src/risk/**', 'src/save/**', 'src/reports/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@hubspot/*',
                '@aws-sdk/*',
                '@aws-lambda-powertools/*',
                'react',
                'node:http',
                'node:https',
                'fastify',
              ],
              message: 'The domain is pure: take a port as a parameter instead.',
            },
            {
              group: ['#sandbox/*', '**/sandbox/**', '#src/hubspot/*', '#src/aws/*'],
              message: 'The domain never imports an adapter or the sandbox.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**', 'functions/**'],
    ignores: ['src/handover/**', 'src/risk/**', 'src/save/**', 'src/reports/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['#sandbox/*', '**/sandbox/**'], message: 'Production code never imports the sandbox.' },
          ],
        },
      ],
    },
  },
);
