import { startIsolatedServer, type IsolatedServer } from '@support/testServer'
import type { ApiClient } from './http'

/**
 * For a test file that changes content: a server of its own, started before the file's tests and
 * stopped after. `own.api` is its client once started.
 */
export const useIsolatedServer = (label: string, env: Record<string, string> = {}) => {
  let server: IsolatedServer | undefined
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
