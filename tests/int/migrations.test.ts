import fs from 'node:fs'
import path from 'node:path'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'

import { createTestPayload, type TestPayload } from '../helpers/testPayload'

let testPayload: TestPayload
let adapter: SQLiteAdapter

beforeAll(async () => {
  testPayload = await createTestPayload('migrations')
  adapter = testPayload.payload.db as unknown as SQLiteAdapter
})
afterAll(async () => testPayload.cleanup())

describe('migrations/', () => {
  it('were applied to the fresh database, each once', async () => {
    const { docs } = await testPayload.payload.find({
      collection: 'payload-migrations',
      limit: 0,
      pagination: false,
    })
    const files = fs.readdirSync('migrations').filter((file) => /^\d{8}_\d{6}_.+\.ts$/.test(file))
    expect(docs.map((doc) => `${doc.name}.ts`).sort()).toEqual(files.sort())
  })

  it('leave the database exactly as the config describes it (no drift)', async () => {
    // Payload types requireDrizzleKit for every dialect; this is drizzle-kit's pushSQLiteSchema.
    const { pushSchema } = adapter.requireDrizzleKit()
    const { statementsToExecute, hasDataLoss } = (await pushSchema(
      adapter.schema,
      adapter.drizzle as never,
    )) as unknown as {
      statementsToExecute: string[]
      hasDataLoss: boolean
    }
    expect(statementsToExecute).toEqual([])
    expect(hasDataLoss).toBe(false)
  })

  it('have a latest snapshot that matches the config (migrate:create would find nothing)', async () => {
    const { generateDrizzleJson, generateMigration } = adapter.requireDrizzleKit()
    const latest = fs
      .readdirSync('migrations')
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest).toBeDefined()
    const previous = JSON.parse(fs.readFileSync(path.join('migrations', latest ?? ''), 'utf8'))
    const current = await generateDrizzleJson(adapter.schema)
    expect(await generateMigration(previous, current)).toEqual([])
  })
})
