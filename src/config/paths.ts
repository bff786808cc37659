import path from 'node:path'

/**
 * Runtime files (SQLite database, generated secret) live under one folder. It is resolved from the
 * working directory, not from this module's URL, because Next bundles this module into `.next/`.
 */
export const dataDirectory = (env: NodeJS.ProcessEnv = process.env): string =>
  path.resolve(env.KAIJI_DATA_DIR ?? 'data')

/** A path inside the project. Scripts, tests and the server all run from the project root. */
export const projectPath = (...segments: string[]): string =>
  path.resolve(process.cwd(), ...segments)
