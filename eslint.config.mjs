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
