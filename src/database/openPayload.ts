import { getPayload, type Migration, type Payload } from 'payload'

import { migrations } from '../../migrations'
import { StartupError } from '../config/environment'
import { redactDatabaseUrl, type DatabaseTarget } from './databaseUrl'

export const describeDatabase = (database: DatabaseTarget): string =>
  database.kind === 'sqlite' ? `SQLite ${database.filePath}` : `MongoDB ${redactDatabaseUrl(database.url)}`

/**
 * Initializes the one Payload instance of this process and brings the SQLite schema up to date.
 * Call checkEnvironment first. A process that only reads (the public site) leaves migrating to the main one.
 */
export const openPayload = async (database: DatabaseTarget, { migrate = true }: { migrate?: boolean } = {}): Promise<Payload> => {
  const { default: config } = await import('../payload.config')
  let payload: Payload
  try {
    payload = await getPayload({ config })
  } catch (error) {
    const details = error instanceof Error ? error.message : String(error)
    throw new StartupError(`Payload could not start on ${describeDatabase(database)}: ${details}`)
  }
  // MongoDB needs no schema migrations; the files in migrations/ are SQLite DDL.
  // The generated index types each migration with the SQLite adapter's own argument types.
  if (migrate && database.kind === 'sqlite') await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  return payload
}
