import { createServer, type Server } from 'node:http'

import type { Payload } from 'payload'

import { describeSeedReport, importSourceFile } from '../../seed/importSource'
import { isContentEmpty } from '../../seed/seed'
import { projectPath } from '../config/paths'
import type { DatabaseTarget } from '../database/databaseUrl'
import { describeDatabase, openPayload } from '../database/openPayload'
import { DeliveryService } from '../delivery/deliveryService'
import { isPublicPath } from '../delivery/publicRoutes'
import { onReleasePublished } from '../releases/releaseSignal'
import { createWebhookDispatcher, dispatcherOptionsFromEnv } from '../webhooks/dispatcher'
import { watchScheduledReleases } from '../webhooks/effectiveWatcher'
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

  let publicUrl = process.env.KAIJI_PUBLIC_URL?.replace(/\/+$/, '') ?? ''
  const delivery = new DeliveryService(payload, {
    publicUrl: () => publicUrl,
    cacheControl: process.env.KAIJI_PUBLIC_CACHE_CONTROL || undefined,
  })
  delivery.start()
  const dispatcher = createWebhookDispatcher(payload, dispatcherOptionsFromEnv())
  const stopAnnouncing = onReleasePublished((release) => dispatcher.announce('release.published', release))
  const watcher = watchScheduledReleases(payload, dispatcher)

  // Public reads skip Express entirely: its routing alone costs most of the throughput the cache buys.
  const server = createServer((req, res) => (isPublicPath(req.url ?? '') ? delivery.handle(req, res) : app(req, res)))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  publicUrl ||= `http://${host}:${actualPort}`
  startupLog(`Kaiji is serving on http://${host}:${actualPort} (admin at /admin)`)

  const shutdown = (signal: string) => {
    startupLog(`${signal}: shutting down`)
    delivery.stop()
    watcher.stop()
    dispatcher.stop()
    stopAnnouncing()
    server.close(() => {
      void Promise.resolve(payload.db.destroy?.()).finally(() => process.exit(0))
    })
    setTimeout(() => process.exit(0), 5_000).unref()
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
  return server
}
