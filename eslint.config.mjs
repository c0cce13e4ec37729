import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'prisma/generated/**',
      'coverage/**',
      'var/**',
      'next-env.d.ts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // The layers (docs/ARCHITECTURE.md): each folder imports only what sits below it.
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    ignores: ['lib/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/app/*',
                '@/components/*',
                '@/workers/*',
                '@/sandbox/*',
                '@/tests/*',
                '@/bench/*',
                '@/scripts/*',
                '@/prisma/seed*',
                '**/../app/*',
                '**/../components/*',
                '**/../workers/*',
                '**/../sandbox/*',
                '**/../tests/*',
                '**/prisma/seed*',
              ],
              message:
                'lib/ is the domain: it imports nothing from the pages, the UI, the workers, the sandbox, the tests or the seed (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/lib/db',
                '@/lib/redis',
                '@/lib/env',
                '@/lib/queue/*',
                '@/lib/publishing/*',
                '@/workers/*',
                '@/sandbox/*',
                'bullmq',
                'ioredis',
                'pg',
                '@prisma/*',
                '@/prisma/generated/client',
              ],
              allowTypeImports: true,
              message:
                'components/ render what lib decided: no database, Redis, queue, environment or secrets in the UI (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['workers/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/app/*', '@/components/*', '@/sandbox/*', '@/tests/*', '**/../app/*'],
              message: 'workers/ build on lib/ only (docs/ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sandbox/**/*.ts'],
    ignores: ['sandbox/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@/app/*',
                '@/components/*',
                '@/workers/*',
                '@/tests/*',
                '@/lib/db',
                '@/lib/redis',
                '@/lib/queue/*',
                '@/lib/publishing/*',
                '@/lib/auth/*',
              ],
              message:
                "The sandbox stands in for the platforms: it uses lib/ only for their pure rules, never Signpost's pages, database or queue (docs/ARCHITECTURE.md).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'prisma/seed.ts', 'tests/**', 'sandbox/**'],
    rules: { 'no-console': 'off' },
  },
  // Server actions take their arguments from the browser, as the API takes bodies: each is
  // declared with serverAction() or withArguments() (app/(app)/action-result.ts), which parse
  // every argument with zod before anything runs, and they live in app/**/actions.ts, where the
  // fuzz suite finds them (issue 8).
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['app/**/actions.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement[directive='use server']",
          message: 'Declare server actions in an app/**/actions.ts file, with serverAction().',
        },
      ],
    },
  },
  {
    files: ['app/**/actions.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'ExportNamedDeclaration > FunctionDeclaration',
          'ExportDefaultDeclaration',
          "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator[init.type!='CallExpression']",
          'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > CallExpression.init[callee.name!=/^(serverAction|withArguments)$/]',
          "ExportNamedDeclaration[declaration=null][exportKind!='type']",
        ].map((selector) => ({
          selector,
          message:
            'Declare a server action with serverAction() or withArguments() from app/(app)/action-result.ts, so its arguments are parsed with zod.',
        })),
      ],
    },
  },
];

export default config;
