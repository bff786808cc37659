import { makeDataDir, runScript, startServer } from '../../support/server.mjs'
import { TEST_PASSWORD, TEST_USERS } from '../../support/testUsers.mjs'

/** A real server on its own temporary SQLite database, seeded from the source on first start, with one user per role made through the create-user CLI. */
const startSharedServer = async () => {
  const dataDir = makeDataDir('server')
  const server = await startServer({ dataDir })
  for (const user of Object.values(TEST_USERS)) {
    const args = ['--email', user.email, '--password', TEST_PASSWORD, '--role', user.role]
    if (user.locales) args.push('--locales', user.locales)
    const result = await runScript('src/cli/createUser.ts', args, { KAIJI_DATA_DIR: dataDir })
    if (result.code !== 0) throw new Error(`create-user ${user.email} failed: ${result.stderr}`)
  }
  return server
}

/**
 * One shared server per Jest worker for the HTTP and browser tests: test files change the content
 * and users they share, so two files running at once must not share a database
 * (tests/helpers/http.ts picks the worker's own).
 */
export default async function globalSetup(globalConfig) {
  if (globalThis.__kaijiServers) return
  const count = Math.max(1, globalConfig.maxWorkers)
  // The first start builds the server if the sources changed; the others reuse that build.
  const first = await startSharedServer()
  const others = await Promise.all(Array.from({ length: count - 1 }, startSharedServer))
  const servers = [first, ...others]
  globalThis.__kaijiServers = servers
  process.env.KAIJI_TEST_BASE_URLS = servers.map((server) => server.baseURL).join(' ')
}
