import fs from 'node:fs'

import { ApiClient, type TestUserName } from './apiClient'
import { startServer, type ServerHandle } from './server.mjs'
import { TEST_PASSWORD, TEST_USERS } from './testUsers.mjs'

/**
 * Makes the test users on a server with no user yet, over HTTP: the admin through create-first-user,
 * the others (all of them unless `names` picks some) by that admin.
 */
export const createTestUsers = async (
  api: ApiClient,
  names: ReadonlyArray<Exclude<TestUserName, 'admin'>> = [
    'editor',
    'editor2',
    'reviewer',
    'translatorEn',
    'translatorFrRu',
  ],
): Promise<void> => {
  const { admin } = TEST_USERS
  const first = await api.request('/api/users/first-register', {
    method: 'POST',
    json: { email: admin.email, password: TEST_PASSWORD, role: 'admin' },
  })
  if (first.status !== 200) throw new Error(`first-register failed: ${first.text}`)
  const adminToken = await api.login('admin')
  for (const name of names) {
    const user = TEST_USERS[name]
    const assignedLocales = 'locales' in user ? user.locales.split(',') : []
    const created = await api.request('/api/users', {
      method: 'POST',
      token: adminToken,
      json: { email: user.email, password: TEST_PASSWORD, role: user.role, assignedLocales },
    })
    if (created.status !== 201) throw new Error(`creating ${user.email} failed: ${created.text}`)
  }
}

export type IsolatedServer = ServerHandle & {
  client: ApiClient
  /** The delivery-only public site, when `env.KAIJI_PUBLIC_PORT` turned it on. */
  publicSite: ApiClient | null
  /** Another server process on the same database (and secret), as a second instance behind a balancer would be; `overrides` changes its environment. */
  startAnother: (overrides?: Record<string, string>) => Promise<ApiClient>
  /** Stops this server and every other one started on its database, and removes the database. */
  stop: () => Promise<void>
}

/**
 * A server of its own (fresh database, seeded on start) for tests that change shared content, with
 * the test users.
 */
export const startIsolatedServer = async (
  label: string,
  env: Record<string, string> = {},
): Promise<IsolatedServer> => {
  const server = await startServer({ label, env })
  const others: ServerHandle[] = []
  const client = new ApiClient(server.baseURL)
  await createTestUsers(client)
  return {
    ...server,
    client,
    publicSite: server.publicURL ? new ApiClient(server.publicURL) : null,
    startAnother: async (overrides = {}) => {
      const another = await startServer({
        dataDir: server.dataDir,
        env: { ...env, ...overrides },
      })
      others.push(another)
      return new ApiClient(another.baseURL)
    },
    stop: async () => {
      await Promise.all([server, ...others].map((running) => running.stop()))
      fs.rmSync(server.dataDir, { recursive: true, force: true })
    },
  }
}
