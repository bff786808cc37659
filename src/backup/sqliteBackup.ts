import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'

export class BackupError extends Error {
  override name = 'BackupError'
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\u0000', 'latin1')

const withClient = async <T>(file: string, work: (client: Client) => Promise<T>): Promise<T> => {
  const client = createClient({ url: `file:${file}` })
  try {
    return await work(client)
  } finally {
    client.close()
  }
}

const sha256 = (file: string): string =>
  createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** Rows that make a database "in use": any user, content, release or applied migration. */
const CONTENT_TABLES = [
  'users',
  'partner_categories',
  'releases',
  'audit_events',
  'payload_migrations',
] as const

const tableNames = async (client: Client): Promise<Set<string>> =>
  new Set(
    (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((row) =>
      String(row.name),
    ),
  )

/** Counts of the rows that would be lost by overwriting this database (empty when there is none). */
export const contentCounts = async (file: string): Promise<Record<string, number>> => {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return {}
  return withClient(file, async (client) => {
    const tables = await tableNames(client)
    const counts: Record<string, number> = {}
    for (const table of CONTENT_TABLES) {
      if (!tables.has(table)) continue
      const count = Number(
        (await client.execute(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0]?.n ?? 0,
      )
      if (count > 0) counts[table] = count
    }
    return counts
  })
}

/** A readable SQLite database that passes SQLite's own integrity check and holds Kaiji's schema; else why not. */
export const checkBackupFile = async (
  file: string,
  knownMigrations: ReadonlySet<string>,
): Promise<{ migrations: string[] }> => {
  if (!fs.existsSync(file)) throw new BackupError(`${file} does not exist.`)
  const header = Buffer.alloc(SQLITE_HEADER.length)
  const handle = fs.openSync(file, 'r')
  try {
    fs.readSync(handle, header, 0, header.length, 0)
  } finally {
    fs.closeSync(handle)
  }
  if (!header.equals(SQLITE_HEADER))
    throw new BackupError(`${file} is not a Kaiji backup: it is not an SQLite database file.`)
  return withClient(file, async (client) => {
    let integrity: string
    try {
      integrity = (await client.execute('PRAGMA integrity_check')).rows
        .map((row) => String(Object.values(row)[0]))
        .join('; ')
    } catch (error) {
      throw new BackupError(`${file} is damaged: ${(error as Error).message}`)
    }
    if (integrity !== 'ok')
      throw new BackupError(
        `${file} is damaged (SQLite integrity check: ${integrity.slice(0, 300)}).`,
      )
    const tables = await tableNames(client)
    if (!tables.has('payload_migrations') || !tables.has('partner_categories'))
      throw new BackupError(
        `${file} is an SQLite database, but not a Kaiji backup (no Kaiji tables).`,
      )
    const migrations = (
      await client.execute('SELECT name FROM payload_migrations ORDER BY name')
    ).rows.map((row) => String(row.name))
    const unknown = migrations.filter((name) => !knownMigrations.has(name))
    if (unknown.length)
      throw new BackupError(
        `${file} was made by a newer version of Kaiji (migrations ${unknown.join(', ')}); restore it with that version.`,
      )
    return { migrations }
  })
}

/**
 * A consistent copy of the whole database (content, versions, workflow, releases, audit trail, users
 * with their password hashes, webhooks) taken with SQLite's VACUUM INTO, safe while servers run.
 */
export const backupSqlite = async (
  databaseFile: string,
  outFile: string,
): Promise<{ bytes: number; sha256: string }> => {
  if (!fs.existsSync(databaseFile))
    throw new BackupError(`There is no database at ${databaseFile} to back up.`)
  if (fs.existsSync(outFile))
    throw new BackupError(`${outFile} already exists; a backup never overwrites a file.`)
  fs.mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true })
  await withClient(databaseFile, (client) =>
    client.execute({ sql: 'VACUUM INTO ?', args: [path.resolve(outFile)] }),
  )
  return { bytes: fs.statSync(outFile).size, sha256: sha256(outFile) }
}

/** Puts a checked backup in place of an empty (or missing) database; refuses to overwrite content. */
export const restoreSqlite = async (
  backupFile: string,
  databaseFile: string,
  knownMigrations: ReadonlySet<string>,
): Promise<{ bytes: number; sha256: string }> => {
  await checkBackupFile(backupFile, knownMigrations)
  const counts = await contentCounts(databaseFile)
  if (Object.keys(counts).length > 0) {
    const described = Object.entries(counts)
      .map(([table, count]) => `${count} ${table}`)
      .join(', ')
    throw new BackupError(
      `The database at ${databaseFile} is not empty (${described}); restore only into an empty database.`,
    )
  }
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  const staging = `${databaseFile}.restoring`
  fs.copyFileSync(backupFile, staging)
  for (const leftover of [`${databaseFile}-wal`, `${databaseFile}-shm`])
    fs.rmSync(leftover, { force: true })
  fs.renameSync(staging, databaseFile)
  return { bytes: fs.statSync(databaseFile).size, sha256: sha256(databaseFile) }
}
