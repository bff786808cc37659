import { makeDataDir, runScript, startServer } from '../../support/server.mjs'
import { TEST_PASSWORD, TEST_USERS } from '../../support/testUsers.mjs'

/**
 * One real server for the HTTP and browser tests, on its own temporary SQLite database, seeded from
 * the source on first start, with one user per role made through the create-user CLI.
 */
export default async function globalSetup() {
  if (globalThis.__kaijiServer) return
  const dataDir = makeDataDir('server')
  const server = await startServer({ dataDir })
  globalThis.__kaijiServer = server

  for (const user of Object.values(TEST_USERS)) {
    const args = ['--email', user.email, '--password', TEST_PASSWORD, '--role', user.role]
    if (user.locales) args.push('--locales', user.locales)
    const result = await runScript('src/cli/createUser.ts', args, { KAIJI_DATA_DIR: dataDir })
    if (result.code !== 0) throw new Error(`create-user ${user.email} failed: ${result.stderr}`)
  }

  process.env.KAIJI_TEST_BASE_URL = server.baseURL
  process.env.KAIJI_TEST_DATA_DIR = dataDir
}
