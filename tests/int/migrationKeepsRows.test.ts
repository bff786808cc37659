import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import { getPayload, type Migration, type Payload } from 'payload'

import { migrations } from '@migrations/index'
import { importSourceFile } from '@seed/importSource'

/**
 * The migration that turns on AUTOINCREMENT rebuilds every table inside Payload's migration
 * transaction, where foreign keys cannot be switched off: a database in use before it must come out
 * with every row, every reference and every locale intact.
 */

let payload: Payload
let adapter: SQLiteAdapter
let dataDir: string

const REBUILD = '20261206_205208_ids_never_reused'
/**
 * The migrations after the rebuild add columns that today's code reads and writes: they exist while
 * the test writes its rows through the Local API, and are dropped again (newest first) before the
 * migrations run, so the rebuild meets the schema of its own time (their own up and down).
 */
const laterMigrations = () => {
  const rebuild = migrations.findIndex((migration) => migration.name === REBUILD)
  const later = migrations.slice(rebuild + 1)
  if (rebuild < 0 || later.length === 0) throw new Error(`no migrations after ${REBUILD}`)
  return later
}

const laterColumns = async (direction: 'up' | 'down'): Promise<void> => {
  const later = laterMigrations()
  for (const migration of direction === 'up' ? later : [...later].reverse()) {
    const args = { db: adapter.drizzle, payload, req: undefined } as unknown as Parameters<
      typeof migration.up
    >[0]
    await migration[direction](args)
  }
}

const rowCounts = async (): Promise<Record<string, number>> => {
  const tables = await adapter.drizzle.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'payload_migrations' ORDER BY name`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables) {
    const [row] = await adapter.drizzle.all<{ count: number }>(
      sql.raw(`SELECT count(*) AS count FROM "${name}"`),
    )
    counts[name] = Number(row?.count ?? 0)
  }
  return counts
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-migration-rows-'))
  process.env.KAIJI_DATA_DIR = dataDir
  process.env.DATABASE_URL = `file:${path.join(dataDir, 'test.db')}`
  delete process.env.PAYLOAD_SECRET
  const { default: config } = await import('@/payload.config')
  payload = await getPayload({ config })
  adapter = payload.db as unknown as SQLiteAdapter
  const before = migrations.findIndex((migration) => migration.name === REBUILD)
  expect(before).toBeGreaterThan(0)
  await payload.db.migrate({ migrations: migrations.slice(0, before) as unknown as Migration[] })
  await laterColumns('up')
})

afterAll(async () => {
  await payload?.db.destroy?.()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('the AUTOINCREMENT migration on a database in use', () => {
  it('keeps every row, locale, version and reference, and ids are never handed out again', async () => {
    await importSourceFile({ payload, actor: 'test' })
    const user = await payload.create({
      collection: 'users',
      data: { email: 'kept@local.test', password: 'Kaiji-Local-Passw0rd', role: 'legal-editor' },
    })
    await payload.update({
      collection: 'partner-categories',
      where: { key: { equals: 'maps' } },
      locale: 'en',
      data: { name: 'Maps' },
      user,
    })
    const before = await rowCounts()
    expect(before.partner_categories_locales).toBeGreaterThan(8)
    expect(before._partner_categories_v).toBeGreaterThan(8)
    const maps = await payload.find({
      collection: 'partner-categories',
      where: { key: { equals: 'maps' } },
      locale: 'all',
      depth: 0,
    })

    await laterColumns('down')
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })

    expect(await rowCounts()).toEqual(before)
    expect(await adapter.drizzle.all(sql`PRAGMA foreign_key_check`)).toEqual([])
    expect(await adapter.drizzle.all(sql`PRAGMA integrity_check`)).toEqual([
      { integrity_check: 'ok' },
    ])
    const orphans = await adapter.drizzle.all(
      sql`SELECT id FROM _partner_categories_v WHERE parent_id IS NULL`,
    )
    expect(orphans).toEqual([])
    expect(
      (
        await payload.find({
          collection: 'partner-categories',
          where: { key: { equals: 'maps' } },
          locale: 'all',
          depth: 0,
        })
      ).docs,
    ).toEqual(maps.docs)

    const [schema] = await adapter.drizzle.all<{ sql: string }>(
      sql`SELECT sql FROM sqlite_master WHERE name = 'partner_categories'`,
    )
    expect(schema?.sql).toMatch(/AUTOINCREMENT/)
    const doomed = await payload.create({
      collection: 'partner-categories',
      locale: 'ja',
      data: { key: 'doomed', order: 20, name: '一時' },
    })
    await payload.delete({ collection: 'partner-categories', id: doomed.id })
    const next = await payload.create({
      collection: 'partner-categories',
      locale: 'ja',
      data: { key: 'next-one', order: 21, name: '次' },
    })
    expect(next.id).toBeGreaterThan(doomed.id)
  })
})
