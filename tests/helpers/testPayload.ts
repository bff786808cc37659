import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

export type TestPayload = {
  payload: Payload
  dataDir: string
  databaseFile: string
  cleanup: () => Promise<void>
}

/**
 * A Payload instance on a fresh temporary SQLite file, migrated with the files in migrations/.
 * Environment is set before the config is imported, as the config reads it once.
 */
export const createTestPayload = async (label: string): Promise<TestPayload> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `kaiji-${label}-`))
  const databaseFile = path.join(dataDir, 'test.db')
  process.env.KAIJI_DATA_DIR = dataDir
  process.env.DATABASE_URL = `file:${databaseFile}`
  delete process.env.PAYLOAD_SECRET
  const { resolveEnvironment } = await import('@/config/environment')
  const { openPayload } = await import('@/database/openPayload')
  const payload = await openPayload(resolveEnvironment())
  return {
    payload,
    dataDir,
    databaseFile,
    cleanup: async () => {
      await payload.db.destroy?.()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
