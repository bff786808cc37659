// ESLint flat config. Prettier owns formatting (npm run format), so no stylistic rules here.
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

/**
 * The layers, top to bottom (ARCHITECTURE.md): a module may import its own layer and the layers
 * below it, never one above. Webhooks announce what delivery serves, so they sit beside it.
 * `src/config`, `src/access`, `src/utilities`, `src/diff`, `src/http`, `src/i18n` (the admin's
 * strings), `src/site` (the public site's settings, which every layer may read), `src/ui` (admin pieces the workflow and the server's components share) and the generated `payload-types.ts` are the foundation every layer may use.
 */
const LAYERS = [
  {
    name: 'server',
    paths: ['src/server', 'src/cli', 'src/app', 'src/endpoints', 'src/components'],
  },
  { name: 'delivery', paths: ['src/delivery', 'src/webhooks', 'src/subscriptions'] },
  { name: 'releases', paths: ['src/releases', 'src/translations'] },
  { name: 'workflow', paths: ['src/workflow'] },
  { name: 'audit', paths: ['src/audit'] },
  { name: 'outbox', paths: ['src/outbox'] },
]
const FOUNDATION = [
  'src/utilities',
  'src/diff',
  'src/http',
  'src/i18n',
  'src/ui',
  'src/email',
  'src/site',
]

const above = (index) => LAYERS.slice(0, index).flatMap((layer) => layer.paths)

const layerZones = [
  ...LAYERS.slice(1).flatMap((layer, position) =>
    layer.paths.map((target) => ({
      target: `./${target}`,
      from: above(position + 1).map((path) => `./${path}`),
      message: `The ${layer.name} layer may not import a layer above it (server/endpoints → delivery/webhooks → releases/translations → workflow → audit → outbox → utilities).`,
    })),
  ),
  {
    target: FOUNDATION.map((path) => `./${path}`),
    from: [...LAYERS.flatMap((layer) => layer.paths), 'collections', 'seed'].map(
      (path) => `./${path}`,
    ),
    message: 'Pure utilities import nothing from the application layers.',
  },
  {
    target: [
      './src/server',
      './src/endpoints',
      './src/cli',
      './src/components',
      './collections',
      './seed',
    ],
    from: './src/workflow',
    except: ['./index.ts'],
    message: 'Use the workflow through its exported functions (src/workflow/index.ts).',
  },
  {
    target: ['./src/releases', './src/translations', './src/webhooks'],
    from: './src/workflow',
    except: ['./index.ts'],
    message:
      'Releases use the workflow only through its exported functions (src/workflow/index.ts).',
  },
  {
    target: './src/delivery',
    from: ['./src/workflow', './src/audit', './collections'],
    message: 'Delivery reads releases only, never the working copy or the workflow.',
  },
]

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.next/',
      'dist/',
      'data/',
      'coverage/',
      'test-results/',
      'bench-results/',
      'src/payload-types.ts',
      'src/app/(payload)/',
      'next-env.d.ts',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        globalThis: 'readonly',
      },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      'import-x/no-duplicates': ['error', { 'prefer-inline': true }],
      'import-x/no-self-import': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../../*',
                '../src/*',
                '../collections/*',
                '../seed/*',
                '../migrations/*',
                '../tests/*',
                '../support/*',
              ],
              message:
                'Import across folders with the path aliases of tsconfig.json (@/…, @collections/…, @seed/…, @migrations/…, @tests/…, @support/…).',
            },
          ],
        },
      ],
      'no-console': 'off',
      // Escaping and validating text means matching control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Server code logs through payload.logger or the server's logger; CLIs and scripts print to the terminal.
    files: ['src/**/*.{ts,tsx}', 'collections/**/*.ts', 'seed/**/*.ts'],
    ignores: ['src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // Node runs these without a loader, so tsconfig's aliases do not apply to them.
    files: ['**/*.mjs'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Written by `payload migrate:create`: the generated signature names arguments a migration may not use.
    files: ['migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // It reports an async loader started in an effect as a synchronous setState, though every
      // setState there runs after an await (both of its findings here were that).
      'react-hooks/set-state-in-effect': 'off',
    },
  },
  {
    // Type-aware rules where an unawaited promise or a promise passed as a callback is a real bug.
    files: ['src/**/*.{ts,tsx}', 'collections/**/*.ts', 'seed/**/*.ts', 'migrations/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
)
