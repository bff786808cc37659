import { type SQLiteAdapter, sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import { importSourceFile } from '@seed/importSource'
import { verifyAuditTrail } from '@/audit/verifyAuditTrail'
import { runScript } from '@support/server.mjs'
import { createTestPayload, type TestPayload } from '../helpers/testPayload'

let testPayload: TestPayload
let payload: Payload

beforeAll(async () => {
  testPayload = await createTestPayload('audit')
  payload = testPayload.payload
  await importSourceFile({ payload, actor: 'seed import (test)' })
  const [first] = (
    await payload.find({ collection: 'partner-categories', sort: 'order', limit: 1 })
  ).docs
  await payload.update({
    collection: 'partner-categories',
    id: first?.id ?? 0,
    locale: 'ja',
    data: { name: '変更' },
  })
})
afterAll(async () => testPayload.cleanup())

const verifyCli = () =>
  runScript('src/cli/auditVerify.ts', [], {
    KAIJI_DATA_DIR: testPayload.dataDir,
    DATABASE_URL: `file:${testPayload.databaseFile}`,
  })

describe('the audit trail', () => {
  // 9 imports, release 1 and the 9 documents it published, 1 edit.
  it('chains every import, publish and edit event', async () => {
    const { events, broken } = await verifyAuditTrail(payload)
    expect(events).toBe(20)
    expect(broken).toBeNull()
    const cli = await verifyCli()
    expect(cli.code).toBe(0)
    expect(cli.stdout).toMatch(/Audit trail intact: 20 events, every link verified\./)
  })

  it('is append-only through the Local API too, for an admin acting as themselves', async () => {
    const admin = await payload.create({
      collection: 'users',
      data: { email: 'admin@audit.test', password: 'Chain-Check-Passw0rd', role: 'admin' },
    })
    const [event] = (await payload.find({ collection: 'audit-events', limit: 1 })).docs
    const asAdmin = { user: admin, overrideAccess: false } as const
    await expect(
      payload.update({
        collection: 'audit-events',
        id: event?.id ?? 0,
        data: { reason: 'x' },
        ...asAdmin,
      }),
    ).rejects.toThrow(/not allowed/)
    await expect(
      payload.delete({ collection: 'audit-events', id: event?.id ?? 0, ...asAdmin }),
    ).rejects.toThrow(/not allowed/)
    await expect(
      payload.create({
        collection: 'audit-events',
        data: {
          at: new Date().toISOString(),
          actorLabel: 'x',
          action: 'approve',
          subject: 'x',
          locale: 'ja',
          previousHash: 'x',
          hash: 'x',
        },
        ...asAdmin,
      }),
    ).rejects.toThrow(/not allowed/)
    expect((await payload.find({ collection: 'audit-events', ...asAdmin })).totalDocs).toBe(20)
  })

  it('npm run audit:verify catches a row edited directly in SQLite, naming the first broken link', async () => {
    const db = (payload.db as unknown as SQLiteAdapter).drizzle
    const { docs } = await payload.find({
      collection: 'audit-events',
      sort: 'id',
      limit: 0,
      pagination: false,
    })
    const victim = docs[3]
    await db.run(
      sql`UPDATE audit_events SET reason = 'nothing to see here' WHERE id = ${victim?.id}`,
    )
    const { broken } = await verifyAuditTrail(payload)
    expect(broken).toMatchObject({
      id: victim?.id,
      position: 3,
      problem: expect.stringMatching(/altered/),
    })
    const cli = await verifyCli()
    expect(cli.code).toBe(1)
    expect(cli.stderr).toMatch(
      new RegExp(`Audit trail BROKEN at event ${victim?.id} \\(position 4 of 20\\)`),
    )
  })

  it('and a deleted row', async () => {
    const db = (payload.db as unknown as SQLiteAdapter).drizzle
    const { docs } = await payload.find({
      collection: 'audit-events',
      sort: 'id',
      limit: 0,
      pagination: false,
    })
    // Undo the previous test's tampering, so the deletion is the only break.
    await db.run(
      sql`UPDATE audit_events SET reason = 'imported from the source file' WHERE id = ${docs[3]?.id}`,
    )
    expect((await verifyAuditTrail(payload)).broken).toBeNull()
    await db.run(sql`DELETE FROM audit_events WHERE id = ${docs[6]?.id}`)
    const { broken } = await verifyAuditTrail(payload)
    expect(broken).toMatchObject({
      id: docs[7]?.id,
      problem: expect.stringMatching(/previous-hash/),
    })
  })
})
