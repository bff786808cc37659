import type { Server } from 'node:http'

import next from 'next'
import { getPayload, type Migration, type Payload } from 'payload'

import { migrations } from '../../migrations'
import { describeSeedReport, importSourceFile } from '../../seed/importSource'
import { isContentEmpty } from '../../seed/seed'
import { dataDirectory, projectPath } from '../config/paths'
import { resolvePayloadSecret } from '../config/payloadSecret'
import { parseDatabaseUrl, redactDatabaseUrl, type DatabaseTarget } from '../database/databaseUrl'
import { createApp } from './createApp'
import { ensureBuild } from './ensureBuild'
import { startupFail, startupLog } from './logger'

const DEFAULT_PORT = 3000
const DEFAULT_HOST = '127.0.0.1'

const parsePort = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    return startupFail(`PORT "${raw}" is not a port number (0–65535)`)
  }
  return port
}

const initPayload = async (database: DatabaseTarget): Promise<Payload> => {
  const { default: config } = await import('../payload.config')
  try {
    return await getPayload({ config })
  } catch (error) {
    const details = error instanceof Error ? error.message : String(error)
    if (database.kind === 'mongodb') {
      return startupFail(`MongoDB is unreachable at ${redactDatabaseUrl(database.url)}: ${details}`)
    }
    return startupFail(`The database could not be opened (${database.url}): ${details}`)
  }
}

/** Brings the schema up to date (SQLite; MongoDB needs no schema) and imports the source into an empty database. */
export const prepareDatabase = async (payload: Payload, database: DatabaseTarget): Promise<void> => {
  // The generated index types each migration with the SQLite adapter's own argument types.
  if (database.kind === 'sqlite') await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  if (await isContentEmpty(payload)) {
    const report = await importSourceFile({ payload, actor: 'seed import (first start)' })
    payload.logger.info(`Empty database: ${describeSeedReport(report)}`)
  }
}

export const start = async ({ dev }: { dev: boolean }): Promise<Server> => {
  const root = projectPath()
  const dataDir = dataDirectory()
  const port = parsePort(process.env.PORT)
  const host = process.env.HOST ?? DEFAULT_HOST

  // Checked against the operator's environment, before this process switches NODE_ENV for Next.
  try {
    process.env.PAYLOAD_SECRET = resolvePayloadSecret(process.env, dataDir)
  } catch (error) {
    return startupFail((error as Error).message)
  }
  let database: DatabaseTarget
  try {
    database = parseDatabaseUrl(process.env.DATABASE_URL, dataDir)
  } catch (error) {
    return startupFail((error as Error).message)
  }

  if (!dev) ensureBuild(root)
  Object.assign(process.env, { NODE_ENV: dev ? 'development' : 'production', NEXT_TELEMETRY_DISABLED: '1' })

  startupLog(`Database: ${database.kind === 'sqlite' ? database.filePath : redactDatabaseUrl(database.url)}`)
  const payload = await initPayload(database)
  await prepareDatabase(payload, database)

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
