// Type-aware lint plus the folder-boundary rules of DESIGN §4:
// domain/ imports only domain/; web/ never imports server/, db/, usecases/ (nor audit/, app/).
import tseslint from 'typescript-eslint';

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'bench/results/**', '.tmp/**', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/only-throw-error': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: restrict(
      ['node:*', '../../*', '../../../*', 'fastify', 'kysely', 'pg', 'zod', '@electric-sql/*', 'react', 'antd'],
      'domain/ is pure: it imports only domain/ (DESIGN §4)',
    ),
  },
  {
    files: ['src/web/**/*.{ts,tsx}'],
    rules: restrict(
      ['**/server/**', '**/db/**', '**/usecases/**', '**/audit/**', '**/app/**', '**/cli/**', 'node:*', 'kysely', 'pg', 'fastify'],
      'web/ talks to the server over HTTP only (DESIGN §4)',
    ),
  },
  {
    files: ['src/contracts/**/*.ts'],
    rules: restrict(['**/server/**', '**/db/**', '**/usecases/**', 'node:*'], 'contracts/ are shared with the web app'),
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/*.test.ts', '**/*.test.tsx'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', 'no-restricted-imports': 'off' },
  },
);
