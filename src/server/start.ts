import { createServer, type Server } from 'node:http'

import type { Payload } from 'payload'

import { describeSeedReport, importSourceFile } from '@seed/importSource'
import { isContentEmpty } from '@seed/seed'
import { projectPath } from '../config/paths'
import { setAdminBaseUrl, setPublicBaseUrl } from '../config/publicAddress'
import { enterMode, resolvedPayloadSecret, settings } from '../config/settings'
import { StartupError } from '../config/environment'
import type { DatabaseTarget } from '../database/databaseUrl'
import { describeDatabase, openPayload } from '../database/openPayload'
import { createDeliveryService } from '../delivery/deliveryService'
import { checkExportTarget } from '../delivery/exportDirectory'
import { StaticExportError } from '../delivery/staticExport'
import { keepStaticExport } from '../delivery/staticExportWriter'
import { csrfOrigins, serverOrigins } from '../security/allowedOrigins'
import { withPublicRateLimit } from '../security/publicRateLimit'
import { isPublicPath } from '../delivery/publicRoutes'
import { createObjectionRoutes } from '../subscriptions/objections/objectionRoutes'
import { onReleasePublished } from '../releases/releaseSignal'
import { emailSender } from '../outbox/deliverEmail'
import { onOutboxQueued } from '../outbox/signal'
import { createOutboxWorker } from '../outbox/worker'
import { webhookSender } from '../webhooks/deliverWebhook'
import { watchScheduledReleases } from '../webhooks/effectiveWatcher'
import { scheduleSubscriptionTasks } from '../subscriptions/noticeScheduler'
import { createSubscriptionService } from '../subscriptions/subscriptionService'
import { createApp } from './createApp'
import { BoundedIncomingMessage, ignoreBody } from './requestBody'
import { startupLog } from './logger'
import { supervisePublicSite } from './publicSiteProcess'
import { shutdownOnSignals } from './shutdown'
import { keepIdleConnectionsOpen } from './keepAlive'

const seedIfEmpty = async (payload: Payload): Promise<void> => {
  if (!(await isContentEmpty(payload))) return
  const report = await importSourceFile({ payload, actor: 'seed import (first start)' })
  payload.logger.info(`Empty database: ${describeSeedReport(report)}`)
}

export type PublicSiteOptions = { port: number; entry: string; execArgv: string[] }

export const start = async ({
  dev,
  database,
  port,
  host,
  publicSite,
}: {
  dev: boolean
  database: DatabaseTarget
  port: number
  host: string
  /** Where to run the delivery-only process; null serves the public routes on the main port only. */
  publicSite: PublicSiteOptions | null
}): Promise<Server> => {
  const root = projectPath()

  enterMode(dev ? 'development' : 'production')

  const { staticExportDir } = settings()
  if (staticExportDir)
    await checkExportTarget(staticExportDir).catch((error: unknown) => {
      throw error instanceof StaticExportError
        ? new StartupError(`KAIJI_STATIC_EXPORT_DIR: ${error.message}`)
        : error
    })

  startupLog(`Database: ${describeDatabase(database)}`)
  const payload = await openPayload(database)
  await seedIfEmpty(payload)

  const { default: next } = await import('next')
  const nextApp = next({ dev, dir: root, hostname: host, port })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()
  const app = createApp({ payload, dev, handleNext: (req, res) => handle(req, res) })

  let publicUrl = settings().publicUrl ?? ''
  const delivery = createDeliveryService(payload, () => publicUrl)
  delivery.start()
  const outbox = createOutboxWorker(payload, {
    ...settings().outbox,
    senders: {
      email: emailSender(payload),
      webhook: webhookSender(payload, {
        timeoutMs: settings().outbox.timeoutMs,
        allowPrivate: settings().webhooks.allowPrivate,
      }),
    },
  })
  outbox.start()
  const stopNudging = [
    onReleasePublished(() => outbox.nudge()),
    onOutboxQueued(() => outbox.nudge()),
  ]
  const watcher = watchScheduledReleases(payload, { onQueued: () => outbox.nudge() })
  const subscriptionTasks = scheduleSubscriptionTasks(payload, {
    reminderDays: settings().noticeReminderDays,
    onQueued: () => outbox.nudge(),
  })
  const subscriptions = createSubscriptionService(payload)

  // Public reads skip Express entirely: its routing alone costs most of the throughput the cache buys.
  const objections = createObjectionRoutes(payload, {
    secret: resolvedPayloadSecret(),
    rateLimit: settings().rateLimits.objections,
    trustProxy: settings().trustProxy,
  })
  // The objection link is the one public path that takes a body (its form), so it goes first.
  const servePublic = withPublicRateLimit((req, res) => {
    if (objections.serve(req, res)) return
    ignoreBody(req, res)
    delivery.handle(req, res)
  })
  const server = createServer({ IncomingMessage: BoundedIncomingMessage }, (req, res) => {
    if (!isPublicPath(req.url ?? '')) return app(req, res)
    // The subscription paths read a small form, with rate limits of their own.
    if (subscriptions.handle(req, res)) return
    servePublic(req, res)
  })
  keepIdleConnectionsOpen(server)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  publicUrl ||= `http://${host}:${actualPort}`
  setPublicBaseUrl(publicUrl)
  setAdminBaseUrl(settings().allowedOrigins[0] ?? `http://${host}:${actualPort}`)
  // Browsers that reach this server directly may use the session cookie; other origins only if configured.
  csrfOrigins().push(...serverOrigins(host, actualPort))
  startupLog(`Kaiji is serving on http://${host}:${actualPort} (admin at /admin)`)

  // The main port keeps serving the public routes too; the public site is the fast way to them.
  const publicProcess = publicSite
    ? await supervisePublicSite({ ...publicSite, payload }).catch((error: Error) => {
        server.close()
        throw new StartupError(
          `${error.message}\nKAIJI_PUBLIC_PORT=${publicSite.port} is where it listens; set another port, or "off" to serve the public routes on the main port only.`,
        )
      })
    : null
  if (publicProcess) {
    startupLog(`Public site (delivery only) on ${publicProcess.url}`)
    // Absolute links (the Atom feed) name the public site, whichever process serves them.
    if (settings().publicUrl === null) {
      publicUrl = publicProcess.url
      setPublicBaseUrl(publicUrl)
      delivery.invalidate()
    }
  }

  // Only this process writes the export: the public site's process serves, it never writes files.
  const staticExport = staticExportDir ? keepStaticExport(payload, delivery, staticExportDir) : null

  shutdownOnSignals({
    server,
    payload,
    steps: [
      () => staticExport?.stop(),
      () => delivery.stop(),
      () => watcher.stop(),
      () => subscriptionTasks.stop(),
      () => outbox.stop(),
      ...stopNudging,
      () => publicProcess?.stop(),
    ],
  })
  return server
}
