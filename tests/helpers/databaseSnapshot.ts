import { createHash } from 'node:crypto'
import path from 'node:path'

import { type Client, createClient } from '@libsql/client'

/**
 * Every table of a server's SQLite database, hashed per table, read directly (cheap: one small file).
 * Failed sign-ins count attempts on the account they name: that is the lockout working, not a write,
 * so those columns are left out.
 */
export const databaseSnapshotter = (dataDir: string) => {
  let db: Client | undefined
  const snapshot = async (): Promise<Record<string, string>> => {
    db ??= createClient({ url: `file:${path.join(dataDir, 'kaiji.db')}` })
    const tables = await db.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const result: Record<string, string> = {}
    for (const { name } of tables.rows) {
      const rows = await db.execute(`SELECT * FROM "${String(name)}" ORDER BY rowid`)
      const kept = rows.rows.map((row) =>
        rows.columns
          .filter(
            (column) =>
              !(
                name === 'users' && ['login_attempts', 'lock_until', 'updated_at'].includes(column)
              ),
          )
          .map((column) => row[column]),
      )
      result[String(name)] = createHash('sha256')
        .update(
          JSON.stringify(kept, (_key, value: unknown) =>
            typeof value === 'bigint' ? String(value) : value,
          ),
        )
        .digest('hex')
        .slice(0, 16)
    }
    return result
  }
  return { snapshot, close: () => db?.close() }
}

export const changedTables = (
  before: Record<string, string>,
  after: Record<string, string>,
): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (table) => before[table] !== after[table],
  )
