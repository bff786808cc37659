import { MongoClient } from 'mongodb'

import { redactDatabaseUrl } from './databaseUrl'

/** How long start-up waits for MongoDB before giving up; the driver's default is 30 s. */
export const MONGODB_SERVER_SELECTION_TIMEOUT_MS = 4_000

/**
 * A quick ping before Payload connects, so an unreachable server fails start-up in seconds with a
 * message that says so, instead of a long wait and a driver dump.
 */
export const assertMongoReachable = async (url: string): Promise<void> => {
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: MONGODB_SERVER_SELECTION_TIMEOUT_MS,
    connectTimeoutMS: MONGODB_SERVER_SELECTION_TIMEOUT_MS,
  })
  try {
    await client.connect()
    await client.db().command({ ping: 1 })
  } catch (error) {
    throw new Error(
      `MongoDB is unreachable at ${redactDatabaseUrl(url)} (gave up after ${MONGODB_SERVER_SELECTION_TIMEOUT_MS / 1000} s): ${(error as Error).message}`,
      { cause: error },
    )
  } finally {
    await client.close().catch(() => undefined)
  }
}
