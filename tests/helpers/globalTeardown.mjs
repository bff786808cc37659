import fs from 'node:fs'

import { stopServer } from './serverProcess.mjs'

export default async function globalTeardown() {
  const server = globalThis.__kaijiServer
  if (!server) return
  globalThis.__kaijiServer = undefined
  await stopServer(server.child)
  fs.rmSync(server.dataDir, { recursive: true, force: true })
}
