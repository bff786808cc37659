import { parseDatabaseUrl, type DatabaseTarget } from '../database/databaseUrl'
import { dataDirectory } from './paths'
import { resolvePayloadSecret } from './payloadSecret'

export class StartupError extends Error {
  override name = 'StartupError'
}

/**
 * Settles the secret and the database from the environment, refusing clearly when either is wrong.
 * Call before anything switches NODE_ENV: the production check reads the operator's setting.
 * Kept free of heavy imports so a bad environment is refused in a moment.
 */
export const resolveEnvironment = (): DatabaseTarget => {
  const dataDir = dataDirectory()
  try {
    process.env.PAYLOAD_SECRET = resolvePayloadSecret(process.env, dataDir)
    return parseDatabaseUrl(process.env.DATABASE_URL, dataDir)
  } catch (error) {
    throw new StartupError((error as Error).message)
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
