import fs from 'node:fs'

import { ApiClient } from './http'
import { makeDataDir, startServer, stopServer } from './serverProcess.mjs'
import { TEST_PASSWORD, TEST_USERS } from './testUsers.mjs'

/**
 * A server of its own (fresh database, seeded on start) for tests that change shared content, with
 * the same test users, made over HTTP: the first through create-first-user, the rest by that admin.
 */
export const startIsolatedServer = async (label: string) => {
  const dataDir = makeDataDir(label)
  const server = await startServer({ dataDir })
  const client = new ApiClient(server.baseURL)
  const { admin, ...others } = TEST_USERS
  const first = await client.request('/api/users/first-register', {
    method: 'POST',
    json: { email: admin.email, password: TEST_PASSWORD, role: 'admin' },
  })
  if (first.status !== 200) throw new Error(`first-register failed: ${first.text}`)
  const adminToken = await client.login('admin')
  for (const user of Object.values(others)) {
    const assignedLocales = 'locales' in user ? user.locales.split(',') : []
    const created = await client.request('/api/users', {
      method: 'POST',
      token: adminToken,
      json: { email: user.email, password: TEST_PASSWORD, role: user.role, assignedLocales },
    })
    if (created.status !== 201) throw new Error(`creating ${user.email} failed: ${created.text}`)
  }
  return {
    client,
    dataDir,
    stop: async () => {
      await stopServer(server.child)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
