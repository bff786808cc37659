const swcTransform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
]

const shared = {
  testEnvironment: 'node',
  // Lexical's "node" entry points use top-level await; its production builds do not.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'production'] },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swcTransform },
  transformIgnorePatterns: ['/node_modules/'],
  // The path aliases of tsconfig.json.
  moduleNameMapper: {
    '^@payload-config$': '<rootDir>/src/payload.config.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@(collections|seed|migrations|tests|support)/(.*)$': '<rootDir>/$1/$2',
  },
  rootDir: '.',
}

/** @type {import('jest').Config} */
export default {
  testTimeout: 60_000,
  // Two test files at a time even on two cores (Jest's default there is one): most of a file's time
  // is spent waiting on the server processes it talks to. Each worker has its own shared server
  // (tests/helpers/globalSetup.mjs), so files running at once never share a database.
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'int',
      testMatch: ['<rootDir>/tests/int/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/globalSetup.mjs',
      globalTeardown: '<rootDir>/tests/helpers/globalTeardown.mjs',
    },
    {
      ...shared,
      displayName: 'security',
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/globalSetup.mjs',
      globalTeardown: '<rootDir>/tests/helpers/globalTeardown.mjs',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/globalSetup.mjs',
      globalTeardown: '<rootDir>/tests/helpers/globalTeardown.mjs',
    },
  ],
}
