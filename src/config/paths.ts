import path from 'node:path'

/** A path inside the project. Scripts, tests and the server all run from the project root. */
export const projectPath = (...segments: string[]): string =>
  path.resolve(process.cwd(), ...segments)
