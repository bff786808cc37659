import type { Client } from '@libsql/client'
import { getPayload, type Migration, type Payload } from 'payload'

import { migrations } from '@migrations/index'
import { StartupError } from '../config/environment'
import { closeConnectionsAfterTransactions } from './closeTransactionConnections'
import { redactDatabaseUrl, type DatabaseTarget } from './databaseUrl'
import { writeOnlySessionsOnSessionWrites } from './sessionOnlyWrites'
import { takeTurnsWriting } from './writeTurns'

export const describeDatabase = (database: DatabaseTarget): string =>
  database.kind === 'sqlite'
    ? `SQLite ${database.filePath}`
    : `MongoDB ${redactDatabaseUrl(database.url)}`

/** Migrations this code does not know mean a newer Kaiji changed the schema: running on it could lose data. */
const refuseNewerSchema = async (payload: Payload): Promise<void> => {
  let applied: string[]
  try {
    const { docs } = await payload.find({
      collection: 'payload-migrations',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    applied = docs.map((doc) => String(doc.name))
  } catch {
    return // a new database: no migrations table yet
  }
  const known = new Set(migrations.map((migration) => migration.name))
  const unknown = applied.filter((name) => !known.has(name) && name !== 'dev')
  if (unknown.length > 0) {
    throw new StartupError(
      `The database has migrations this version of Kaiji does not know (${unknown.join(', ')}): a newer version changed its schema. Run that version, or restore a backup made for this one.`,
    )
  }
}

/**
 * Initializes the one Payload instance of this process and brings the SQLite schema up to date.
 * Call checkEnvironment first. A process that only reads (the public site) leaves migrating to the main one.
 */
export const openPayload = async (
  database: DatabaseTarget,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<Payload> => {
  const { default: config } = await import('../payload.config')
  let payload: Payload
  try {
    payload = await getPayload({ config })
  } catch (error) {
    const details = error instanceof Error ? error.message : String(error)
    throw new StartupError(`Payload could not start on ${describeDatabase(database)}: ${details}`)
  }
  writeOnlySessionsOnSessionWrites(
    payload.db,
    new Set(
      payload.config.collections.filter((collection) => collection.auth).map(({ slug }) => slug),
    ),
  )
  if (database.kind === 'sqlite') {
    const { client } = payload.db as unknown as { client: Client }
    closeConnectionsAfterTransactions(client)
    takeTurnsWriting(client)
  }
  // MongoDB needs no schema migrations; the files in migrations/ are SQLite DDL.
  if (database.kind === 'sqlite') await refuseNewerSchema(payload)
  // The generated index types each migration with the SQLite adapter's own argument types.
  // A migration that fails is rolled back and the adapter exits 1, naming it.
  if (migrate && database.kind === 'sqlite')
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  return payload
}
