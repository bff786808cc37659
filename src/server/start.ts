import type { Server } from 'node:http'

import type { Payload } from 'payload'

import { describeSeedReport, importSourceFile } from '../../seed/importSource'
import { isContentEmpty } from '../../seed/seed'
import { projectPath } from '../config/paths'
import type { DatabaseTarget } from '../database/databaseUrl'
import { describeDatabase, openPayload } from '../database/openPayload'
import { createApp } from './createApp'
import { startupLog } from './logger'

const DEFAULT_HOST = '127.0.0.1'

const seedIfEmpty = async (payload: Payload): Promise<void> => {
  if (!(await isContentEmpty(payload))) return
  const report = await importSourceFile({ payload, actor: 'seed import (first start)' })
  payload.logger.info(`Empty database: ${describeSeedReport(report)}`)
}

export const start = async ({ dev, database, port }: { dev: boolean; database: DatabaseTarget; port: number }): Promise<Server> => {
  const root = projectPath()
  const host = process.env.HOST ?? DEFAULT_HOST

  Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' })

  startupLog(`Database: ${describeDatabase(database)}`)
  const payload = await openPayload(database)
  await seedIfEmpty(payload)

  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: root, hostname: host, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()
  const app = createApp({ payload, dev, handleNext: (req, res) => handle(req, res) })

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening))
    listening.once('error', reject)
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  startupLog(`Kaiji is serving on http://${host}:${actualPort} (admin at /admin)`)

  const shutdown = (signal: string) => {
    startupLog(`${signal}: shutting down`)
    server.close(() => {
      void Promise.resolve(payload.db.destroy?.()).finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
  return server
}
