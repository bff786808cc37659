import fs from 'node:fs'

import { ApiClient } from './http'
import { makeDataDir, startServer, stopServer } from './serverProcess.mjs'
import { TEST_PASSWORD, TEST_USERS } from './testUsers.mjs'

/**
 * A server of its own (fresh database, seeded on start) for tests that change shared content, with
 * the same test users, made over HTTP: the first through create-first-user, the rest by that admin.
 */
export const startIsolatedServer = async (label: string, env: Record<string, string> = {}) => {
  const dataDir = makeDataDir(label)
  const server = await startServer({ dataDir, env })
  const others: Array<Awaited<ReturnType<typeof startServer>>> = []
  const client = new ApiClient(server.baseURL)
  const { admin, ...rest } = TEST_USERS
  const first = await client.request('/api/users/first-register', {
    method: 'POST',
    json: { email: admin.email, password: TEST_PASSWORD, role: 'admin' },
  })
  if (first.status !== 200) throw new Error(`first-register failed: ${first.text}`)
  const adminToken = await client.login('admin')
  for (const user of Object.values(rest)) {
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
    /** The delivery-only public site, when `env.KAIJI_PUBLIC_PORT` turned it on. */
    publicSite: server.publicURL ? new ApiClient(server.publicURL) : null,
    mainPid: server.child.pid ?? 0,
    dataDir,
    output: server.output,
    /** Another server process on the same database (and secret), as a second instance behind a balancer would be; `overrides` changes its environment. */
    startAnother: async (overrides: Record<string, string> = {}): Promise<ApiClient> => {
      const another = await startServer({ dataDir, env: { ...env, ...overrides } })
      others.push(another)
      return new ApiClient(another.baseURL)
    },
    stop: async () => {
      await Promise.all([server, ...others].map((running) => stopServer(running.child)))
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * For a test file that changes content: a server of its own, started before the file's tests and
 * stopped after. `own.api` is its client once started.
 */
export const useIsolatedServer = (label: string, env: Record<string, string> = {}) => {
  let server: Awaited<ReturnType<typeof startIsolatedServer>> | undefined
  beforeAll(async () => {
    server = await startIsolatedServer(label, env)
  }, 180_000)
  afterAll(async () => server?.stop())
  return {
    get api(): ApiClient {
      if (!server) throw new Error(`the ${label} server did not start`)
      return server.client
    },
    /** Its data directory (the SQLite database is `kaiji.db` in it). */
    get dataDir(): string {
      if (!server) throw new Error(`the ${label} server did not start`)
      return server.dataDir
    },
  }
}
