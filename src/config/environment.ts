import fs from 'node:fs'
import path from 'node:path'

import type { DatabaseTarget } from '../database/databaseUrl'
import { initSettings, resolvedPayloadSecret } from './settings'
import { StartupError } from './startupError'

export { StartupError } from './startupError'

/**
 * Reads and checks every setting (see settings.ts), then the folders the database and the generated
 * secret need, and settles the secret, refusing clearly when anything is wrong.
 * Call before anything switches NODE_ENV: the production check reads the operator's setting.
 * Kept free of heavy imports so a bad environment is refused in a moment.
 */
export const resolveEnvironment = (): DatabaseTarget => {
  try {
    const { database, dataDir, payloadSecret } = initSettings()
    // The generated secret and the SQLite file (with its WAL) live there: find out now, not mid-write.
    if (database.kind === 'sqlite')
      assertWritableDirectory(path.dirname(database.filePath), 'The SQLite database folder')
    if (!payloadSecret) assertWritableDirectory(dataDir, 'The data directory (KAIJI_DATA_DIR)')
    resolvedPayloadSecret()
    return database
  } catch (error) {
    throw error instanceof StartupError ? error : new StartupError((error as Error).message)
  }
}

/** Creates the folder if needed and proves a file can be written there. */
export const assertWritableDirectory = (dir: string, what: string): void => {
  const probe = path.join(dir, `.kaiji-write-probe-${process.pid}`)
  try {
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(probe, '')
    fs.rmSync(probe, { force: true })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new StartupError(
      `${what} ${dir} is not writable (${code}): point it at a folder this user can write, or fix its permissions.`,
    )
  }
}

/** resolveEnvironment, plus a quick ping when the database is MongoDB. */
export const checkEnvironment = async (): Promise<DatabaseTarget> => {
  const database = resolveEnvironment()
  if (database.kind === 'mongodb') {
    const { assertMongoReachable } = await import('../database/assertMongoReachable')
    await assertMongoReachable(database.url).catch((error: Error) => {
      throw new StartupError(error.message)
    })
  }
  return database
}
