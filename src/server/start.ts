import type { Server } from 'node:http'

import next from 'next'
import type { Payload } from 'payload'

import { describeSeedReport, importSourceFile } from '../../seed/importSource'
import { isContentEmpty } from '../../seed/seed'
import { projectPath } from '../config/paths'
import { describeDatabase, openPayload, resolveEnvironment, StartupError } from '../database/openPayload'
import { createApp } from './createApp'
import { ensureBuild } from './ensureBuild'
import { startupLog } from './logger'

const DEFAULT_PORT = 3000
const DEFAULT_HOST = '127.0.0.1'

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new StartupError(`PORT "${raw}" is not a port number (0–65535)`)
  }
  return port
}

const seedIfEmpty = async (payload: Payload): Promise<void> => {
  if (!(await isContentEmpty(payload))) return
  const report = await importSourceFile({ payload, actor: 'seed import (first start)' })
  payload.logger.info(`Empty database: ${describeSeedReport(report)}`)
}

export const start = async ({ dev }: { dev: boolean }): Promise<Server> => {
  const root = projectPath()
  const port = parsePort(process.env.PORT)
  const host = process.env.HOST ?? DEFAULT_HOST
  const database = resolveEnvironment()

  if (!dev) ensureBuild(root)
  Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' })

  startupLog(`Database: ${describeDatabase(database)}`)
  const payload = await openPayload(database)
  await seedIfEmpty(payload)

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
