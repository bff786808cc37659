import path from 'node:path'

export type DatabaseTarget =
  { kind: 'sqlite'; url: string; filePath: string } | { kind: 'mongodb'; url: string }

export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError'
}

export const DEFAULT_SQLITE_FILE = 'kaiji.db'

/**
 * Chooses the database from DATABASE_URL: unset → SQLite under the data folder, `file:` → SQLite,
 * `mongodb://` / `mongodb+srv://` → MongoDB. Anything else is refused, naming the variable.
 */
export const parseDatabaseUrl = (raw: string | undefined, dataDir: string): DatabaseTarget => {
  const value = raw?.trim()
  if (!value) {
    const filePath = path.join(dataDir, DEFAULT_SQLITE_FILE)
    return { kind: 'sqlite', url: `file:${filePath}`, filePath }
  }
  if (value.startsWith('file:')) {
    const rawPath = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!rawPath || rawPath === '//') {
      throw new DatabaseUrlError(
        `DATABASE_URL "${value}" names no file; use e.g. file:./data/kaiji.db`,
      )
    }
    const filePath = path.resolve(rawPath)
    return { kind: 'sqlite', url: `file:${filePath}`, filePath }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(value)) {
    return { kind: 'mongodb', url: value }
  }
  throw new DatabaseUrlError(
    `DATABASE_URL "${redactDatabaseUrl(value)}" is not supported: use file:<path> for SQLite or mongodb://… / mongodb+srv://… for MongoDB (unset means SQLite under ./data)`,
  )
}

/** Hides credentials before a URL reaches a log line or an error message. */
export const redactDatabaseUrl = (url: string): string => url.replace(/\/\/([^@/]*)@/, '//***@')
