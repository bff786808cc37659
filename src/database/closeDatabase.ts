import type { Payload } from 'payload'

type SqliteClient = { execute: (sql: string) => Promise<unknown>; close: () => void }

const sqliteClientOf = (payload: Payload): SqliteClient | null => {
  const client = (payload.db as unknown as { client?: Partial<SqliteClient> }).client
  return client && typeof client.execute === 'function' && typeof client.close === 'function'
    ? (client as SqliteClient)
    : null
}

/**
 * Closes the database for a clean exit. Payload's destroy() leaves the SQLite client open, so its
 * write-ahead log stays behind: fold the log into the database file and close the client first.
 */
export const closeDatabase = async (payload: Payload): Promise<void> => {
  const sqlite = sqliteClientOf(payload)
  if (sqlite) {
    await sqlite
      .execute('PRAGMA wal_checkpoint(TRUNCATE)')
      .catch((error: unknown) =>
        payload.logger.warn({ err: error }, 'Could not checkpoint the SQLite log'),
      )
    sqlite.close()
  }
  await payload.db.destroy?.()
}
